package org.hrmlab.puzzles.readings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenAccuracyTest {
    @Test
    void ignoresPadAndIgnoreLabel() {
        TokenAccuracy a = TokenAccuracy.of(new int[] {3, 4, 9, 9}, new int[] {3, 5, 0, TokenAccuracy.IGNORE_LABEL}, 0);
        assertEquals(1, a.correct());
        assertEquals(2, a.counted());
        assertEquals(0.5, a.accuracy(), 0);
        assertFalse(a.exact());
        assertTrue(TokenAccuracy.of(new int[] {3, 7}, new int[] {3, 0}, 0).exact());
    }

    @Test
    void answerTimingFindsFirstAndSettledSteps() {
        AnswerTiming t = AnswerTiming.of(new boolean[] {false, true, false, true, true});
        assertEquals(1, t.firstCorrect());
        assertEquals(3, t.settledFrom());
        assertFalse(t.staysCorrect());
        AnswerTiming stays = AnswerTiming.of(new boolean[] {false, false, true, true});
        assertTrue(stays.staysCorrect());
        assertEquals(2, stays.firstCorrect());
        AnswerTiming never = AnswerTiming.of(new boolean[] {false, false});
        assertEquals(-1, never.firstCorrect());
        assertEquals(-1, never.settledFrom());
        assertFalse(never.staysCorrect());
    }
}
