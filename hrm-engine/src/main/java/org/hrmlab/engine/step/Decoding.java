package org.hrmlab.engine.step;

/** Turning output logits into tokens and per-position probabilities. */
public final class Decoding {
    private Decoding() {
    }

    /**
     * @param logits     {@code [positions·vocab]} (not modified)
     * @param vocab      vocabulary size
     * @param predicted  {@code [positions]} argmax token (modified)
     * @param confidence {@code [positions]} softmax probability of that token (modified)
     */
    public static void argmaxWithSoftmax(float[] logits, int vocab, int[] predicted, float[] confidence) {
        for (int p = 0; p < predicted.length; p++) {
            int o = p * vocab;
            int best = 0;
            for (int v = 1; v < vocab; v++) {
                if (logits[o + v] > logits[o + best]) {
                    best = v;
                }
            }
            double sum = 0;
            for (int v = 0; v < vocab; v++) {
                sum += Math.exp(logits[o + v] - logits[o + best]);
            }
            predicted[p] = best;
            confidence[p] = (float) (1.0 / sum);
        }
    }
}
