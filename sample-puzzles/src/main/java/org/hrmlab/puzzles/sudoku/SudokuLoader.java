package org.hrmlab.puzzles.sudoku;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.PuzzleCsv;
import org.hrmlab.puzzles.PuzzleFormatException;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;

/**
 * Reads Sudokus: single lines of N*N characters ({@code 1}-{@code 9} givens, {@code .} or {@code 0} blanks; 16, 36 or
 * 81 characters), files of such lines ({@code #} starts a comment line, as in the tdoku files), and CSV files in the
 * Sudoku-Extreme layout ({@code source,question,answer,rating}). Every answer is checked: it must satisfy the rules
 * and keep the givens. A file is loaded whole or not at all.
 */
public final class SudokuLoader {
    private SudokuLoader() {
    }

    /**
     * Parses one question line.
     *
     * @param text   the characters
     * @param source the file name for error messages
     * @param where  the location for error messages (e.g. {@code line 3})
     * @throws PuzzleFormatException if the length or a character is wrong, or two givens clash
     */
    public static Grid parseQuestion(String text, String source, String where) throws PuzzleFormatException {
        String t = text.strip();
        SudokuShape shape = SudokuShape.forCellCount(t.length());
        if (shape == null || shape.size() > 9) {
            throw new PuzzleFormatException(source, where, "a Sudoku line needs 81 characters (or 16, 36), got "
                    + t.length());
        }
        int[] cells = new int[t.length()];
        for (int i = 0; i < cells.length; i++) {
            char ch = t.charAt(i);
            if (ch == '.' || ch == '0') {
                cells[i] = 0;
            } else if (ch >= '1' && ch <= '0' + shape.size()) {
                cells[i] = ch - '0';
            } else {
                throw new PuzzleFormatException(source, where, "character " + (i + 1) + " is '" + ch
                        + "', expected 1-" + shape.size() + ", '.' or '0'");
            }
        }
        Grid g = Grid.of(shape.size(), shape.size(), cells);
        String clash = SudokuRules.checkGivens(shape, g);
        if (clash != null) {
            throw new PuzzleFormatException(source, where, clash);
        }
        return g;
    }

    /**
     * Parses a question and its answer (CSV row or generated pair) and checks the answer.
     *
     * @param rating the source's rating, or -1
     * @throws PuzzleFormatException if either is malformed or the answer breaks a rule or a given
     */
    public static SudokuPuzzle parsePair(String name, String question, String answer, long rating, String source,
            String where) throws PuzzleFormatException {
        Grid givens = parseQuestion(question, source, where);
        SudokuShape shape = SudokuShape.of(givens.rows());
        String a = answer.strip();
        if (a.length() != givens.size()) {
            throw new PuzzleFormatException(source, where, "answer has " + a.length() + " characters, question has "
                    + givens.size());
        }
        int[] cells = new int[a.length()];
        for (int i = 0; i < cells.length; i++) {
            char ch = a.charAt(i);
            if (ch < '1' || ch > '0' + shape.size()) {
                throw new PuzzleFormatException(source, where, "answer character " + (i + 1) + " is '" + ch
                        + "', expected 1-" + shape.size());
            }
            cells[i] = ch - '0';
        }
        Grid solution = Grid.of(shape.size(), shape.size(), cells);
        String problem = SudokuRules.checkAnswer(shape, givens, solution);
        if (problem != null) {
            throw new PuzzleFormatException(source, where, problem);
        }
        return new SudokuPuzzle(name, shape, givens, solution, rating);
    }

    /**
     * Reads a whole Sudoku-Extreme style CSV.
     *
     * @throws PuzzleFormatException on the first bad row (nothing is returned then)
     */
    public static List<SudokuPuzzle> readCsv(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return PuzzleCsv.readPuzzles(r, file.toString(), rowParser(file.toString()));
        }
    }

    /**
     * Reads row {@code index} (0-based, header not counted) of a CSV, stopping there.
     *
     * @throws PuzzleFormatException if that row is bad or the file has fewer rows
     */
    public static SudokuPuzzle readCsvRow(Path file, int index) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readCsvRow(r, file.toString(), index);
        }
    }

    /** As {@link #readCsvRow(Path, int)}, from text already open. */
    public static SudokuPuzzle readCsvRow(BufferedReader reader, String source, int index) throws IOException {
        return PuzzleCsv.readPuzzle(reader, source, index, rowParser(source));
    }

    private static PuzzleCsv.RowParser<SudokuPuzzle> rowParser(String source) {
        String base = baseName(source);
        return row -> parsePair(base + "#" + row.index(), row.question(), row.answer(), row.ratingValue(source),
                source, row.where());
    }

    /**
     * Reads a file of question lines ({@code #} comment lines and blank lines skipped); answers stay unknown.
     *
     * @throws PuzzleFormatException on the first bad line
     */
    public static List<SudokuPuzzle> readLines(Path file) throws IOException {
        return readLines(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** As {@link #readLines(Path)}, from text. */
    public static List<SudokuPuzzle> readLines(String text, String source) throws IOException {
        List<SudokuPuzzle> out = new ArrayList<>();
        String base = baseName(source);
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Grid g = parseQuestion(line, source, "line " + lineNo);
                out.add(new SudokuPuzzle(base + "#" + out.size(), SudokuShape.of(g.rows()), g, null, -1));
            }
        }
        if (out.isEmpty()) {
            throw new PuzzleFormatException(source, null, "no Sudoku lines found");
        }
        return out;
    }

    /**
     * Adds the solution to a puzzle whose answer is unknown, if it has exactly one.
     *
     * @return the puzzle with its unique solution, or unchanged if it has several
     * @throws PuzzleFormatException if it has no solution at all
     */
    public static SudokuPuzzle withUniqueSolution(SudokuPuzzle p, String source, String where)
            throws PuzzleFormatException {
        if (p.solution() != null) {
            return p;
        }
        SudokuSolver.Result r = new SudokuSolver(p.shape()).solve(p.givens(), 2);
        if (r.solutions() == 0) {
            throw new PuzzleFormatException(source, where, "this Sudoku has no solution");
        }
        return r.unique() ? new SudokuPuzzle(p.name(), p.shape(), p.givens(), r.firstSolution(), r.effort()) : p;
    }

    static String baseName(String source) {
        String s = source.replace('\\', '/');
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
