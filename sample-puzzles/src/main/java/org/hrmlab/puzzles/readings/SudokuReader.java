package org.hrmlab.puzzles.readings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.sudoku.SudokuRules;

/**
 * Reads a sequence of decoded Sudoku grids step by step (docs/analysis.md). A <b>backtrack</b> is a non-given cell
 * whose digit changes from one digit to a different digit after having been stable for at least k steps, or that
 * reverts to a digit it held earlier (before its previous value); each such change counts once.
 */
public final class SudokuReader {
    /**
     * The default k of the backtrack rule, shared by {@code hrmlab analyze} ({@code --backtrack-steps}) and the lab's
     * inspector.
     */
    public static final int DEFAULT_STABLE_STEPS = 2;

    private final SudokuShape shape;
    private final boolean[] given;
    private final int stableSteps;
    private final int[] previous;
    private final int[] runLength;
    private final List<Set<Integer>> earlier;
    private int step;

    /**
     * @param givens      the puzzle: digits 1..n, 0 = blank (not modified)
     * @param shape       the board geometry (4x4 with 2x2 boxes, 6x6 with 2x3 boxes, 9x9, ...)
     * @param stableSteps k &ge; 1
     */
    public SudokuReader(int[] givens, SudokuShape shape, int stableSteps) {
        if (givens.length != shape.cells()) {
            throw new IllegalArgumentException("a " + shape.label() + " board has " + shape.cells()
                    + " cells, got " + givens.length);
        }
        if (stableSteps < 1) {
            throw new IllegalArgumentException("stableSteps must be >= 1");
        }
        this.shape = shape;
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

    /**
     * @param size n, the side of the grid; the boxes are {@link SudokuShape#of(int)}'s (4: 2x2, 6: 2x3, 9: 3x3)
     * @throws IllegalArgumentException if n has no box shape or the givens are not n*n
     */
    public SudokuReader(int[] givens, int size, int stableSteps) {
        this(givens, SudokuShape.of(size), stableSteps);
    }

    /** Reads every grid of a trajectory in order. */
    public static List<SudokuReading> readAll(int[] givens, List<int[]> grids, SudokuShape shape, int stableSteps) {
        SudokuReader reader = new SudokuReader(givens, shape, stableSteps);
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
     * @return the changes, conflicts (boxes of the reader's shape) and backtracks of this step
     */
    public SudokuReading next(int[] grid) {
        int cells = shape.cells();
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
        SudokuRules.Conflicts conflicts = SudokuRules.conflicts(shape, grid);
        System.arraycopy(grid, 0, previous, 0, cells);
        return new SudokuReading(step++, changed, conflicts.row(), conflicts.column(), conflicts.box(), backtrack,
                changedCount, conflicts.count(), backtracks, blanks);
    }
}
