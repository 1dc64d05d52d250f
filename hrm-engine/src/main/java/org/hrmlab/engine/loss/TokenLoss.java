package org.hrmlab.engine.loss;

/**
 * A per-token classification loss on one row of logits, computed in float64, with its gradient.
 */
public interface TokenLoss {
    /**
     * @param logits {@code [vocab]} logits of one position, read from {@code offset} (not modified)
     * @param offset first logit of the row in {@code logits}
     * @param vocab  row width
     * @param label  target class in {@code [0, vocab)}
     * @param grad   {@code [vocab]} receives d loss / d logits (modified; may be null when only the value is needed)
     * @return {@code -log p(label)}
     */
    double lossAndGradient(float[] logits, int offset, int vocab, int label, double[] grad);

    /** @return the loss named as the reference's {@code loss_type} ({@code stablemax_cross_entropy} or
     *          {@code softmax_cross_entropy}) */
    static TokenLoss named(String lossType) {
        return switch (lossType) {
            case "stablemax_cross_entropy" -> new StablemaxCrossEntropy();
            case "softmax_cross_entropy" -> new SoftmaxCrossEntropy();
            default -> throw new IllegalArgumentException("unknown loss_type '" + lossType
                    + "' (stablemax_cross_entropy or softmax_cross_entropy)");
        };
    }
}
