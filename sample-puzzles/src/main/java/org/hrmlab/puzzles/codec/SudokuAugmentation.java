package org.hrmlab.puzzles.codec;

import java.util.Arrays;
import java.util.Random;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.RandomPermutation;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;

/**
 * A validity-preserving Sudoku relabelling as the reference builder draws them: a digit permutation (blank fixed),
 * an optional transposition (square boxes only), then a row permutation that shuffles bands and the rows inside each
 * band, and a column permutation that shuffles stacks and the columns inside each stack. Applied as
 * {@code out[i][j] = digitMap[t[rowPerm[i]][colPerm[j]]]} where {@code t} is the board, transposed if asked.
 *
 * @param shape     the board geometry
 * @param digitMap  length N+1, {@code digitMap[0] = 0}, a permutation of 1..N on the rest
 * @param transpose whether to transpose first
 * @param rowPerm   new row i comes from old row {@code rowPerm[i]}
 * @param colPerm   new column j comes from old column {@code colPerm[j]}
 */
public record SudokuAugmentation(SudokuShape shape, int[] digitMap, boolean transpose, int[] rowPerm,
        int[] colPerm) {

    /** Checks that the maps are permutations that keep the Sudoku rules. */
    public SudokuAugmentation {
        int n = shape.size();
        digitMap = digitMap.clone();
        rowPerm = rowPerm.clone();
        colPerm = colPerm.clone();
        if (digitMap.length != n + 1 || digitMap[0] != 0 || !isPermutation(digitMap, 0)) {
            throw new IllegalArgumentException("digit map must fix 0 and permute 1.." + n);
        }
        if (transpose && shape.boxRows() != shape.boxCols()) {
            throw new IllegalArgumentException("cannot transpose a Sudoku with " + shape.boxRows() + "x"
                    + shape.boxCols() + " boxes");
        }
        if (!keepsGroups(rowPerm, shape.boxRows()) || !keepsGroups(colPerm, shape.boxCols())) {
            throw new IllegalArgumentException("row and column permutations must move whole bands and stacks");
        }
    }

    /** @return the augmentation that changes nothing */
    public static SudokuAugmentation identity(SudokuShape shape) {
        int n = shape.size();
        int[] d = new int[n + 1];
        int[] p = new int[n];
        for (int i = 0; i <= n; i++) {
            d[i] = i;
        }
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return new SudokuAugmentation(shape, d, false, p, p);
    }

    /**
     * Draws one as the reference does: digit permutation, transpose with probability 1/2 (square boxes only),
     * band order and rows within each band, stack order and columns within each stack.
     */
    public static SudokuAugmentation random(SudokuShape shape, Random rng) {
        int n = shape.size();
        int[] digits = RandomPermutation.of(n, rng);
        int[] d = new int[n + 1];
        for (int i = 0; i < n; i++) {
            d[i + 1] = digits[i] + 1;
        }
        boolean t = shape.boxRows() == shape.boxCols() && rng.nextDouble() < 0.5;
        return new SudokuAugmentation(shape, d, t, groupedPerm(n, shape.boxRows(), rng),
                groupedPerm(n, shape.boxCols(), rng));
    }

    /**
     * @param board N x N (givens with 0 blanks, or a solution; not modified)
     * @return the relabelled board
     */
    public Grid apply(Grid board) {
        int n = shape.size();
        Grid t = transpose ? Dihedral.TRANSPOSE.apply(board) : board;
        int[] out = new int[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = digitMap[t.get(rowPerm[i], colPerm[j])];
            }
        }
        return Grid.of(n, n, out);
    }

    /** @return the puzzle with givens and solution relabelled (name and rating kept) */
    public SudokuPuzzle apply(SudokuPuzzle p) {
        return new SudokuPuzzle(p.name(), p.shape(), apply(p.givens()),
                p.solution() == null ? null : apply(p.solution()), p.rating());
    }

    /** @return the augmentation that undoes this one: {@code inverse().apply(apply(b)).equals(b)} */
    public SudokuAugmentation inverse() {
        int n = shape.size();
        int[] d = new int[n + 1];
        for (int v = 0; v <= n; v++) {
            d[digitMap[v]] = v;
        }
        int[] rInv = invert(rowPerm);
        int[] cInv = invert(colPerm);
        return transpose ? new SudokuAugmentation(shape, d, true, cInv, rInv)
                : new SudokuAugmentation(shape, d, false, rInv, cInv);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SudokuAugmentation a && a.shape.equals(shape) && a.transpose == transpose
                && Arrays.equals(a.digitMap, digitMap) && Arrays.equals(a.rowPerm, rowPerm)
                && Arrays.equals(a.colPerm, colPerm);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digitMap) * 31 + Arrays.hashCode(rowPerm) * 7 + Arrays.hashCode(colPerm)
                + (transpose ? 1 : 0);
    }

    @Override
    public String toString() {
        return "SudokuAugmentation[digits=" + Arrays.toString(digitMap) + ", transpose=" + transpose + ", rows="
                + Arrays.toString(rowPerm) + ", cols=" + Arrays.toString(colPerm) + "]";
    }

    private static int[] groupedPerm(int n, int group, Random rng) {
        int[] groups = RandomPermutation.of(n / group, rng);
        int[] out = new int[n];
        int k = 0;
        for (int g : groups) {
            int[] inner = RandomPermutation.of(group, rng);
            for (int x : inner) {
                out[k++] = g * group + x;
            }
        }
        return out;
    }

    private static int[] invert(int[] p) {
        int[] inv = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            inv[p[i]] = i;
        }
        return inv;
    }

    private static boolean isPermutation(int[] p, int base) {
        boolean[] seen = new boolean[p.length];
        for (int v : p) {
            int k = v - base;
            if (k < 0 || k >= p.length || seen[k]) {
                return false;
            }
            seen[k] = true;
        }
        return true;
    }

    private static boolean keepsGroups(int[] p, int group) {
        if (!isPermutation(p, 0) || p.length % group != 0) {
            return false;
        }
        for (int start = 0; start < p.length; start += group) {
            int g = p[start] / group;
            for (int k = 1; k < group; k++) {
                if (p[start + k] / group != g) {
                    return false;
                }
            }
        }
        return true;
    }
}
