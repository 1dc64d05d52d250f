package org.hrmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jSmokeTest {
    @Test
    void matrixProductOnTheCpuBackend() {
        var a = Nd4j.create(new float[] {1, 2, 3, 4}, 2, 2);
        assertEquals(7f, a.mmul(a).getFloat(0, 0), 1e-6);
    }
}
