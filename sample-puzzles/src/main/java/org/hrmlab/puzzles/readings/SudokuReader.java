package org.hrmlab.puzzles.readings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a sequence of decoded Sudoku grids step by step (docs/analysis.md). A <b>backtrack</b> is a non-given cell
 * whose digit changes from one digit to a different digit after having been stable for at least k steps, or that
 * reverts to a digit it held earlier (before its previous value); each such change counts once.
 */
public final class SudokuReader {
    private final int n;
    private final int box;
    private final boolean[] given;
    private final int stableSteps;
    private final int[] previous;
    private final int[] runLength;
    private final List<Set<Integer>> earlier;
    private int step;

    /**
     * @param givens      the puzzle: digits 1..n, 0 = blank (not modified)
     * @param size        n, the side of the grid (4, 9, 16, ...: a perfect square)
     * @param stableSteps k ≥ 1
     */
    public SudokuReader(int[] givens, int size, int stableSteps) {
        int b = (int) Math.round(Math.sqrt(size));
        if (b * b != size || givens.length != size * size) {
            throw new IllegalArgumentException("need an n*n grid with n a perfect square; got n = " + size
                    + " and " + givens.length + " cells");
        }
        if (stableSteps < 1) {
            throw new IllegalArgumentException("stableSteps must be >= 1");
        }
        this.n = size;
        this.box = b;
        this.stableSteps = stableSteps;
        this.given = new boolean[givens.length];
        for (int i = 0; i < givens.length; i++) {
            given[i] = givens[i] != 0;
        }
        this.previous = new int[givens.length];
        this.runLength = new int[givens.length];
        this.earlier = new ArrayList<>();
        for (int i = 0; i < givens.length; i++) {
            earlier.add(new HashSet<>());
        }
    }

    /** Reads every grid of a trajectory in order. */
    public static List<SudokuReading> readAll(int[] givens, List<int[]> grids, int size, int stableSteps) {
        SudokuReader reader = new SudokuReader(givens, size, stableSteps);
        List<SudokuReading> out = new ArrayList<>();
        for (int[] g : grids) {
            out.add(reader.next(g));
        }
        return out;
    }

    /**
     * Reads the next step's grid.
     *
     * @param grid digits 1..n, 0 = blank, row-major {@code [n * n]} (not modified)
     */
    public SudokuReading next(int[] grid) {
        int cells = n * n;
        if (grid.length != cells) {
            throw new IllegalArgumentException("grid has " + grid.length + " cells, expected " + cells);
        }
        boolean[] changed = new boolean[cells];
        boolean[] backtrack = new boolean[cells];
        int changedCount = 0;
        int backtracks = 0;
        int blanks = 0;
        for (int c = 0; c < cells; c++) {
            int v = grid[c];
            if (v == 0) {
                blanks++;
            }
            if (step == 0) {
                runLength[c] = 1;
                continue;
            }
            int before = previous[c];
            if (v == before) {
                runLength[c]++;
                continue;
            }
            changed[c] = true;
            changedCount++;
            if (!given[c] && v != 0) {
                boolean leftStableDigit = before != 0 && runLength[c] >= stableSteps;
                boolean reverts = earlier.get(c).contains(v);
                if (leftStableDigit || reverts) {
                    backtrack[c] = true;
                    backtracks++;
                }
            }
            if (before != 0) {
                earlier.get(c).add(before);
            }
            runLength[c] = 1;
        }
        boolean[] rowConflict = new boolean[cells];
        boolean[] colConflict = new boolean[cells];
        boolean[] boxConflict = new boolean[cells];
        int violating = 0;
        for (int c = 0; c < cells; c++) {
            int v = grid[c];
            if (v == 0) {
                continue;
            }
            int r = c / n;
            int col = c % n;
            for (int j = 0; j < n; j++) {
                if (j != col && grid[r * n + j] == v) {
                    rowConflict[c] = true;
                }
                if (j != r && grid[j * n + col] == v) {
                    colConflict[c] = true;
                }
            }
            int br = r / box * box;
            int bc = col / box * box;
            for (int i = br; i < br + box; i++) {
                for (int j = bc; j < bc + box; j++) {
                    if ((i != r || j != col) && grid[i * n + j] == v) {
                        boxConflict[c] = true;
                    }
                }
            }
            if (rowConflict[c] || colConflict[c] || boxConflict[c]) {
                violating++;
            }
        }
        System.arraycopy(grid, 0, previous, 0, cells);
        return new SudokuReading(step++, changed, rowConflict, colConflict, boxConflict, backtrack, changedCount,
                violating, backtracks, blanks);
    }
}
