package org.hrmlab.puzzles.sudoku;

import java.util.Random;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.RandomPermutation;
import org.hrmlab.puzzles.SudokuShape;

/**
 * A bitmask depth-first Sudoku solver for any {@link SudokuShape}: at every node it fills the empty cell with the
 * fewest candidates (the first such cell in row-major order), trying candidates in ascending order. It counts
 * solutions up to a limit (2 is enough to prove uniqueness) and measures the search effort.
 *
 * <p><b>Effort</b> is the number of extra branches: over the whole search, the number of candidates tried at a cell
 * after its first one. When the search runs to completion (fewer solutions than the limit, e.g. a unique puzzle with
 * limit 2) this is exactly the {@code rating} column of the CSV files in {@code shared/data/sudoku}. It is 0 for a
 * puzzle that naked singles alone solve, and grows with the guessing a solver needs.
 *
 * <p>Instances are not thread-safe; create one per thread.
 */
public final class SudokuSolver {
    private final SudokuShape shape;
    private final int n;
    private final int full;
    private final int[] cellRow;
    private final int[] cellCol;
    private final int[] cellBox;
    private int[] cells;
    private int[] rowMask;
    private int[] colMask;
    private int[] boxMask;
    private int limit;
    private int solutions;
    private long effort;
    private long nodes;
    private int[] first;
    private Random random;

    /**
     * The outcome of a search.
     *
     * @param solutions     solutions found, at most the limit
     * @param firstSolution the first solution found, or {@code null} if none
     * @param effort        extra branches tried (exact for the whole tree when {@code complete})
     * @param nodes         choice points visited
     * @param complete      true if the search explored the whole tree (it stopped below the limit)
     */
    public record Result(int solutions, Grid firstSolution, long effort, long nodes, boolean complete) {
        /** @return true if there is exactly one solution (only meaningful with a limit of at least 2) */
        public boolean unique() {
            return solutions == 1 && complete;
        }
    }

    /** @param shape the board geometry */
    public SudokuSolver(SudokuShape shape) {
        this.shape = shape;
        this.n = shape.size();
        this.full = ((1 << n) - 1) << 1;
        int cellCount = n * n;
        cellRow = new int[cellCount];
        cellCol = new int[cellCount];
        cellBox = new int[cellCount];
        for (int i = 0; i < cellCount; i++) {
            cellRow[i] = i / n;
            cellCol[i] = i % n;
            cellBox[i] = shape.box(i / n, i % n);
        }
    }

    /** @return the geometry this solver handles */
    public SudokuShape shape() {
        return shape;
    }

    /**
     * Searches for solutions.
     *
     * @param givens N x N, 0 = blank (not modified)
     * @param limit  stop after this many solutions (at least 1)
     * @return the outcome; no solutions if the givens already break a rule
     */
    public Result solve(Grid givens, int limit) {
        if (givens.rows() != n || givens.cols() != n) {
            throw new IllegalArgumentException("expected a " + shape.label() + " grid");
        }
        this.limit = Math.max(1, limit);
        this.random = null;
        if (!load(givens)) {
            return new Result(0, null, 0, 0, true);
        }
        search();
        return new Result(solutions, first == null ? null : Grid.of(n, n, first), effort, nodes, solutions < this.limit);
    }

    /** @return the number of solutions, counting at most {@code limit} */
    public int countSolutions(Grid givens, int limit) {
        return solve(givens, limit).solutions();
    }

    /**
     * @param givens N x N, 0 = blank (not modified)
     * @return true if the givens have exactly one solution and each given, removed on its own, leaves more than one
     *     (no given is redundant)
     */
    public boolean isMinimal(Grid givens) {
        if (!solve(givens, 2).unique()) {
            return false;
        }
        int[] g = givens.toArray();
        for (int i = 0; i < g.length; i++) {
            if (g[i] != 0) {
                int keep = g[i];
                g[i] = 0;
                boolean removable = countSolutions(Grid.of(n, n, g), 2) == 1;
                g[i] = keep;
                if (removable) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * @param rng the source of randomness
     * @return a uniformly shuffled search's first complete, valid board
     */
    public Grid randomSolution(Random rng) {
        this.limit = 1;
        this.random = rng;
        load(Grid.filled(n, n, 0));
        search();
        this.random = null;
        return Grid.of(n, n, first);
    }

    private boolean load(Grid givens) {
        cells = givens.toArray();
        rowMask = new int[n];
        colMask = new int[n];
        boxMask = new int[n];
        solutions = 0;
        effort = 0;
        nodes = 0;
        first = null;
        for (int i = 0; i < cells.length; i++) {
            int v = cells[i];
            if (v != 0) {
                int bit = 1 << v;
                if (((rowMask[cellRow[i]] | colMask[cellCol[i]] | boxMask[cellBox[i]]) & bit) != 0) {
                    return false;
                }
                rowMask[cellRow[i]] |= bit;
                colMask[cellCol[i]] |= bit;
                boxMask[cellBox[i]] |= bit;
            }
        }
        return true;
    }

    /** @return true to stop the whole search */
    private boolean search() {
        int best = -1;
        int bestMask = 0;
        int bestCount = Integer.MAX_VALUE;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == 0) {
                int m = full & ~(rowMask[cellRow[i]] | colMask[cellCol[i]] | boxMask[cellBox[i]]);
                int c = Integer.bitCount(m);
                if (c < bestCount) {
                    bestCount = c;
                    best = i;
                    bestMask = m;
                    if (c == 0) {
                        break;
                    }
                }
            }
        }
        if (best < 0) {
            solutions++;
            if (first == null) {
                first = cells.clone();
            }
            return solutions >= limit;
        }
        if (bestCount == 0) {
            return false;
        }
        nodes++;
        int[] order = candidates(bestMask, bestCount);
        int r = cellRow[best];
        int c = cellCol[best];
        int b = cellBox[best];
        for (int k = 0; k < order.length; k++) {
            if (k > 0) {
                effort++;
            }
            int v = order[k];
            int bit = 1 << v;
            cells[best] = v;
            rowMask[r] |= bit;
            colMask[c] |= bit;
            boxMask[b] |= bit;
            boolean stop = search();
            rowMask[r] &= ~bit;
            colMask[c] &= ~bit;
            boxMask[b] &= ~bit;
            cells[best] = 0;
            if (stop) {
                return true;
            }
        }
        return false;
    }

    private int[] candidates(int mask, int count) {
        int[] out = new int[count];
        int k = 0;
        for (int m = mask; m != 0; m &= m - 1) {
            out[k++] = Integer.numberOfTrailingZeros(m);
        }
        if (random != null) {
            RandomPermutation.shuffle(out, count, random);
        }
        return out;
    }
}
