package org.hrmlab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SignSgdTest {
    @Test
    void sumsRepeatedIdsAndDecaysOnlyTouchedRows() {
        float[] table = {1f, 1f, 2f, 2f, 3f, 3f};
        // rows of id 1 sum to (+1 - 3, 0 + 0) = (-2, 0); id 2 gets (0.5, -0.5)
        new SignSgd(0.5).update(table, 2, new int[] {1, 2, 1}, new float[] {1f, 0f, 0.5f, -0.5f, -3f, 0f}, 0.1);
        float d = (float) (1 - 0.1 * 0.5);
        assertArrayEquals(new float[] {1f, 1f, 2f * d + 0.1f, 2f * d, 3f * d - 0.1f, 3f * d + 0.1f}, table, 1e-6f);
    }
}
