package org.hrmlab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    @Test
    void linearWarmUpThenConstant() {
        LearningRateSchedule s = new LearningRateSchedule(1e-4, 2000, 26041, 1.0);
        assertEquals(1e-4 / 2000, s.lr(1), 1e-18);
        assertEquals(1e-4 * 1000 / 2000, s.lr(1000), 1e-18);
        assertEquals(1e-4, s.lr(2000), 1e-18);
        assertEquals(1e-4, s.lr(26041), 1e-18);
    }

    @Test
    void cosineDecaysToTheFloor() {
        LearningRateSchedule s = new LearningRateSchedule(1.0, 10, 110, 0.1);
        assertEquals(1.0, s.lr(10), 1e-12);
        assertEquals(0.1 + 0.9 * 0.5, s.lr(60), 1e-12);
        assertEquals(0.1, s.lr(110), 1e-12);
        assertEquals(0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * 0.25)), s.lr(35), 1e-12);
    }

    @Test
    void noWarmUpStartsAtTheBase() {
        assertEquals(1e-3, new LearningRateSchedule(1e-3, 0, 1, 1.0).lr(1), 1e-18);
    }
}
