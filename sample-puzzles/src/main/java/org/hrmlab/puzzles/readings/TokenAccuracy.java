package org.hrmlab.puzzles.readings;

import java.util.function.IntPredicate;

/**
 * Per-position agreement of a predicted token sequence with the target.
 *
 * @param correct the number of counted positions that agree
 * @param counted the number of positions counted (targets not ignored)
 * @param exact   whether every counted position agrees
 */
public record TokenAccuracy(int correct, int counted, boolean exact) {
    /** The ignore label of the reference datasets. */
    public static final int IGNORE_LABEL = -100;

    /** @return correct / counted, or NaN when nothing was counted */
    public double accuracy() {
        return counted == 0 ? Double.NaN : (double) correct / counted;
    }

    /**
     * @param predicted predicted tokens (not modified)
     * @param target    target tokens, same length (not modified)
     * @param ignored   which target values are not counted (e.g. PAD and {@link #IGNORE_LABEL})
     */
    public static TokenAccuracy of(int[] predicted, int[] target, IntPredicate ignored) {
        if (predicted.length != target.length) {
            throw new IllegalArgumentException("lengths differ: " + predicted.length + " vs " + target.length);
        }
        int correct = 0;
        int counted = 0;
        for (int i = 0; i < target.length; i++) {
            if (ignored.test(target[i])) {
                continue;
            }
            counted++;
            if (predicted[i] == target[i]) {
                correct++;
            }
        }
        return new TokenAccuracy(correct, counted, correct == counted);
    }

    /** Like {@link #of(int[], int[], IntPredicate)}, ignoring {@code padToken} and {@link #IGNORE_LABEL}. */
    public static TokenAccuracy of(int[] predicted, int[] target, int padToken) {
        return of(predicted, target, t -> t == padToken || t == IGNORE_LABEL);
    }
}
