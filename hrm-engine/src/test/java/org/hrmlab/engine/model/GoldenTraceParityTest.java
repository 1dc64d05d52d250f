package org.hrmlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.hrmlab.engine.TestData;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.engine.compute.TestBackends;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine against the reference's own per-update states (test-data/fixtures/hrm-golden/sudoku-small). */
class GoldenTraceParityTest {
    static final Path CASE = TestData.HRM_GOLDEN.resolve("sudoku-small");
    static final double TOLERANCE = 1e-4;
    private static double[] worst;
    private static int argmaxDiffers;

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void everyUpdateMatchesTheReference(String backend) throws Exception {
        ModelCheckpoint ckpt = CheckpointLoader.load(CASE.resolve("checkpoint/step_0"));
        int[] tokens = Npy.read(CASE.resolve("golden/inputs.npy")).toInts();
        int[] ids = Npy.read(CASE.resolve("golden/puzzle_identifiers.npy")).toInts();
        float[] zl = Npy.read(CASE.resolve("golden/zL.npy")).toFloats();
        float[] zh = Npy.read(CASE.resolve("golden/zH.npy")).toFloats();
        float[] logits = Npy.read(CASE.resolve("golden/logits.npy")).toFloats();
        float[] q = Npy.read(CASE.resolve("golden/q.npy")).toFloats();

        HrmModel model = TestBackends.open(backend, ckpt.config().withSeqLen(tokens.length), ckpt.weights());
        var c = model.config();
        HrmState st = model.newState(1);
        model.embed(st, tokens, ids);
        model.resetCarry(st, 0);
        int stateSize = c.totalSeqLen() * c.hiddenSize();
        int logitSize = c.seqLen() * c.vocabSize();
        float[] a = new float[stateSize];
        float[] lg = new float[logitSize];
        float[] ql = new float[2];
        int step = 0;
        int segments = q.length / 2;
        worst = new double[3];
        argmaxDiffers = 0;
        double worstQ = 0;
        for (int seg = 0; seg < segments; seg++) {
            for (int h = 0; h < c.hCycles(); h++) {
                for (int l = 0; l < c.lCycles(); l++) {
                    model.lUpdate(st);
                    check(st, model, zl, zh, logits, step++, a, lg);
                }
                model.hUpdate(st);
                check(st, model, zl, zh, logits, step++, a, lg);
            }
            model.qLogits(st, ql);
            worstQ = Math.max(worstQ, Math.max(Math.abs(q[seg * 2] - ql[0]), Math.abs(q[seg * 2 + 1] - ql[1])));
        }
        model.close();
        System.out.printf(java.util.Locale.ROOT, "parity | %s | golden sudoku-small: %d updates, max |diff| zL %.2e zH "
                + "%.2e logits %.2e Q %.2e, argmax differs at %d positions%n", backend, step, worst[0], worst[1],
                worst[2], worstQ, argmaxDiffers);
        assertEquals(zl.length / stateSize, step);
        assertTrue(worst[0] < TOLERANCE, "zL differs by " + worst[0]);
        assertTrue(worst[1] < TOLERANCE, "zH differs by " + worst[1]);
        assertTrue(worst[2] < TOLERANCE, "logits differ by " + worst[2]);
        assertTrue(worstQ < TOLERANCE, "Q differs by " + worstQ);
        assertEquals(0, argmaxDiffers, "argmax differs");
    }

    private static void check(HrmState st, HrmModel model, float[] zl, float[] zh, float[] logits, int step,
                              float[] buf, float[] lg) {
        st.copyZL(buf);
        worst[0] = Math.max(worst[0], maxDiff(buf, zl, step * buf.length));
        st.copyZH(buf);
        worst[1] = Math.max(worst[1], maxDiff(buf, zh, step * buf.length));
        model.logits(st, lg);
        worst[2] = Math.max(worst[2], maxDiff(lg, logits, step * lg.length));
        int v = model.config().vocabSize();
        for (int p = 0; p < lg.length / v; p++) {
            if (argmax(logits, step * lg.length + p * v, v) != argmax(lg, p * v, v)) {
                argmaxDiffers++;
            }
        }
    }

    static double maxDiff(float[] got, float[] want, int offset) {
        double m = 0;
        for (int i = 0; i < got.length; i++) {
            m = Math.max(m, Math.abs(got[i] - want[offset + i]));
        }
        return m;
    }

    static int argmax(float[] x, int offset, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (x[offset + i] > x[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
