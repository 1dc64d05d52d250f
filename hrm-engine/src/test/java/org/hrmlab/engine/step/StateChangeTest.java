package org.hrmlab.engine.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StateChangeTest {
    @Test
    void isTheL2NormOverTheHiddenAxisOfEachPositionsChange() {
        // [3 positions, 2 hidden]: a prefix position, then two grid positions.
        float[] before = {9, 9, 1, 1, 0, 2};
        float[] now = {0, 0, 4, 5, 0, 2};
        assertArrayEquals(new float[] {5, 0}, StateChange.perPosition(now, before, 2, 1),
                "(3, 4) has norm 5; an unchanged position 0; the prefix is left out");
        assertArrayEquals(new float[] {(float) Math.sqrt(162), 5, 0}, StateChange.perPosition(now, before, 2, 0));
    }

    @Test
    void refusesStatesOfOtherShapes() {
        assertThrows(IllegalArgumentException.class, () -> StateChange.perPosition(new float[4], new float[6], 2, 0));
        assertThrows(IllegalArgumentException.class, () -> StateChange.perPosition(new float[5], new float[5], 2, 0));
        assertThrows(IllegalArgumentException.class, () -> StateChange.perPosition(new float[4], new float[4], 2, 3));
    }
}
