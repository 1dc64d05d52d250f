package org.hrmlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.TestData;
import org.hrmlab.engine.compute.DeviceUnavailableException;
import org.hrmlab.engine.compute.TestBackends;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.puzzles.io.Npy;
import org.junit.jupiter.api.Assumptions;
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
    static final double TOLERANCE = 1e-4;

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void attentionVariantMatchesTheReferenceAtEveryUpdate(String backend) throws Exception {
        Diffs d = replay(backend, ATTENTION);
        assertEquals(24, d.steps);
        d.assertWithinTolerance();
    }

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void mlpVariantMatchesTheReferenceAtEveryUpdate(String backend) throws Exception {
        Diffs d = replay(backend, MLP);
        assertEquals(12, d.steps);
        d.assertWithinTolerance();
    }

    /** The largest deviations from one golden case. */
    static final class Diffs {
        int steps;
        double zL;
        double zH;
        double logits;
        double q;
        int argmaxDiffers;

        void assertWithinTolerance() {
            assertTrue(zL < TOLERANCE, "zL differs by " + zL);
            assertTrue(zH < TOLERANCE, "zH differs by " + zH);
            assertTrue(logits < TOLERANCE, "logits differ by " + logits);
            assertTrue(q < TOLERANCE, "Q differs by " + q);
            assertEquals(0, argmaxDiffers, "argmax differs");
        }
    }

    /** Replays a golden case update by update on a backend, comparing after every update. */
    static Diffs replay(String backend, Path dir) throws Exception {
        ModelCheckpoint ckpt = CheckpointLoader.load(dir.resolve("checkpoint/step_0"));
        assertEquals(ModelFamily.TRM, ckpt.config().family());
        int[] tokens = Npy.read(dir.resolve("golden/inputs.npy")).toInts();
        int[] ids = Npy.read(dir.resolve("golden/puzzle_identifiers.npy")).toInts();
        float[] zl = Npy.read(dir.resolve("golden/zL.npy")).toFloats();
        float[] zh = Npy.read(dir.resolve("golden/zH.npy")).toFloats();
        float[] logits = Npy.read(dir.resolve("golden/logits.npy")).toFloats();
        float[] q = Npy.read(dir.resolve("golden/q.npy")).toFloats();

        TestBackends.device(backend);
        HrmModel model;
        try {
            model = TestBackends.open(backend, ckpt.config().withSeqLen(tokens.length), ckpt.weights());
        } catch (DeviceUnavailableException e) {
            // a backend that refuses this variant says so in one line (the CUDA backend for TRM's mlp_t)
            assertTrue(ckpt.config().mlpT() && !backend.equals("cpu"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            Assumptions.abort(e.getMessage());
            throw e;
        }
        Diffs d = new Diffs();
        try (model) {
            var c = model.config();
            HrmState st = model.newState(1);
            model.embed(st, tokens, ids);
            model.resetCarry(st, 0);
            int stateSize = c.totalSeqLen() * c.hiddenSize();
            float[] a = new float[stateSize];
            float[] lg = new float[c.seqLen() * c.vocabSize()];
            float[] ql = new float[2];
            int segments = q.length / 2;
            for (int seg = 0; seg < segments; seg++) {
                for (int h = 0; h < c.hCycles(); h++) {
                    for (int l = 0; l < c.lCycles(); l++) {
                        model.lUpdate(st);
                        check(st, model, zl, zh, logits, d, a, lg);
                    }
                    model.hUpdate(st);
                    check(st, model, zl, zh, logits, d, a, lg);
                }
                model.qLogits(st, ql);
                d.q = Math.max(d.q, Math.max(Math.abs(q[seg * 2] - ql[0]), Math.abs(q[seg * 2 + 1] - ql[1])));
            }
            assertEquals(zl.length / stateSize, d.steps);
        }
        System.out.printf(java.util.Locale.ROOT, "parity | %s | golden %s: %d updates, max |diff| zL %.2e zH %.2e "
                + "logits %.2e Q %.2e, argmax differs at %d positions%n", backend, dir.getFileName(), d.steps, d.zL,
                d.zH, d.logits, d.q, d.argmaxDiffers);
        return d;
    }

    private static void check(HrmState st, HrmModel model, float[] zl, float[] zh, float[] logits, Diffs d,
                              float[] buf, float[] lg) {
        int step = d.steps++;
        st.copyZL(buf);
        d.zL = Math.max(d.zL, GoldenTraceParityTest.maxDiff(buf, zl, step * buf.length));
        st.copyZH(buf);
        d.zH = Math.max(d.zH, GoldenTraceParityTest.maxDiff(buf, zh, step * buf.length));
        model.logits(st, lg);
        d.logits = Math.max(d.logits, GoldenTraceParityTest.maxDiff(lg, logits, step * lg.length));
        int v = model.config().vocabSize();
        for (int p = 0; p < lg.length / v; p++) {
            if (GoldenTraceParityTest.argmax(logits, step * lg.length + p * v, v)
                    != GoldenTraceParityTest.argmax(lg, p * v, v)) {
                d.argmaxDiffers++;
            }
        }
    }
}
