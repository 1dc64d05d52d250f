package org.hrmlab.viz.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        d[70] = 4;     // same box (rows 6-8, cols 6-8)? 60 = (6,6), 70 = (7,7)
        d[40] = 2;
        d[14] = 2;     // (4,4) vs (1,5): no shared unit
        boolean[] bad = SudokuRules.conflicts(d, 9);
        assertTrue(bad[0] && bad[8] && bad[30] && bad[75] && bad[60] && bad[70]);
        assertEquals(6, SudokuRules.count(bad));
    }

    @Test
    void solvedBoardHasNoConflicts() {
        String s = "534678912672195348198342567859761423426853791713924856961537284287419635345286179";
        int[] d = s.chars().map(ch -> ch - '0').toArray();
        assertArrayEquals(new boolean[81], SudokuRules.conflicts(d, 9));
    }

    @Test
    void boxSideOfNonSquareBoardIsTheBoard() {
        assertEquals(3, SudokuRules.boxSide(9));
        assertEquals(2, SudokuRules.boxSide(4));
        assertEquals(6, SudokuRules.boxSide(6));
    }

    @Test
    void wrongLengthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SudokuRules.conflicts(new int[80], 9));
    }
}
