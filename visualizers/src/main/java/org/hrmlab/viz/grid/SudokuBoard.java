package org.hrmlab.viz.grid;

import java.util.Arrays;

/**
 * What a Sudoku renderer draws at one instant. Arrays are row-major {@code size x size} and copied in and out.
 *
 * @param digits 0 = blank, else 1..size
 * @param givens cells given in the puzzle (drawn bold)
 * @param changed cells whose digit changed since the previous update
 * @param backtracks cells flagged as backtracks (a stable digit replaced, or a reverted value)
 * @param confidence per-cell probability of the shown digit in [0, 1]; empty when unknown
 */
public record SudokuBoard(int size, int[] digits, boolean[] givens, boolean[] changed, boolean[] backtracks,
                          float[] confidence) {

    public SudokuBoard {
        int n = size * size;
        if (digits.length != n || givens.length != n || changed.length != n || backtracks.length != n
                || (confidence.length != 0 && confidence.length != n)) {
            throw new IllegalArgumentException("Sudoku board arrays must all have " + n + " cells");
        }
        digits = digits.clone();
        givens = givens.clone();
        changed = changed.clone();
        backtracks = backtracks.clone();
        confidence = confidence.clone();
    }

    /** A board with only digits and givens. */
    public static SudokuBoard of(int size, int[] digits, boolean[] givens) {
        int n = size * size;
        return new SudokuBoard(size, digits, givens, new boolean[n], new boolean[n], new float[0]);
    }

    @Override
    public int[] digits() {
        return digits.clone();
    }

    @Override
    public boolean[] givens() {
        return givens.clone();
    }

    @Override
    public boolean[] changed() {
        return changed.clone();
    }

    @Override
    public boolean[] backtracks() {
        return backtracks.clone();
    }

    @Override
    public float[] confidence() {
        return confidence.clone();
    }

    int digit(int i) {
        return digits[i];
    }

    boolean given(int i) {
        return givens[i];
    }

    boolean changedAt(int i) {
        return changed[i];
    }

    boolean backtrackAt(int i) {
        return backtracks[i];
    }

    float confidenceAt(int i) {
        return confidence.length == 0 ? 1f : confidence[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SudokuBoard b && size == b.size && Arrays.equals(digits, b.digits)
                && Arrays.equals(givens, b.givens) && Arrays.equals(changed, b.changed)
                && Arrays.equals(backtracks, b.backtracks) && Arrays.equals(confidence, b.confidence);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(digits);
    }

    @Override
    public String toString() {
        return "SudokuBoard[size=" + size + ", digits=" + Arrays.toString(digits) + "]";
    }
}
