package org.hrmlab.engine.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ActLossTest {
    private static final int I = ActLoss.IGNORE_LABEL_ID;

    @Test
    void combinesTokenAndQLossesAsTheReference() {
        // batch 2, seqLen 2, vocab 2. Row 0: both tokens correct; row 1: one ignored, one wrong.
        float[] logits = {2f, 0f, 0f, 1f, 0f, 3f, 1f, 0f};
        int[] labels = {0, 1, I, 1};
        float[] q = {0.5f, -1f, -2f, 0.25f};
        double[] target = {0.75, 0.2};
        ActLoss.Result r = new ActLoss(new StablemaxCrossEntropy())
                .compute(logits, labels, q, target, new boolean[] {true, false}, new int[] {3, 1}, 2, 2, 2, 0.5);
        double row0 = (-Math.log(3.0 / 4.0) - Math.log(2.0 / 3.0)) / 2;
        double row1 = -Math.log(1.0 / 3.0);
        assertEquals(row0 + row1, r.lmLoss(), 1e-12);
        double qh = BinaryCrossEntropy.withLogits(0.5, 1) + BinaryCrossEntropy.withLogits(-2, 0);
        double qc = BinaryCrossEntropy.withLogits(-1, 0.75) + BinaryCrossEntropy.withLogits(0.25, 0.2);
        assertEquals(qh, r.qHaltLoss(), 1e-12);
        assertEquals(qc, r.qContinueLoss(), 1e-12);
        assertEquals(row0 + row1 + 0.5 * (qh + qc), r.loss(), 1e-12);
        assertArrayEquals(new boolean[] {true, false}, r.seqCorrect());
        assertEquals(1, r.count());
        assertEquals(1, r.exactCount());
        assertEquals(1.0, r.tokenAccuracySum(), 1e-12);
        assertEquals(3, r.stepsSum());
        assertEquals(1, r.qHaltCorrect());
        // ignored positions get no gradient; the halt gradient is 0.5 * scale * (sigmoid - y)
        assertEquals(0f, r.gradLogits()[4]);
        assertEquals(0f, r.gradLogits()[5]);
        assertEquals(0.25 * (BinaryCrossEntropy.sigmoid(0.5) - 1), r.gradQ()[0], 1e-7);
        assertEquals(0.25 * (BinaryCrossEntropy.sigmoid(0.25) - 0.2), r.gradQ()[3], 1e-7);
    }

    @Test
    void logitGradientIsTheScaledPerRowMean() {
        float[] logits = {0.2f, -0.3f, 1.1f, 0.4f, -0.9f, 0.05f};
        int[] labels = {2, 0};
        ActLoss loss = new ActLoss(new StablemaxCrossEntropy());
        ActLoss.Result r = loss.compute(logits, labels, new float[2], null, new boolean[1], new int[1], 1, 2, 3, 1.0);
        double h = 1e-3;
        for (int j = 0; j < logits.length; j++) {
            float[] p = logits.clone();
            float[] m = logits.clone();
            p[j] += (float) h;
            m[j] -= (float) h;
            double fd = (loss.compute(p, labels, new float[2], null, new boolean[1], new int[1], 1, 2, 3, 1).lmLoss()
                    - loss.compute(m, labels, new float[2], null, new boolean[1], new int[1], 1, 2, 3, 1).lmLoss())
                    / (p[j] - m[j]);
            assertEquals(fd, r.gradLogits()[j], 1e-5);
        }
    }

    @Test
    void binaryCrossEntropyClosedForms() {
        assertEquals(Math.log(2), BinaryCrossEntropy.withLogits(0, 1), 1e-15);
        assertEquals(-0.5, BinaryCrossEntropy.gradient(0, 1), 1e-15);
        assertEquals(Math.log1p(Math.exp(-50)) + 50, BinaryCrossEntropy.withLogits(-50, 1), 1e-12);
    }
}
