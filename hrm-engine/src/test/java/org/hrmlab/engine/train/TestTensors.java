package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hrmlab.engine.HostTensor;

/** Random tensors for the training-step tests, and the check that two results agree up to a relative tolerance. */
final class TestTensors {
    private TestTensors() {
    }

    /** @return a tensor of {@code shape} with values drawn from N(0, std²) by {@code rnd} */
    static HostTensor gaussian(long[] shape, Random rnd, double std) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rnd.nextGaussian() * std);
        }
        return new HostTensor(shape, v);
    }

    /**
     * Asserts that {@code actual} has the length of {@code expected} and differs from it nowhere by more than
     * {@code tolerance} times the largest magnitude in {@code expected} (at least 1e-3).
     */
    static void assertClose(String what, float[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, what);
        double scale = 1e-3;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(max <= tolerance * scale, what + ": max |diff| " + max + " (scale " + scale + ")");
    }
}
