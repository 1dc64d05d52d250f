package org.hrmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HrmConfigTest {
    private static HrmConfig config(int puzzleNdim, int hidden, int heads, double expansion) {
        return new HrmConfig(81, 11, 3, puzzleNdim, hidden, heads, expansion, 2, 2, 2, 2, 4, 0.1, "rope", 1e-5, 1e4);
    }

    @Test
    void swiGluWidthRoundsLikePythonThenUpTo256() {
        assertEquals(1536, config(0, 512, 8, 4).mlpInterSize(), "round(1365.33) = 1365 -> 1536");
        assertEquals(256, config(0, 54, 3, 7.125).mlpInterSize(), "round(256.5) = 256, halves go to even");
        assertEquals(512, config(0, 54, 3, 7.15625).mlpInterSize(), "round(257.625) = 258 -> 512");
        assertEquals(256, config(0, 60, 3, 2.6).mlpInterSize(), "round(104) = 104 -> 256");
    }

    @Test
    void prefixLengthRoundsUp() {
        assertEquals(0, config(0, 48, 4, 4).puzzleEmbLen());
        assertEquals(1, config(48, 48, 4, 4).puzzleEmbLen());
        assertEquals(2, config(80, 48, 4, 4).puzzleEmbLen());
        assertEquals(83, config(80, 48, 4, 4).totalSeqLen());
    }

    @Test
    void positionEncodingsSayWhatTheyUse() {
        HrmConfig rope = config(0, 48, 4, 4);
        assertTrue(rope.rotaryPositions());
        assertFalse(rope.learnedPositions());
        HrmConfig learned = rope.withPosEncodings("learned");
        assertFalse(learned.rotaryPositions(), "the reference rotates nothing when positions are learned");
        assertTrue(learned.learnedPositions());
        HrmConfig both = rope.withPosEncodings(HrmConfig.LEARNED_AND_ROPE);
        assertTrue(both.rotaryPositions());
        assertTrue(both.learnedPositions());
        assertThrows(IllegalArgumentException.class, () -> rope.withPosEncodings("sinusoidal"));
    }
}
