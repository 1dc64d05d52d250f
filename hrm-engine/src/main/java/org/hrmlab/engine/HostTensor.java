package org.hrmlab.engine;

import java.util.Arrays;

/**
 * A float32 tensor held in plain Java memory: how weights and states cross thread and module boundaries
 * (no {@code INDArray} leaves the engine thread).
 *
 * @param shape the tensor shape, row-major
 * @param data  the values (treat as read-only once shared)
 */
public record HostTensor(long[] shape, float[] data) {
    /** Checks that the shape holds exactly the data. */
    public HostTensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length
                    + " values");
        }
        shape = shape.clone();
    }

    /** @return the shape as ints */
    public int[] intShape() {
        return Arrays.stream(shape).mapToInt(Math::toIntExact).toArray();
    }

    /** @return the shape written like {@code [1536, 512]} */
    public String shapeText() {
        return Arrays.toString(shape);
    }
}
