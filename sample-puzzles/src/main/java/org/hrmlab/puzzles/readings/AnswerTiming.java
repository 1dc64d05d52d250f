package org.hrmlab.puzzles.readings;

/**
 * When an answer first becomes right along a sequence of steps, and whether it stays right.
 *
 * @param firstCorrect  the first step whose answer is exactly right, or -1 if none is
 * @param staysCorrect  whether every step from {@code firstCorrect} on is right (false if none is)
 * @param settledFrom   the step from which the answer is right to the end, or -1 if the last step is wrong
 */
public record AnswerTiming(int firstCorrect, boolean staysCorrect, int settledFrom) {
    /** @param correct whether each step's answer is exactly right, in step order (not modified) */
    public static AnswerTiming of(boolean[] correct) {
        int first = -1;
        for (int i = 0; i < correct.length; i++) {
            if (correct[i]) {
                first = i;
                break;
            }
        }
        int settled = -1;
        for (int i = correct.length - 1; i >= 0 && correct[i]; i--) {
            settled = i;
        }
        return new AnswerTiming(first, first >= 0 && settled == first, settled);
    }
}
