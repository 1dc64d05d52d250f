package org.hrmlab.engine.train;

/**
 * What one training step (one ACT segment on every batch slot plus one optimiser step) produced.
 *
 * @param step             optimiser step number, from 1
 * @param lr               Adam-atan2 learning rate used
 * @param loss             {@code lm_loss + 0.5 (q_halt_loss + q_continue_loss)}, summed over the batch
 * @param lmLoss           summed per-row mean token loss
 * @param qHaltLoss        summed halt BCE
 * @param qContinueLoss    summed continue BCE
 * @param halted           {@code [B]} slots that halted (they take a new example next step)
 * @param steps            {@code [B]} segments each slot's example has run
 * @param count            halted rows counted in the metrics
 * @param exactCount       of those, rows exactly correct
 * @param tokenAccuracySum of those, Σ token accuracy
 * @param stepsSum         of those, Σ segments used
 */
public record StepResult(long step, double lr, double loss, double lmLoss, double qHaltLoss, double qContinueLoss,
                         boolean[] halted, int[] steps, int count, int exactCount, double tokenAccuracySum,
                         long stepsSum) {
}
