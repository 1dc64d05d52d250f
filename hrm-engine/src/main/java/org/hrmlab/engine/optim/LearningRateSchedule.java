package org.hrmlab.engine.optim;

/**
 * The reference's {@code cosine_schedule_with_warmup_lr_lambda}: linear warm-up, then cosine decay from the base rate
 * to {@code minRatio · base}; with {@code minRatio = 1} (the default) the rate is constant after warm-up.
 *
 * @param baseLr      the peak learning rate
 * @param warmupSteps steps of linear warm-up (0 = none)
 * @param totalSteps  steps of the whole run (the end of the cosine)
 * @param minRatio    final rate as a fraction of the base
 */
public record LearningRateSchedule(double baseLr, long warmupSteps, long totalSteps, double minRatio) {
    /** Validates the values. */
    public LearningRateSchedule {
        if (baseLr < 0 || warmupSteps < 0 || totalSteps < 0 || minRatio < 0 || minRatio > 1) {
            throw new IllegalArgumentException("bad schedule: lr " + baseLr + ", warm-up " + warmupSteps + ", total "
                    + totalSteps + ", min ratio " + minRatio);
        }
    }

    /**
     * @param step the optimiser step, counted from 1
     * @return its learning rate
     */
    public double lr(long step) {
        if (step < warmupSteps) {
            return baseLr * step / warmupSteps;
        }
        double span = Math.max(1, totalSteps - warmupSteps);
        double progress = (step - warmupSteps) / span;
        return baseLr * (minRatio + Math.max(0.0, (1 - minRatio) * 0.5 * (1.0 + Math.cos(Math.PI * progress))));
    }
}
