package org.hrmlab.engine;

import java.nio.file.Path;

/** Where engine tests find the reference's golden traces: the repository's {@code test-data} folder. */
public final class TestData {
    /** The repository's {@code test-data} folder (system property {@code hrmlab.testdata}). */
    public static final Path ROOT = Path.of(System.getProperty("hrmlab.testdata", "../test-data"));
    /** {@code test-data/fixtures/hrm-golden}: checkpoints and per-update states of the reference HRM. */
    public static final Path HRM_GOLDEN = ROOT.resolve("fixtures/hrm-golden");
    /** {@code test-data/fixtures/trm-golden}: checkpoints and per-update states of the reference TRM. */
    public static final Path TRM_GOLDEN = ROOT.resolve("fixtures/trm-golden");

    private TestData() {
    }
}
