package org.hrmlab.engine.loss;

/**
 * The reference's ACT loss head ({@code ACTLossHead}, hrm-reference.md §1.9) for one segment of a batch:
 * <pre>
 *   lm_loss   = Σ_rows  Σ_valid tokens  token_loss / max(1, valid tokens of the row)
 *   q_halt    = Σ_rows BCE(q_halt_logit, row exactly correct)
 *   q_cont    = Σ_rows BCE(q_continue_logit, target)            (only when a target is given)
 *   loss      = lm_loss + 0.5 (q_halt + q_cont)
 * </pre>
 * and the gradient of {@code gradScale · loss} with respect to the logits and the two Q logits. The metrics count only
 * rows that halted in this segment and have at least one valid label, as the reference does.
 */
public final class ActLoss {
    /** Labels equal to this are not supervised. */
    public static final int IGNORE_LABEL_ID = -100;

    private final TokenLoss tokenLoss;

    /** @param tokenLoss the per-token loss (stablemax in the reference's default) */
    public ActLoss(TokenLoss tokenLoss) {
        this.tokenLoss = tokenLoss;
    }

    /**
     * @param logits      {@code [B, seqLen, vocab]} row-major (not modified)
     * @param labels      {@code [B, seqLen]}, {@link #IGNORE_LABEL_ID} for unsupervised positions (not modified)
     * @param q           {@code [B, 2]} halt and continue logits (not modified)
     * @param targetQCont {@code [B]} bootstrapped continue targets, or null (no continue loss)
     * @param halted      {@code [B]} rows that halted after this segment (metrics only; not modified)
     * @param steps       {@code [B]} segments each row has run (metrics only; not modified)
     * @param gradScale   factor applied to the gradients (the reference back-propagates {@code loss / batch})
     * @return losses, gradients and metric sums
     */
    public Result compute(float[] logits, int[] labels, float[] q, double[] targetQCont, boolean[] halted, int[] steps,
                          int batch, int seqLen, int vocab, double gradScale) {
        float[] gradLogits = new float[batch * seqLen * vocab];
        float[] gradQ = new float[batch * 2];
        boolean[] seqCorrect = new boolean[batch];
        double[] g = new double[vocab];
        double lmLoss = 0;
        double qHaltLoss = 0;
        double qContLoss = 0;
        Metrics m = new Metrics();
        for (int b = 0; b < batch; b++) {
            int valid = 0;
            for (int t = 0; t < seqLen; t++) {
                if (labels[b * seqLen + t] != IGNORE_LABEL_ID) {
                    valid++;
                }
            }
            double divisor = Math.max(1, valid);
            int correct = 0;
            for (int t = 0; t < seqLen; t++) {
                int label = labels[b * seqLen + t];
                if (label == IGNORE_LABEL_ID) {
                    continue;
                }
                int off = (b * seqLen + t) * vocab;
                if (label < 0 || label >= vocab) {
                    throw new IllegalArgumentException("label " + label + " outside [0, " + vocab + ")");
                }
                lmLoss += tokenLoss.lossAndGradient(logits, off, vocab, label, g) / divisor;
                for (int j = 0; j < vocab; j++) {
                    gradLogits[off + j] = (float) (g[j] / divisor * gradScale);
                }
                if (argmax(logits, off, vocab) == label) {
                    correct++;
                }
            }
            seqCorrect[b] = correct == valid;
            double qh = q[b * 2];
            double y = seqCorrect[b] ? 1.0 : 0.0;
            qHaltLoss += BinaryCrossEntropy.withLogits(qh, y);
            gradQ[b * 2] = (float) (0.5 * BinaryCrossEntropy.gradient(qh, y) * gradScale);
            if (targetQCont != null) {
                double qc = q[b * 2 + 1];
                qContLoss += BinaryCrossEntropy.withLogits(qc, targetQCont[b]);
                gradQ[b * 2 + 1] = (float) (0.5 * BinaryCrossEntropy.gradient(qc, targetQCont[b]) * gradScale);
            }
            if (halted[b] && valid > 0) {
                m.count++;
                m.tokenAccuracySum += correct / divisor;
                m.exactCount += seqCorrect[b] ? 1 : 0;
                m.qHaltCorrect += (qh >= 0) == seqCorrect[b] ? 1 : 0;
                m.stepsSum += steps[b];
            }
        }
        double loss = lmLoss + 0.5 * (qHaltLoss + qContLoss);
        return new Result(loss, lmLoss, qHaltLoss, qContLoss, gradLogits, gradQ, seqCorrect, m.count,
                m.tokenAccuracySum, m.exactCount, m.qHaltCorrect, m.stepsSum);
    }

    /** @return the first index of the largest logit in {@code [offset, offset + vocab)} */
    public static int argmax(float[] logits, int offset, int vocab) {
        int best = 0;
        for (int j = 1; j < vocab; j++) {
            if (logits[offset + j] > logits[offset + best]) {
                best = j;
            }
        }
        return best;
    }

    private static final class Metrics {
        int count;
        double tokenAccuracySum;
        int exactCount;
        int qHaltCorrect;
        long stepsSum;
    }

    /**
     * @param loss             {@code lm_loss + 0.5 (q_halt_loss + q_continue_loss)}
     * @param lmLoss           summed per-row mean token loss
     * @param qHaltLoss        summed halt BCE
     * @param qContinueLoss    summed continue BCE (0 without targets)
     * @param gradLogits       {@code [B, seqLen, vocab]} d(gradScale·loss)/d logits
     * @param gradQ            {@code [B, 2]} d(gradScale·loss)/d (q_halt, q_continue)
     * @param seqCorrect       {@code [B]} every valid token's argmax equals its label
     * @param count            rows that halted with at least one valid label
     * @param tokenAccuracySum Σ over counted rows of their token accuracy
     * @param exactCount       counted rows exactly correct
     * @param qHaltCorrect     counted rows where {@code (q_halt >= 0) == seqCorrect}
     * @param stepsSum         Σ over counted rows of their segment counts
     */
    public record Result(double loss, double lmLoss, double qHaltLoss, double qContinueLoss, float[] gradLogits,
                         float[] gradQ, boolean[] seqCorrect, int count, double tokenAccuracySum, int exactCount,
                         int qHaltCorrect, long stepsSum) {
    }
}
