package org.hrmlab.app;

import java.nio.file.Path;

/** Where app tests find real data and the reference's golden traces: the repository's {@code test-data} folder. */
public final class TestData {
    /** The repository's {@code test-data} folder (system property {@code hrmlab.testdata}). */
    public static final Path ROOT = Path.of(System.getProperty("hrmlab.testdata", "../test-data"));
    /** {@code test-data/data}: trimmed ARC-AGI and Sudoku sets. */
    public static final Path DATA = ROOT.resolve("data");
    /** {@code test-data/fixtures/hrm-golden}: checkpoints and per-update states of the reference HRM. */
    public static final Path HRM_GOLDEN = ROOT.resolve("fixtures/hrm-golden");
    /** The golden case {@code sudoku-small}: {@code checkpoint/step_0} and {@code golden/*.npy}. */
    public static final Path SUDOKU_SMALL = HRM_GOLDEN.resolve("sudoku-small");
    /** Its reference checkpoint. */
    public static final Path SUDOKU_SMALL_CHECKPOINT = SUDOKU_SMALL.resolve("checkpoint/step_0");
    /** {@code test-data/fixtures/trm-golden}: checkpoints and per-update states of the reference TRM. */
    public static final Path TRM_GOLDEN = ROOT.resolve("fixtures/trm-golden");
    /** 1,465 hard 9x9 Sudokus with their answers (magictour top1465, tdoku benchmark set). */
    public static final Path MAGICTOUR_CSV = DATA.resolve("sudoku/magictour_top1465.csv");

    private TestData() {
    }
}
