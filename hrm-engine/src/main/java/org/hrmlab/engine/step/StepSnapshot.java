package org.hrmlab.engine.step;

import org.hrmlab.engine.HaltRule;

/**
 * The model's state right after one update: plain copied arrays, immutable by contract (callers must not modify the
 * arrays), safe to hand from the engine thread to any other.
 *
 * @param index          global update index, 0-based (-1 for the initial state)
 * @param kind           L or H (null for the initial state)
 * @param segment        ACT segment, 0-based
 * @param hCycle         H-cycle within the segment, 0-based
 * @param lStep          L-step within the cycle, 0-based; -1 for an H-update
 * @param endsSegment    true at the segment's last update (where the reference reads Q and may halt)
 * @param positions      S_total: prefix plus grid positions
 * @param hidden         state width
 * @param zL             {@code [S_total·hidden]}
 * @param zH             {@code [S_total·hidden]}
 * @param logits         {@code [seqLen·vocab]}: output head on zH, prefix dropped
 * @param predicted      {@code [seqLen]} argmax tokens of {@code logits} ("direct" decode, {@link Readout#HIGH_STATE})
 * @param confidence     {@code [seqLen]} softmax probability of the predicted token
 * @param readout        the stepper's read-out when this snapshot was made ({@link Readout#HIGH_STATE} when none other)
 * @param readoutPredicted {@code [seqLen]} argmax tokens of the other read-out ({@link Readout#PREVIEW_H_UPDATE}: after
 *                       one preliminary H-update, paper Fig. 7; {@link Readout#LOW_STATE}: {@code lm_head(zL)}), or
 *                       null for {@link Readout#HIGH_STATE}
 * @param readoutConfidence {@code [seqLen]} softmax probability of each {@code readoutPredicted} token, or null with it
 * @param qHalt          halting Q logit on zH position 0
 * @param qContinue      continue Q logit
 * @param changeL        ||zL − zL_prev|| / ||zL_prev|| over non-prefix positions (0 when zL did not change)
 * @param changeH        the same for zH
 * @param positionChange {@code [seqLen]} per grid position (prefix dropped), {@code ‖z_p − z_prev,p‖₂} over the hidden
 *                       axis of the state this update wrote: zL at an L-update, zH at an H-update; zeros for the
 *                       initial state ({@link StateChange#perPosition})
 * @param haltRule       the model's halting rule ({@code q_halt > q_continue} for the HRM, {@code q_halt > 0} for TRM
 *                       with no_ACT_continue)
 */
public record StepSnapshot(int index, UpdateKind kind, int segment, int hCycle, int lStep, boolean endsSegment,
                           int positions, int hidden, float[] zL, float[] zH, float[] logits, int[] predicted,
                           float[] confidence, Readout readout, int[] readoutPredicted,
                           float[] readoutConfidence, float qHalt, float qContinue, double changeL, double changeH,
                           float[] positionChange, HaltRule haltRule) {

    /** @return the tokens of the chosen read-out: {@link #readoutPredicted} if computed, else {@link #predicted} */
    public int[] shownPredicted() {
        return readoutPredicted != null ? readoutPredicted : predicted;
    }

    /** @return the softmax probabilities of {@link #shownPredicted}'s tokens */
    public float[] shownConfidence() {
        return readoutPredicted != null ? readoutConfidence : confidence;
    }

    /**
     * @return true if the Q head votes to halt under the model's rule: {@code q_halt > q_continue} (HRM), or
     *         {@code q_halt > 0} (TRM with no_ACT_continue)
     */
    public boolean wantsToHalt() {
        return haltRule.halts(qHalt, qContinue);
    }
}
