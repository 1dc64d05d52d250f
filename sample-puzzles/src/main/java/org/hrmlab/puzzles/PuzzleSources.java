package org.hrmlab.puzzles;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hrmlab.puzzles.arc.ArcLoader;
import org.hrmlab.puzzles.maze.MazeLoader;
import org.hrmlab.puzzles.sudoku.SudokuLoader;

/**
 * Opens the puzzle argument of the CLI and the app: {@code FILE[#INDEX]} or {@code bundled:NAME[#INDEX]}. The format
 * is detected from the content, not the file name: a JSON object is an ARC task ({@code #k} = its k-th test input);
 * a {@code source,question,answer,rating} CSV is Sudoku-Extreme or Maze-Hard layout, told apart by the characters of
 * its first question ({@code #k} = row k); other text is either Sudoku lines (16/36/81 characters of digits and
 * {@code .}; {@code #k} = k-th puzzle line) or a maze drawn in {@code # SGo} characters. A Sudoku read without an
 * answer gets its solution when it has exactly one.
 */
public final class PuzzleSources {
    private PuzzleSources() {
    }

    /**
     * @param spec the puzzle argument
     * @return the puzzle it selects
     * @throws PuzzleFormatException if the file is missing, unreadable, malformed, or has no such index
     */
    public static Puzzle open(String spec) throws IOException {
        PuzzleSpec s = PuzzleSpec.parse(spec);
        if (s.bundled()) {
            return BundledPuzzles.open(s.location(), s.indexOrZero());
        }
        Path file = Path.of(s.location());
        if (!Files.isRegularFile(file)) {
            throw new PuzzleFormatException(s.location(), null, "no such file");
        }
        Format f = detect(file);
        int k = s.indexOrZero();
        return switch (f) {
            case ARC -> arcPuzzle(ArcLoader.read(file), k, s.location());
            case SUDOKU_CSV -> SudokuLoader.readCsvRow(file, k);
            case MAZE_CSV -> MazeLoader.readCsvRow(file, k);
            case SUDOKU_LINES -> sudokuLine(SudokuLoader.readLines(file), k, s.location());
            case MAZE_TEXT -> {
                if (s.index() > 0) {
                    throw new PuzzleFormatException(s.location(), "#" + s.index(), "a maze text file holds one maze");
                }
                yield MazeLoader.readText(file);
            }
        };
    }

    /**
     * @param spec a file or bundled set (any {@code #k} is ignored)
     * @return every puzzle in it: all rows, all puzzle lines, or all test inputs of an ARC task
     */
    public static List<Puzzle> openAll(String spec) throws IOException {
        PuzzleSpec s = PuzzleSpec.parse(spec);
        if (s.bundled()) {
            return BundledPuzzles.openAll(s.location());
        }
        Path file = Path.of(s.location());
        if (!Files.isRegularFile(file)) {
            throw new PuzzleFormatException(s.location(), null, "no such file");
        }
        return switch (detect(file)) {
            case ARC -> arcAll(ArcLoader.read(file));
            case SUDOKU_CSV -> new ArrayList<>(SudokuLoader.readCsv(file));
            case MAZE_CSV -> new ArrayList<>(MazeLoader.readCsv(file));
            case SUDOKU_LINES -> new ArrayList<>(SudokuLoader.readLines(file));
            case MAZE_TEXT -> List.of(MazeLoader.readText(file));
        };
    }

