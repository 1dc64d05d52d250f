package org.hrmlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.compute.TestBackends;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.puzzles.io.Npy;

/**
 * Replays a reference golden case (a checkpoint with the reference's own zL, zH, logits and Q after every update) on a
 * backend, update by update, and keeps the largest deviations: shared by the HRM and TRM golden parity tests.
 */
final class GoldenReplay {
    static final double TOLERANCE = 1e-4;

    private GoldenReplay() {
    }

    /** The largest deviations from one golden case. */
    static final class Diffs {
        ModelFamily family;
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
        int[] tokens = Npy.read(dir.resolve("golden/inputs.npy")).toInts();
        int[] ids = Npy.read(dir.resolve("golden/puzzle_identifiers.npy")).toInts();
        float[] zl = Npy.read(dir.resolve("golden/zL.npy")).toFloats();
        float[] zh = Npy.read(dir.resolve("golden/zH.npy")).toFloats();
        float[] logits = Npy.read(dir.resolve("golden/logits.npy")).toFloats();
        float[] q = Npy.read(dir.resolve("golden/q.npy")).toFloats();

        TestBackends.device(backend);
        HrmModel model = TestBackends.open(backend, ckpt.config().withSeqLen(tokens.length), ckpt.weights());
        Diffs d = new Diffs();
        d.family = ckpt.config().family();
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
        d.zL = Math.max(d.zL, maxDiff(buf, zl, step * buf.length));
        st.copyZH(buf);
        d.zH = Math.max(d.zH, maxDiff(buf, zh, step * buf.length));
        model.logits(st, lg);
        d.logits = Math.max(d.logits, maxDiff(lg, logits, step * lg.length));
        int v = model.config().vocabSize();
        for (int p = 0; p < lg.length / v; p++) {
            if (argmax(logits, step * lg.length + p * v, v)
                    != argmax(lg, p * v, v)) {
                d.argmaxDiffers++;
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
