package org.hrmlab.app.inspector;

import java.util.List;

import org.hrmlab.app.puzzle.CellGrid;

/**
 * Sudoku backtracks (docs/analysis.md): at update t a non-given cell backtracks when its digit changes from one
 * digit to a different one after having been stable for at least {@code stable} updates, or when it changes back to a
 * value it held earlier. Pure functions over the decoded history.
 */
public final class Backtracks {
    /** Updates a digit must hold before replacing it counts as a backtrack. */
    public static final int DEFAULT_STABLE = 3;

    private Backtracks() {
    }

    /** Whether cell {@code i} backtracks at update {@code t} of {@code history}. */
    public static boolean at(List<CellGrid> history, boolean[] givens, int t, int i, int stable) {
        if (t < 1 || givens[i]) {
            return false;
        }
        int before = history.get(t - 1).at(i);
        int now = history.get(t).at(i);
        if (before == now || before == 0 || now == 0) {
            return false;
        }
        int held = 0;
        for (int k = t - 1; k >= 0 && history.get(k).at(i) == before; k--) {
            held++;
        }
        if (held >= stable) {
            return true;
        }
        for (int k = t - 1 - held; k >= 0; k--) {
            if (history.get(k).at(i) == now) {
                return true;
            }
        }
        return false;
    }

    /** Cells that backtracked at any of the updates {@code t-window+1 .. t} (so a flag stays visible briefly). */
    public static boolean[] recent(List<CellGrid> history, boolean[] givens, int t, int window, int stable) {
        boolean[] out = new boolean[givens.length];
        for (int u = Math.max(1, t - window + 1); u <= t; u++) {
            for (int i = 0; i < givens.length; i++) {
                out[i] |= at(history, givens, u, i, stable);
            }
        }
        return out;
    }

    /** Backtrack events in updates 1..t. */
    public static int count(List<CellGrid> history, boolean[] givens, int t, int stable) {
        int n = 0;
        for (int u = 1; u <= t; u++) {
            for (int i = 0; i < givens.length; i++) {
                n += at(history, givens, u, i, stable) ? 1 : 0;
            }
        }
        return n;
    }
}
