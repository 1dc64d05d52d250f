package org.hrmlab.puzzles;

import java.nio.file.Path;

/** Paths of the shared real data sets. */
public final class TestData {
    /** The shared folder (system property {@code hrmlab.shared}). */
    public static final Path SHARED = Path.of(System.getProperty("hrmlab.shared", "../shared"));
    /** {@code shared/data}. */
    public static final Path DATA = SHARED.resolve("data");
    /** {@code shared/data/sudoku}. */
    public static final Path SUDOKU = DATA.resolve("sudoku");

    private TestData() {
    }
}
