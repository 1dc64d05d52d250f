package org.hrmlab.engine.loss;

/**
 * Cross-entropy under stablemax (Prieto et al., "Grokking at the edge of numerical stability"), as the reference's
 * {@code stablemax_cross_entropy}: in float64, {@code s(x) = x + 1} for {@code x >= 0} and {@code 1 / (1 - x + 1e-30)}
 * otherwise; {@code p_i = s(x_i) / Σ_j s(x_j)}.
 */
public final class StablemaxCrossEntropy implements TokenLoss {
    private static final double EPSILON = 1e-30;

    /** @return {@code s(x)} */
    public static double s(double x) {
        return x < 0 ? 1.0 / (1.0 - x + EPSILON) : x + 1.0;
    }

    /** @return {@code ds/dx}: 1 for {@code x >= 0}, {@code 1 / (1 - x + 1e-30)²} otherwise */
    public static double sPrime(double x) {
        if (x < 0) {
            double d = 1.0 - x + EPSILON;
            return 1.0 / (d * d);
        }
        return 1.0;
    }

    @Override
    public double lossAndGradient(float[] logits, int offset, int vocab, int label, double[] grad) {
        double sum = 0;
        for (int j = 0; j < vocab; j++) {
            sum += s(logits[offset + j]);
        }
        double xl = logits[offset + label];
        double loss = -Math.log(s(xl) / sum);
        if (grad != null) {
            for (int j = 0; j < vocab; j++) {
                grad[j] = sPrime(logits[offset + j]) / sum;
            }
            grad[label] -= sPrime(xl) / s(xl);
        }
        return loss;
    }
}
