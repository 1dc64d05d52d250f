package org.hrmlab.engine.loss;

/** Ordinary softmax cross-entropy (the reference's {@code softmax_cross_entropy}), evaluated in float64. */
public final class SoftmaxCrossEntropy implements TokenLoss {
    @Override
    public double lossAndGradient(float[] logits, int offset, int vocab, int label, double[] grad) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < vocab; j++) {
            max = Math.max(max, logits[offset + j]);
        }
        double sum = 0;
        for (int j = 0; j < vocab; j++) {
            sum += Math.exp(logits[offset + j] - max);
        }
        double logSum = Math.log(sum) + max;
        if (grad != null) {
            for (int j = 0; j < vocab; j++) {
                grad[j] = Math.exp(logits[offset + j] - logSum);
            }
            grad[label] -= 1.0;
        }
        return logSum - logits[offset + label];
    }
}
