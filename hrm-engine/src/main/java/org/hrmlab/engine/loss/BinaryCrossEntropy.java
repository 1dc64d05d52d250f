package org.hrmlab.engine.loss;

/** Binary cross-entropy on a logit, as PyTorch's {@code binary_cross_entropy_with_logits} computes it. */
public final class BinaryCrossEntropy {
    private BinaryCrossEntropy() {
    }

    /** @return {@code -[y log σ(x) + (1-y) log(1-σ(x))]} in the overflow-safe form {@code max(x,0) - xy + log(1+e^-|x|)} */
    public static double withLogits(double x, double y) {
        return Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** @return d loss / d x = {@code σ(x) - y} */
    public static double gradient(double x, double y) {
        return sigmoid(x) - y;
    }

    /** @return the logistic function */
    public static double sigmoid(double x) {
        return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
    }
}
