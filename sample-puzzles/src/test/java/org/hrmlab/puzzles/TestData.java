package org.hrmlab.puzzles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where tests find real data: the repository's {@code test-data} folder (trimmed public sets and golden fixtures,
 * see {@code test-data/README.md}), and optionally the full shared sets.
 */
public final class TestData {
    /** The repository's {@code test-data} folder (system property {@code hrmlab.testdata}). */
    public static final Path ROOT = Path.of(System.getProperty("hrmlab.testdata", "../test-data"));
    /** {@code test-data/data}: trimmed ARC-AGI and Sudoku sets. */
    public static final Path DATA = ROOT.resolve("data");
    /** {@code test-data/data/sudoku}. */
    public static final Path SUDOKU = DATA.resolve("sudoku");
    /** {@code test-data/fixtures}: golden traces of the reference implementation. */
    public static final Path FIXTURES = ROOT.resolve("fixtures");

    private TestData() {
    }

    /**
     * The full public data sets, in the same layout as {@link #DATA}, when a shared folder is present (system
     * property {@code hrmlab.shared}, by default {@code ../shared} beside the repository); empty otherwise.
     */
    public static Optional<Path> fullData() {
        Path data = Path.of(System.getProperty("hrmlab.shared", "../../shared")).resolve("data");
        return Files.isDirectory(data) ? Optional.of(data) : Optional.empty();
    }
}
