package org.hrmlab.puzzles.sudoku;

import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.SudokuShape;

/** Checks Sudoku boards against the rules: every row, column and box holds each digit once. */
public final class SudokuRules {
    private SudokuRules() {
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
