package org.hrmlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.TestData;
import org.hrmlab.engine.compute.TestBackends;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine running TRM checkpoints against the reference TRM's own per-update states
 * (test-data/fixtures/trm-golden): the attention variant with RoPE and a 16-token puzzle prefix, and the MLP variant
 * (token mixing across the sequence, no positions). Every zL (the latent z), zH (the answer y), logits and Q within
 * 1e-4, every argmax identical. The update order is the HRM's, with TRM's one network in both slots.
 */
class TrmGoldenTraceParityTest {
    static final Path ATTENTION = TestData.TRM_GOLDEN.resolve("trm-sudoku-small");
    static final Path MLP = TestData.TRM_GOLDEN.resolve("trm-mlp-small");

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void attentionVariantMatchesTheReferenceAtEveryUpdate(String backend) throws Exception {
        GoldenReplay.Diffs d = GoldenReplay.replay(backend, ATTENTION);
        assertEquals(ModelFamily.TRM, d.family);
        assertEquals(24, d.steps);
        d.assertWithinTolerance();
    }

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void mlpVariantMatchesTheReferenceAtEveryUpdate(String backend) throws Exception {
        GoldenReplay.Diffs d = GoldenReplay.replay(backend, MLP);
        assertEquals(ModelFamily.TRM, d.family);
        assertEquals(12, d.steps);
        d.assertWithinTolerance();
    }
}
