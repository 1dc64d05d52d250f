package org.hrmlab.puzzles.sudoku;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrmlab.puzzles.SudokuShape;
import org.junit.jupiter.api.Test;

class SudokuRulesTest {

    @Test
    void flagsRowColumnAndBoxDuplicatesOnly() {
        int[] d = new int[81];
        d[0] = 5;
        d[8] = 5;      // same row as 0
        d[30] = 7;
        d[75] = 7;     // same column (3) as 30
        d[60] = 4;
        d[70] = 4;     // same box: 60 = (6,6), 70 = (7,7)
        d[40] = 2;
        d[14] = 2;     // (4,4) vs (1,5): no shared unit
        SudokuRules.Conflicts c = SudokuRules.conflicts(SudokuShape.NINE, d);
        assertTrue(c.at(0) && c.at(8) && c.at(30) && c.at(75) && c.at(60) && c.at(70));
        assertTrue(c.row()[0] && !c.column()[0] && !c.box()[0]);
        assertTrue(c.box()[60] && !c.row()[60]);
        assertEquals(6, c.count());
    }

    @Test
    void solvedBoardHasNoConflicts() {
        String s = "534678912672195348198342567859761423426853791713924856961537284287419635345286179";
        int[] d = s.chars().map(ch -> ch - '0').toArray();
        assertArrayEquals(new boolean[81], SudokuRules.conflicts(SudokuShape.NINE, d).any());
    }

    @Test
    void sixBySixBoxesAreTwoRowsByThreeColumns() {
        int[] d = new int[36];
        d[0] = 3;
        d[8] = 3;      // (1,2): box 0 with (0,0)
        d[3] = 4;
        d[9] = 4;      // (0,3) and (1,3): same column and box 1
        d[14] = 5;
        d[19] = 5;     // (2,2) and (3,1): same box 2, rows 2-3
        d[24] = 6;
        d[5] = 6;      // (4,0) and (0,5): no shared unit
        SudokuRules.Conflicts c = SudokuRules.conflicts(SudokuShape.SIX, d);
        assertTrue(c.box()[0] && c.box()[8]);
        assertTrue(c.column()[3] && c.box()[9]);
        assertTrue(c.box()[14] && c.box()[19]);
        assertFalse(c.at(24) || c.at(5));
        assertEquals(6, c.count());
    }

    @Test
    void wrongLengthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SudokuRules.conflicts(SudokuShape.NINE, new int[80]));
    }
}
