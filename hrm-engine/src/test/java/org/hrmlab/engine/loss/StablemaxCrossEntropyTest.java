package org.hrmlab.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StablemaxCrossEntropyTest {
    @Test
    void lossMatchesClosedForm() {
        float[] logits = {0f, -1f, 2f};
        // s = [1, 1/2, 3], sum 4.5
        double loss = new StablemaxCrossEntropy().lossAndGradient(logits, 0, 3, 2, null);
        assertEquals(-Math.log(3 / 4.5), loss, 1e-12);
        assertEquals(-Math.log(0.5 / 4.5), new StablemaxCrossEntropy().lossAndGradient(logits, 0, 3, 1, null), 1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        float[] logits = {0.3f, -1.7f, 2.2f, -0.4f};
        checkGradient(new StablemaxCrossEntropy(), logits, 1);
        checkGradient(new StablemaxCrossEntropy(), logits, 2);
        checkGradient(new SoftmaxCrossEntropy(), logits, 3);
    }

    @Test
    void softmaxMatchesClosedForm() {
        float[] logits = {1f, 2f, 3f};
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(-Math.log(Math.exp(2) / z), new SoftmaxCrossEntropy().lossAndGradient(logits, 0, 3, 1, null),
                1e-12);
    }

    static void checkGradient(TokenLoss loss, float[] logits, int label) {
        double[] g = new double[logits.length];
        loss.lossAndGradient(logits, 0, logits.length, label, g);
        double h = 1e-3;
        for (int j = 0; j < logits.length; j++) {
            float[] plus = logits.clone();
            float[] minus = logits.clone();
            plus[j] += (float) h;
            minus[j] -= (float) h;
            double fd = (loss.lossAndGradient(plus, 0, plus.length, label, null)
                    - loss.lossAndGradient(minus, 0, minus.length, label, null)) / (plus[j] - minus[j]);
            assertEquals(fd, g[j], 1e-5, "d loss / d logit " + j);
        }
    }
}
