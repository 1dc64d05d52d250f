package org.hrmlab.puzzles.readings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hrmlab.puzzles.SudokuShape;
import org.junit.jupiter.api.Test;

class SudokuReaderTest {
    private static final int[] SOLVED_4 = {
        1, 2, 3, 4,
        3, 4, 1, 2,
        2, 1, 4, 3,
        4, 3, 2, 1};

    @Test
    void solvedGridHasNoConflicts() {
        SudokuReading r = new SudokuReader(new int[16], 4, 2).next(SOLVED_4);
        assertEquals(0, r.violatingCells());
        assertTrue(r.solved());
    }

    @Test
    void duplicateDigitMarksRowColumnAndBox() {
        int[] g = SOLVED_4.clone();
        g[1] = 1; // row 0 now has two 1s (cells 0, 1); column 1 has 1 at rows 0 and 2; box 0 has 1 at cells 0, 1
        SudokuReading r = new SudokuReader(new int[16], 4, 2).next(g);
        assertTrue(r.rowConflict()[0] && r.rowConflict()[1]);
        assertTrue(r.columnConflict()[1] && r.columnConflict()[9]);
        assertTrue(r.boxConflict()[0] && r.boxConflict()[1]);
        assertFalse(r.columnConflict()[0]);
        assertEquals(3, r.violatingCells());
        assertFalse(r.solved());
    }

    @Test
    void blanksAreNotConflicts() {
        SudokuReading r = new SudokuReader(new int[16], 4, 2).next(new int[16]);
        assertEquals(0, r.violatingCells());
        assertEquals(16, r.blankCount());
    }

    @Test
    void changedCellsAreMarkedFromTheSecondStep() {
        int[] a = SOLVED_4.clone();
        int[] b = SOLVED_4.clone();
        b[5] = 3;
        List<SudokuReading> rs = SudokuReader.readAll(new int[16], List.of(a, b), SudokuShape.FOUR, 2);
        assertEquals(0, rs.get(0).changedCount());
        assertEquals(1, rs.get(1).changedCount());
        assertTrue(rs.get(1).changed()[5]);
    }

    @Test
    void backtrackAfterAStableDigitAndOnReverting() {
        int[] givens = new int[16];
        givens[0] = 1;
        int cell = 5;
        int[][] values = {{2}, {2}, {3}, {2}, {4}, {0}, {4}};
        // steps: 2, 2 (stable 2 steps), 3 (backtrack: left a digit stable for 2), 2 (revert to earlier 2),
        // 4 (3 was held 1 step, 4 never held: no backtrack), 0 (blank: no backtrack), 4 (revert: backtrack)
        SudokuReader reader = new SudokuReader(givens, 4, 2);
        int[] expected = {0, 0, 1, 1, 0, 0, 1};
        int[] got = new int[values.length];
        for (int s = 0; s < values.length; s++) {
            int[] g = new int[16];
            g[0] = 1;
            g[cell] = values[s][0];
            got[s] = reader.next(g).backtrackCount();
        }
        assertArrayEquals(expected, got);
    }

    @Test
    void givensNeverBacktrack() {
        int[] givens = new int[16];
        givens[0] = 1;
        SudokuReader reader = new SudokuReader(givens, 4, 1);
        int[] g = new int[16];
        g[0] = 1;
        reader.next(g);
        g[0] = 2;
        assertEquals(0, reader.next(g).backtrackCount());
    }

    @Test
    void sixBySixBoardsHaveTwoByThreeBoxes() {
        int[] solved = {
            2, 6, 3, 4, 5, 1,
            4, 1, 5, 2, 3, 6,
            3, 2, 6, 1, 4, 5,
            5, 4, 1, 3, 6, 2,
            6, 3, 2, 5, 1, 4,
            1, 5, 4, 6, 2, 3};
        SudokuReader reader = new SudokuReader(new int[36], 6, SudokuReader.DEFAULT_STABLE_STEPS);
        assertTrue(reader.next(solved).solved());
        int[] g = solved.clone();
        g[7] = 6; // row 1 already has 6 at cell 11; box 0 (rows 0-1, columns 0-2) has 6 at cell 1
        SudokuReading r = reader.next(g);
        assertTrue(r.rowConflict()[7] && r.rowConflict()[11]);
        assertTrue(r.boxConflict()[7] && r.boxConflict()[1]);
        assertFalse(r.boxConflict()[11], "cell 11 lies in box 1");
        assertEquals(3, r.violatingCells());
    }

    @Test
    void rejectsSizesWithoutBoxesAndMismatchedGivens() {
        assertThrows(IllegalArgumentException.class, () -> new SudokuReader(new int[25], 5, 2));
        assertThrows(IllegalArgumentException.class, () -> new SudokuReader(new int[36], SudokuShape.NINE, 2));
    }
}
