package org.hrmlab.engine.train;

import org.hrmlab.engine.optim.LearningRateSchedule;

/**
 * The reference's optimiser and loss hyper-parameters (hrm-reference.md §1.10, §2.2).
 *
 * @param lr                   Adam-atan2 base learning rate
 * @param beta1                first-moment decay
 * @param beta2                second-moment decay
 * @param weightDecay          Adam-atan2 decoupled weight decay
 * @param puzzleEmbLr          sign-SGD base learning rate of the puzzle-embedding table
 * @param puzzleEmbWeightDecay sign-SGD weight decay
 * @param warmupSteps          linear warm-up steps (both optimisers)
 * @param lrMinRatio           cosine floor as a fraction of the base rate (1 = constant after warm-up)
 * @param totalSteps           the schedule's last step
 * @param lossType             {@code stablemax_cross_entropy} or {@code softmax_cross_entropy}
 * @param emaRate              decay of the exponential moving average of the weights (TRM's {@code ema_rate}, used
 *                             when {@code ema: true}); 0 = no average
 */
public record OptimiserSettings(double lr, double beta1, double beta2, double weightDecay, double puzzleEmbLr,
                                double puzzleEmbWeightDecay, long warmupSteps, double lrMinRatio, long totalSteps,
                                String lossType, double emaRate) {
    /** Settings without a moving average of the weights (the HRM's, and TRM's with {@code ema: false}). */
    public OptimiserSettings(double lr, double beta1, double beta2, double weightDecay, double puzzleEmbLr,
                             double puzzleEmbWeightDecay, long warmupSteps, double lrMinRatio, long totalSteps,
                             String lossType) {
        this(lr, beta1, beta2, weightDecay, puzzleEmbLr, puzzleEmbWeightDecay, warmupSteps, lrMinRatio, totalSteps,
                lossType, 0);
    }

    /** @return the Adam-atan2 schedule */
    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(lr, warmupSteps, totalSteps, lrMinRatio);
    }

    /** @return the puzzle-embedding schedule (same shape, its own base rate) */
    public LearningRateSchedule puzzleSchedule() {
        return new LearningRateSchedule(puzzleEmbLr, warmupSteps, totalSteps, lrMinRatio);
    }
}
