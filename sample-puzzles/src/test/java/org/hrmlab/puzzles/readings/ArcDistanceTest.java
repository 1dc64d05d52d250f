package org.hrmlab.puzzles.readings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArcDistanceTest {
    @Test
    void identicalGridsAreAtDistanceZero() {
        int[] g = {1, 2, 3, 4};
        ArcDistance d = ArcDistance.of(g, 2, 2, g, 2, 2);
        assertEquals(0, d.total());
        assertTrue(d.sameSize());
    }

    @Test
    void countsDifferingCellsAndSizeMismatch() {
        int[] target = {1, 2, 3, 4, 5, 6};
        int[] predicted = {1, 0, 4, 5};
        ArcDistance d = ArcDistance.of(predicted, 2, 2, target, 2, 3);
        assertEquals(1, d.differingCells());
        assertEquals(0, d.rowDifference());
        assertEquals(-1, d.columnDifference());
        assertEquals(2, d.missingOrExtra());
        assertEquals(3, d.total());
        assertFalse(d.sameSize());
    }
}
