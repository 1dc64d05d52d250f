package org.hrmlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.TestData;
import org.hrmlab.engine.compute.TestBackends;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine against the reference's own per-update states (test-data/fixtures/hrm-golden/sudoku-small). */
class GoldenTraceParityTest {
    static final Path CASE = TestData.HRM_GOLDEN.resolve("sudoku-small");

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void everyUpdateMatchesTheReference(String backend) throws Exception {
        GoldenReplay.Diffs d = GoldenReplay.replay(backend, CASE);
        assertEquals(ModelFamily.HRM, d.family);
        assertEquals(18, d.steps);
        d.assertWithinTolerance();
    }
}
