package org.hrmlab.puzzles.maze;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.MazePuzzle;
import org.hrmlab.puzzles.PuzzleCsv;
import org.hrmlab.puzzles.PuzzleFormatException;

/**
 * Reads mazes: a text file whose lines are rows of {@code # SGo} characters (with {@code o} cells it carries its
 * answer, which is checked; without, the shortest path is computed), and CSV files in the Maze-Hard layout
 * ({@code source,question,answer,rating}; each maze one square row-major string). Every maze must have exactly one
 * start and one goal and be solvable; every answer must mark a shortest path. A file is loaded whole or not at all.
 */
public final class MazeLoader {
    private MazeLoader() {
    }

    /**
     * Parses maze text.
     *
     * @param text   rows of {@code # SGo}, one per line (trailing empty lines ignored)
     * @param name   the puzzle name
     * @param source the file name for error messages
     * @throws PuzzleFormatException if rows are ragged, a character is unknown, S/G are not single, or it is unsolvable
     */
    public static MazePuzzle parseText(String text, String name, String source) throws PuzzleFormatException {
        List<String> lines = new ArrayList<>(List.of(text.replace("\r", "").split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            throw new PuzzleFormatException(source, null, "empty maze");
        }
        int cols = lines.get(0).length();
        int[] cells = new int[lines.size() * cols];
        for (int r = 0; r < lines.size(); r++) {
            String line = lines.get(r);
            if (line.length() != cols) {
                throw new PuzzleFormatException(source, "line " + (r + 1), "ragged maze: " + line.length()
                        + " characters, line 1 has " + cols);
            }
            for (int c = 0; c < cols; c++) {
                cells[r * cols + c] = code(line.charAt(c), source, "line " + (r + 1) + ", column " + (c + 1));
            }
        }
        Grid grid = Grid.of(lines.size(), cols, cells);
        return build(name, grid, -1, source, null);
    }

    /** Reads a maze text file. */
    public static MazePuzzle readText(Path file) throws IOException {
        return parseText(Files.readString(file, StandardCharsets.UTF_8), baseName(file), file.toString());
    }

    /**
     * Parses a question/answer pair of square row-major strings (a Maze-Hard CSV row).
     *
     * @throws PuzzleFormatException if either is malformed or the answer is not a shortest path
     */
    public static MazePuzzle parsePair(String name, String question, String answer, long rating, String source,
            String where) throws PuzzleFormatException {
        int n = (int) Math.round(Math.sqrt(question.length()));
        if (n * n != question.length() || n < 2) {
            throw new PuzzleFormatException(source, where, "a maze row must be a square grid, got " + question.length()
                    + " characters");
        }
        if (answer.length() != question.length()) {
            throw new PuzzleFormatException(source, where, "answer has " + answer.length() + " characters, question has "
                    + question.length());
        }
        int[] q = new int[question.length()];
        int[] a = new int[answer.length()];
        for (int i = 0; i < q.length; i++) {
            q[i] = code(question.charAt(i), source, where + ", question character " + (i + 1));
            if (q[i] == MazeCell.PATH.code()) {
                throw new PuzzleFormatException(source, where, "question character " + (i + 1)
                        + " is a path cell 'o'");
            }
            a[i] = code(answer.charAt(i), source, where + ", answer character " + (i + 1));
        }
        return build(name, Grid.of(n, n, q), rating, source, where, Grid.of(n, n, a));
    }

    /** Reads a whole Maze-Hard style CSV; on the first bad row nothing is returned. */
    public static List<MazePuzzle> readCsv(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return PuzzleCsv.readPuzzles(r, file.toString(), rowParser(file.toString()));
        }
    }

    /** Reads row {@code index} (0-based) of a Maze-Hard style CSV. */
    public static MazePuzzle readCsvRow(Path file, int index) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readCsvRow(r, file.toString(), index);
        }
    }

    /** As {@link #readCsvRow(Path, int)}, from text already open. */
    public static MazePuzzle readCsvRow(BufferedReader reader, String source, int index) throws IOException {
        return PuzzleCsv.readPuzzle(reader, source, index, rowParser(source));
    }

    private static PuzzleCsv.RowParser<MazePuzzle> rowParser(String source) {
        String base = baseName(Path.of(source));
        return row -> parsePair(base + "#" + row.index(), row.question(), row.answer(), row.ratingValue(source),
                source, row.where());
    }

    private static MazePuzzle build(String name, Grid grid, long rating, String source, String where)
            throws PuzzleFormatException {
        boolean hasPath = grid.count(MazeCell.PATH.code()) > 0;
        Grid question = hasPath ? grid.map(v -> v == MazeCell.PATH.code() ? MazeCell.OPEN.code() : v) : grid;
        return build(name, question, rating, source, where, hasPath ? grid : null);
    }

    private static MazePuzzle build(String name, Grid question, long rating, String source, String where,
            Grid answer) throws PuzzleFormatException {
        String endpoints = MazeSolver.checkEndpoints(question);
        if (endpoints != null) {
            throw new PuzzleFormatException(source, where, endpoints);
        }
        MazeSolver.Solution best = MazeSolver.solve(question);
        if (best == null) {
            throw new PuzzleFormatException(source, where, "unsolvable maze: no path from S to G");
        }
        Grid solution = best.solved();
        if (answer != null) {
            String problem = MazeSolver.checkAnswer(question, answer);
            if (problem != null) {
                throw new PuzzleFormatException(source, where, problem);
            }
            solution = answer;
        }
        return new MazePuzzle(name, question, solution, rating >= 0 ? rating : best.length());
    }

    private static int code(char ch, String source, String where) throws PuzzleFormatException {
        MazeCell cell = MazeCell.ofSymbol(ch);
        if (cell == null) {
            throw new PuzzleFormatException(source, where, "unknown maze character '" + ch
                    + "' (expected one of '# SGo')");
        }
        return cell.code();
    }

    private static String baseName(Path file) {
        Path f = file.getFileName();
        return f == null ? file.toString() : f.toString();
    }
}
