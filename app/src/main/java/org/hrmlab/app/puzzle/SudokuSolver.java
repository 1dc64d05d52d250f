package org.hrmlab.app.puzzle;

import java.util.Optional;

/** A small backtracking solver for 9x9 Sudoku (row-major digits, 0 = blank). */
public final class SudokuSolver {
    private SudokuSolver() {
    }

    /** The first solution found, or empty when the clues contradict each other or none exists. */
    public static Optional<CellGrid> solve(CellGrid board) {
        if (board.rows() != 9 || board.cols() != 9) {
            return Optional.empty();
        }
        int[] cells = board.cells();
        for (int i = 0; i < 81; i++) {
            if (cells[i] != 0) {
                int d = cells[i];
                cells[i] = 0;
                if (!allowed(cells, i, d)) {
                    return Optional.empty();
                }
                cells[i] = d;
            }
        }
        return fill(cells, 0) ? Optional.of(new CellGrid(9, 9, cells)) : Optional.empty();
    }

    private static boolean fill(int[] cells, int from) {
        int i = from;
        while (i < 81 && cells[i] != 0) {
            i++;
        }
        if (i == 81) {
            return true;
        }
        for (int d = 1; d <= 9; d++) {
            if (allowed(cells, i, d)) {
                cells[i] = d;
                if (fill(cells, i + 1)) {
                    return true;
                }
            }
        }
        cells[i] = 0;
        return false;
    }

    static boolean allowed(int[] cells, int i, int d) {
        int r = i / 9;
        int c = i % 9;
        int br = r / 3 * 3;
        int bc = c / 3 * 3;
        for (int k = 0; k < 9; k++) {
            if (cells[r * 9 + k] == d || cells[k * 9 + c] == d || cells[(br + k / 3) * 9 + bc + k % 3] == d) {
                return false;
            }
        }
        return true;
    }
}
