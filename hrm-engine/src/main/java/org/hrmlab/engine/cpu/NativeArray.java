package org.hrmlab.engine.cpu;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Float32 values in native memory, as BLAS reads and writes them: a pointer for {@link Gemm} and a buffer view for
 * bulk copies to and from Java arrays (the element-wise passes run on Java arrays, see {@link Kernels}). Either owns
 * its memory (freed when collected) or views an ND4J array's.
 */
public final class NativeArray {
    private final FloatPointer memory;
    private final FloatBuffer buffer;
    private final int length;
    /** Keeps a viewed ND4J array (and so its memory) reachable. */
    private final Object owner;

    /** @param length values, zero-initialised */
    public NativeArray(long length) {
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("length " + length + " outside [0, 2^31)");
        }
        this.length = (int) length;
        this.memory = new FloatPointer(Math.max(1, length));
        this.memory.zero();
        this.buffer = memory.asBuffer();
        this.owner = null;
    }

    private NativeArray(INDArray a) {
        if (a.ordering() != 'c' || a.offset() != 0 || a.isView()) {
            throw new IllegalArgumentException("expected a fresh contiguous array");
        }
        this.length = (int) a.length();
        this.memory = new FloatPointer(a.data().addressPointer()).position(0).capacity(length).limit(length);
        this.buffer = memory.asBuffer();
        this.owner = a;
    }

    /** @return a view of a contiguous C-order float ND4J array's memory */
    public static NativeArray of(INDArray a) {
        return new NativeArray(a);
    }

    /** @return values held */
    public int length() {
        return length;
    }

    /** @return the values from {@code offset} as a matrix operand with row stride {@code ld} */
    public Gemm.Operand at(long offset, int ld) {
        return new Gemm.Operand(memory, offset, ld);
    }

    /** @return the whole array as a matrix operand with row stride {@code ld} */
    public Gemm.Operand matrix(int ld) {
        return at(0, ld);
    }

    /** @return the buffer view (absolute get/put only: its position is shared) */
    public FloatBuffer buffer() {
        return buffer;
    }

    /** Copies {@code n} values from {@code offset} into {@code dst[at ..]}. */
    public void get(int offset, float[] dst, int at, int n) {
        buffer.get(offset, dst, at, n);
    }

    /** Copies {@code n} values of {@code src[at ..]} to {@code offset}. */
    public void put(int offset, float[] src, int at, int n) {
        buffer.put(offset, src, at, n);
    }

    /** Copies all values into {@code dst}. */
    public void get(float[] dst) {
        buffer.get(0, dst, 0, length);
    }

    /** Overwrites all values with {@code src}. */
    public void put(float[] src) {
        buffer.put(0, src, 0, length);
    }

    /** Copies all values of {@code src} (same length) here. */
    public void copyFrom(NativeArray src) {
        if (src.length != length) {
            throw new IllegalArgumentException(src.length + " values into " + length);
        }
        buffer.put(0, src.buffer, 0, length);
    }

    /** @return an owner reference (keeps a viewed array alive), for code that only holds the pointer */
    Object owner() {
        return owner;
    }
}
