package org.hrmlab.puzzles.dataset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hrmlab.puzzles.MazePuzzle;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.codec.Dihedral;

/**
 * Canonical keys of puzzles under the symmetries the dataset builders augment with: two puzzles have the same key
 * exactly when one is an augmentation of the other. A maze's key is the least of its 8 dihedral images; a Sudoku's is
 * the least relabelled-by-first-appearance image under transposition (square boxes) and every band, row-in-band,
 * stack and column-in-stack shuffle. That group has 128 elements at 4x4 and 3,456 at 6x6; at 9x9 it has 3.4 million,
 * too many to enumerate per puzzle, so a 9x9 key covers digit relabelling only.
 */
public final class SymmetryKeys {
    private SymmetryKeys() {
    }

    /** @return the key of the maze question (the answer follows from it) */
    public static String maze(MazePuzzle p) {
        String best = null;
        for (Dihedral d : Dihedral.values()) {
            String s = text(d.apply(p.maze()).toArray());
            if (best == null || s.compareTo(best) < 0) {
                best = s;
            }
        }
        return p.maze().rows() + "x" + p.maze().cols() + ":" + best;
    }

    /** @return the key of the Sudoku's givens */
    public static String sudoku(SudokuPuzzle p) {
        SudokuShape shape = p.shape();
        int n = shape.size();
        int[] cells = p.givens().toArray();
        if (n > 6) {
            return n + ":" + relabelled(cells);
        }
        List<int[]> rowPerms = blockPermutations(n / shape.boxRows(), shape.boxRows());
        List<int[]> colPerms = blockPermutations(n / shape.boxCols(), shape.boxCols());
        boolean square = shape.boxRows() == shape.boxCols();
        String best = null;
        int[] image = new int[n * n];
        for (int t = 0; t < (square ? 2 : 1); t++) {
            for (int[] rows : rowPerms) {
                for (int[] cols : colPerms) {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            int r = rows[i];
                            int c = cols[j];
                            image[i * n + j] = t == 0 ? cells[r * n + c] : cells[c * n + r];
                        }
                    }
                    String s = relabelled(image);
                    if (best == null || s.compareTo(best) < 0) {
                        best = s;
                    }
                }
            }
        }
        return n + ":" + best;
    }

    /** Every permutation of {@code blocks * width} lines that shuffles whole blocks and the lines inside each. */
    static List<int[]> blockPermutations(int blocks, int width) {
        List<int[]> out = new ArrayList<>();
        List<int[]> blockOrders = permutations(blocks);
        List<int[]> inner = permutations(width);
        int[] choice = new int[blocks];
        for (int[] order : blockOrders) {
            int combos = (int) Math.pow(inner.size(), blocks);
            for (int k = 0; k < combos; k++) {
                int rest = k;
                for (int b = 0; b < blocks; b++) {
                    choice[b] = rest % inner.size();
                    rest /= inner.size();
                }
                int[] perm = new int[blocks * width];
                for (int b = 0; b < blocks; b++) {
                    int[] in = inner.get(choice[b]);
                    for (int w = 0; w < width; w++) {
                        perm[b * width + w] = order[b] * width + in[w];
                    }
                }
                out.add(perm);
            }
        }
        return out;
    }

    private static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] cur, boolean[] used, int k, List<int[]> out) {
        if (k == cur.length) {
            out.add(cur.clone());
            return;
        }
        for (int v = 0; v < cur.length; v++) {
            if (!used[v]) {
                used[v] = true;
                cur[k] = v;
                permute(cur, used, k + 1, out);
                used[v] = false;
            }
        }
    }

    /** Digits renamed 1, 2, ... in order of first appearance; blanks stay 0. */
    private static String relabelled(int[] cells) {
        int[] map = new int[64];
        int next = 1;
        char[] out = new char[cells.length];
        for (int i = 0; i < cells.length; i++) {
            int v = cells[i];
            if (v != 0 && map[v] == 0) {
                map[v] = next++;
            }
            out[i] = (char) ('0' + (v == 0 ? 0 : map[v]));
        }
        return new String(out);
    }

    private static String text(int[] cells) {
        char[] out = new char[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = (char) ('0' + cells[i]);
        }
        return new String(out);
    }

    /** The test puzzles that are not augmentations of any training puzzle, in order. */
    public static <T> List<T> unseen(List<T> train, List<T> test, Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        for (T p : train) {
            seen.add(key.apply(p));
        }
        List<T> out = new ArrayList<>();
        for (T p : test) {
            if (!seen.contains(key.apply(p))) {
                out.add(p);
            }
        }
        return out;
    }
}