    /**
     * Parses puzzles from text already in memory (used for bundled resources).
     *
     * @param text   the content
     * @param name   the file name (an ARC task's id is the name without {@code .json})
     * @param source the name for messages
     */
    public static List<Puzzle> parseAll(String text, String name, String source) throws IOException {
        return switch (detect(firstLines(new BufferedReader(new StringReader(text))), source)) {
            case ARC -> arcAll(ArcLoader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    name.endsWith(".json") ? name.substring(0, name.length() - 5) : name, source));
            case SUDOKU_CSV -> {
                List<Puzzle> out = new ArrayList<>();
                for (int k = 0; ; k++) {
                    try {
                        out.add(SudokuLoader.readCsvRow(new BufferedReader(new StringReader(text)), source, k));
                    } catch (PuzzleFormatException e) {
                        if (e.location() != null && e.location().startsWith("#")) {
                            break;
                        }
                        throw e;
                    }
                }
                yield out;
            }
            case MAZE_CSV -> {
                List<Puzzle> out = new ArrayList<>();
                for (int k = 0; ; k++) {
                    try {
                        out.add(MazeLoader.readCsvRow(new BufferedReader(new StringReader(text)), source, k));
                    } catch (PuzzleFormatException e) {
                        if (e.location() != null && e.location().startsWith("#")) {
                            break;
                        }
                        throw e;
                    }
                }
                yield out;
            }
            case SUDOKU_LINES -> {
                List<Puzzle> out = new ArrayList<>();
                for (SudokuPuzzle p : SudokuLoader.readLines(text, source)) {
                    out.add(SudokuLoader.withUniqueSolution(p, source, p.name()));
                }
                yield out;
            }
            case MAZE_TEXT -> List.of(MazeLoader.parseText(text, name, source));
        };
    }

    /** The formats told apart by {@link #open(String)}. */
    public enum Format {
        /** ARC task JSON. */
        ARC,
        /** Sudoku-Extreme CSV. */
        SUDOKU_CSV,
        /** Maze-Hard CSV. */
        MAZE_CSV,
        /** Sudoku question lines. */
        SUDOKU_LINES,
        /** A maze drawn in text. */
        MAZE_TEXT
    }

    /** @return the format of a file, judged by its first lines */
    public static Format detect(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return detect(firstLines(r), file.toString());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new PuzzleFormatException(file.toString(), null, "not a text file");
        }
    }

    private static List<String> firstLines(BufferedReader r) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while (lines.size() < 20 && (line = r.readLine()) != null) {
            if (!lines.isEmpty() || !line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Format detect(List<String> lines, String source) throws PuzzleFormatException {
        if (lines.isEmpty()) {
            throw new PuzzleFormatException(source, null, "empty file");
        }
        String first = lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(0);
        if (first.stripLeading().startsWith("{") || first.stripLeading().startsWith("[")) {
            return Format.ARC;
        }
        if (PuzzleCsv.isHeader(first)) {
            if (lines.size() < 2) {
                throw new PuzzleFormatException(source, null, "CSV without rows");
            }
            String[] f = lines.get(1).split(",", -1);
            String q = f.length > 1 ? f[1] : "";
            return q.chars().anyMatch(c -> c == '#' || c == 'S' || c == 'G') ? Format.MAZE_CSV : Format.SUDOKU_CSV;
        }
        for (String line : lines) {
            String t = line.strip();
            if (!t.startsWith("#") && !t.isEmpty() && t.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
                return Format.SUDOKU_LINES;
            }
        }
        return Format.MAZE_TEXT;
    }

    private static ArcPuzzle arcPuzzle(ArcTask task, int k, String source) throws PuzzleFormatException {
        if (k >= task.test().size()) {
            throw new PuzzleFormatException(source, "#" + k, "the task has " + task.test().size() + " test inputs");
        }
        return task.puzzle(k);
    }

    private static List<Puzzle> arcAll(ArcTask task) {
        List<Puzzle> out = new ArrayList<>();
        for (int i = 0; i < task.test().size(); i++) {
            out.add(task.puzzle(i));
        }
        return out;
    }

    private static SudokuPuzzle sudokuLine(List<SudokuPuzzle> all, int k, String source)
            throws PuzzleFormatException {
        if (k >= all.size()) {
            throw new PuzzleFormatException(source, "#" + k, "the file has " + all.size() + " Sudoku lines");
        }
        return SudokuLoader.withUniqueSolution(all.get(k), source, "#" + k);
    }
}
