package org.hrmlab.engine.model;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Direct float views of ND4J arrays, for element-wise passes written as plain loops. */
final class Buffers {
    private Buffers() {
    }

    /** @return a view of a contiguous C-order float array's memory, starting at its first element */
    static FloatBuffer of(INDArray a) {
        if (a.ordering() != 'c' || a.offset() != 0 || a.isView()) {
            throw new IllegalArgumentException("expected a fresh contiguous array");
        }
        FloatBuffer b = a.data().asNioFloat();
        b.limit((int) a.length());
        return b;
    }

    /** Copies {@code src} into the array's memory. */
    static void put(INDArray a, float[] src) {
        of(a).put(0, src);
    }

    /** @return a copy of the array's values */
    static float[] get(INDArray a) {
        float[] out = new float[(int) a.length()];
        of(a).get(0, out);
        return out;
    }
}
