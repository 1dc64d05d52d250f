package org.hrmlab.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hrmlab.app.puzzle.CellGrid;
import org.junit.jupiter.api.Test;

class BacktracksTest {

    private static List<CellGrid> history(int... values) {
        var out = new ArrayList<CellGrid>();
        for (int v : values) {
            out.add(new CellGrid(1, 2, new int[] {v, 7}));
        }
        return out;
    }

    @Test
    void aStableDigitReplacedIsABacktrack() {
        var h = history(0, 3, 3, 3, 5);
        boolean[] givens = {false, true};
        assertTrue(Backtracks.at(h, givens, 4, 0, 3));
        assertFalse(Backtracks.at(h, givens, 4, 0, 4), "held 3 updates only");
        assertFalse(Backtracks.at(h, givens, 1, 0, 3), "filling a blank is not a backtrack");
        assertEquals(1, Backtracks.count(h, givens, 4, 3));
    }

    @Test
    void revertingToAnEarlierValueIsABacktrackEvenWhenShortLived() {
        var h = history(4, 6, 4);
        assertTrue(Backtracks.at(h, new boolean[2], 2, 0, 3));
        assertFalse(Backtracks.at(h, new boolean[2], 1, 0, 3));
    }

    @Test
    void givensNeverBacktrackAndFlagsStayVisibleForAWindow() {
        var h = history(2, 2, 2, 9, 9, 9, 9);
        boolean[] given = {true, false};
        assertFalse(Backtracks.at(h, given, 3, 0, 3));
        boolean[] none = {false, false};
        assertTrue(Backtracks.recent(h, none, 5, 3, 3)[0]);
        assertFalse(Backtracks.recent(h, none, 6, 3, 3)[0]);
    }
}
