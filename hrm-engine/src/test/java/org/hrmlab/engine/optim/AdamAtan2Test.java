package org.hrmlab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamAtan2Test {
    @Test
    void firstStepMovesEachWeightByTenLrTimesAtanOfATenth() {
        AdamAtan2 opt = new AdamAtan2(0.9, 0.95, 0.1);
        float[] p = {1f, -2f, 0.5f};
        float[] g = {0.3f, -4f, 0f};
        opt.beginStep();
        opt.update("w", p, g, 0.01);
        // m = 0.1 g, corrected sqrt(v) = |g|, step lr / 0.1: 10 lr atan(0.1) sign(g); zero gradient: atan2(0, 0) = 0
        double decay = 1 - 0.01 * 0.1;
        assertEquals(1 * decay - 0.1 * Math.atan(0.1), p[0], 1e-6);
        assertEquals(-2 * decay + 0.1 * Math.atan(0.1), p[1], 1e-6);
        assertEquals(0.5 * decay, p[2], 1e-6);
    }

    @Test
    void secondStepFollowsTheKernelFormula() {
        AdamAtan2 opt = new AdamAtan2(0.9, 0.95, 0.5);
        float[] p = {0.7f};
        double[] grads = {0.2, -0.05};
        double lr = 0.003;
        double pe = 0.7;
        double m = 0;
        double v = 0;
        for (int t = 1; t <= 2; t++) {
            opt.beginStep();
            opt.update("w", p, new float[] {(float) grads[t - 1]}, lr);
            pe *= 1 - lr * 0.5;
            m += 0.1 * (grads[t - 1] - m);
            v += 0.05 * (grads[t - 1] * grads[t - 1] - v);
            pe -= lr / (1 - Math.pow(0.9, t)) * Math.atan2(m, Math.sqrt(v) / Math.sqrt(1 - Math.pow(0.95, t)));
        }
        assertEquals(pe, p[0], 1e-6);
        assertEquals(2, opt.step());
    }

    @Test
    void restoredStateContinuesIdentically() {
        AdamAtan2 a = new AdamAtan2(0.9, 0.95, 0.1);
        float[] pa = {0.1f, 0.2f};
        a.beginStep();
        a.update("w", pa, new float[] {1f, -1f}, 0.01);
        AdamAtan2 b = new AdamAtan2(0.9, 0.95, 0.1);
        b.restore(a.step(), a.firstMoments(), a.secondMoments());
        float[] pb = pa.clone();
        a.beginStep();
        b.beginStep();
        a.update("w", pa, new float[] {0.5f, 0.25f}, 0.01);
        b.update("w", pb, new float[] {0.5f, 0.25f}, 0.01);
        assertEquals(pa[0], pb[0]);
        assertEquals(pa[1], pb[1]);
        assertEquals(Map.of(), new AdamAtan2(0.9, 0.95, 0).firstMoments());
    }

    @Test
    void fastAtan2MatchesTheLibrary() {
        java.util.Random rnd = new java.util.Random(3);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double y = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(9) - 4);
            double x = Math.abs(rnd.nextGaussian()) * Math.pow(10, rnd.nextInt(9) - 4);
            worst = Math.max(worst, Math.abs(AdamAtan2.atan2(y, x) - Math.atan2(y, x)));
        }
        assertEquals(0, worst, 5e-8);
        assertEquals(0.0, AdamAtan2.atan2(0, 0));
        assertEquals(Math.PI / 2, AdamAtan2.atan2(3, 0), 1e-15);
        assertEquals(-Math.PI / 4, AdamAtan2.atan2(-2, 2), 1e-15);
    }

    @Test
    void refusesAnUpdateBeforeAStep() {
        assertThrows(IllegalStateException.class,
                () -> new AdamAtan2(0.9, 0.95, 0).update("w", new float[1], new float[1], 0.1));
    }

    @Test
    void aLargeParameterUpdatedInParallelEqualsTheSameValuesUpdatedPieceByPiece() {
        int n = 300_001;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        float[] whole = new float[n];
        float[] grad = new float[n];
        for (int i = 0; i < n; i++) {
            whole[i] = (float) rng.nextGaussian();
            grad[i] = (float) rng.nextGaussian() * 1e-2f;
        }
        float[] pieces = whole.clone();
        AdamAtan2 a = new AdamAtan2(0.9, 0.95, 0.1);
        AdamAtan2 b = new AdamAtan2(0.9, 0.95, 0.1);
        int piece = 1000;
        for (int step = 0; step < 3; step++) {
            a.beginStep();
            a.update("w", whole, grad, 1e-3);
            b.beginStep();
            for (int start = 0; start < n; start += piece) {
                int len = Math.min(piece, n - start);
                float[] p = java.util.Arrays.copyOfRange(pieces, start, start + len);
                b.update("w" + start, p, java.util.Arrays.copyOfRange(grad, start, start + len), 1e-3);
                System.arraycopy(p, 0, pieces, start, len);
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(pieces, whole);
    }
}
