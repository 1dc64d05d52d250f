package org.hrmlab.puzzles.sudoku;

import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.SudokuShape;

/** Checks Sudoku boards against the rules: every row, column and box holds each digit once. */
public final class SudokuRules {
    private SudokuRules() {
    }

    /**
     * The cells of a partly filled board that share their digit with another cell, per kind of unit. Arrays are
     * row-major {@code [size * size]}.
     *
     * @param row    cells whose digit appears elsewhere in the same row
     * @param column cells whose digit appears elsewhere in the same column
     * @param box    cells whose digit appears elsewhere in the same box
     */
    public record Conflicts(boolean[] row, boolean[] column, boolean[] box) {
        /** @return whether cell {@code i} is in any conflict */
        public boolean at(int i) {
            return row[i] || column[i] || box[i];
        }

        /** @return per cell, whether it is in any conflict */
        public boolean[] any() {
            boolean[] out = new boolean[row.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = at(i);
            }
            return out;
        }

        /** @return the number of cells in at least one conflict */
        public int count() {
            int n = 0;
            for (int i = 0; i < row.length; i++) {
                n += at(i) ? 1 : 0;
            }
            return n;
        }
    }

    /**
     * Finds the repeated digits of a partly filled board (for boards in progress, such as a model's decoded guess).
     *
     * @param shape  the geometry
     * @param digits row-major {@code [size * size]}, 0 = blank; values outside 1..size are ignored (not modified)
     * @return the conflicting cells
     */
    public static Conflicts conflicts(SudokuShape shape, int[] digits) {
        int n = shape.size();
        if (digits.length != n * n) {
            throw new IllegalArgumentException("a " + shape.label() + " board has " + n * n + " cells, got "
                    + digits.length);
        }
        int[] inRow = new int[n * (n + 1)];
        int[] inCol = new int[n * (n + 1)];
        int[] inBox = new int[n * (n + 1)];
        for (int i = 0; i < digits.length; i++) {
            int v = digits[i];
            if (v >= 1 && v <= n) {
                inRow[(i / n) * (n + 1) + v]++;
                inCol[(i % n) * (n + 1) + v]++;
                inBox[shape.box(i / n, i % n) * (n + 1) + v]++;
            }
        }
        boolean[] row = new boolean[digits.length];
        boolean[] col = new boolean[digits.length];
        boolean[] box = new boolean[digits.length];
        for (int i = 0; i < digits.length; i++) {
            int v = digits[i];
            if (v >= 1 && v <= n) {
                row[i] = inRow[(i / n) * (n + 1) + v] > 1;
                col[i] = inCol[(i % n) * (n + 1) + v] > 1;
                box[i] = inBox[shape.box(i / n, i % n) * (n + 1) + v] > 1;
            }
        }
        return new Conflicts(row, col, box);
    }

    /**
     * Finds the first rule a complete board breaks.
     *
     * @param shape    the geometry
     * @param solution a board (not modified)
     * @return {@code null} if it is a valid complete board, else e.g. {@code "row 3 repeats digit 7"}
     */
    public static String firstViolation(SudokuShape shape, Grid solution) {
        int n = shape.size();
        int[] row = new int[n];
        int[] col = new int[n];
        int[] box = new int[n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int v = solution.get(r, c);
                if (v < 1 || v > n) {
                    return "cell (" + (r + 1) + ", " + (c + 1) + ") is not a digit 1.." + n;
                }
                int bit = 1 << v;
                int b = shape.box(r, c);
                if ((row[r] & bit) != 0) {
                    return "row " + (r + 1) + " repeats digit " + v;
                }
                if ((col[c] & bit) != 0) {
                    return "column " + (c + 1) + " repeats digit " + v;
                }
                if ((box[b] & bit) != 0) {
                    return "box " + (b + 1) + " repeats digit " + v;
                }
                row[r] |= bit;
                col[c] |= bit;
                box[b] |= bit;
            }
        }
        return null;
    }

    /**
     * @param givens   the question, 0 = blank (not modified)
     * @param solution the answer (not modified)
     * @return {@code null} if the answer is a valid board that keeps every given, else the first problem
     */
    public static String checkAnswer(SudokuShape shape, Grid givens, Grid solution) {
        String broken = firstViolation(shape, solution);
        if (broken != null) {
            return "answer breaks a rule: " + broken;
        }
        for (int i = 0; i < givens.size(); i++) {
            if (givens.at(i) != 0 && givens.at(i) != solution.at(i)) {
                int n = shape.size();
                return "answer changes the given " + givens.at(i) + " at (" + (i / n + 1) + ", " + (i % n + 1) + ")";
            }
        }
        return null;
    }

    /** @return {@code null} if no two givens clash, else the first clash */
    public static String checkGivens(SudokuShape shape, Grid givens) {
        int n = shape.size();
        int[] row = new int[n];
        int[] col = new int[n];
        int[] box = new int[n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int v = givens.get(r, c);
                if (v == 0) {
                    continue;
                }
                int bit = 1 << v;
                int b = shape.box(r, c);
                if ((row[r] & bit) != 0 || (col[c] & bit) != 0 || (box[b] & bit) != 0) {
                    return "given " + v + " at (" + (r + 1) + ", " + (c + 1) + ") repeats in its row, column or box";
                }
                row[r] |= bit;
                col[c] |= bit;
                box[b] |= bit;
            }
        }
        return null;
    }
}
