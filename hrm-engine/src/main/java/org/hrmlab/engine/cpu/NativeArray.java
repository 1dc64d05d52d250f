package org.hrmlab.engine.cpu;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Float32 values in native memory, as BLAS reads and writes them: a pointer for {@link Gemm} and a buffer view for
 * bulk copies to and from Java arrays (the element-wise passes run on Java arrays, see {@link Kernels}). Either owns
 * its memory (freed when collected) or views an ND4J array's.
 */
public final class NativeArray {
    private final FloatPointer memory;
    private final FloatBuffer buffer;
    private final int length;

    /** @param length values, zero-initialised */
    public NativeArray(long length) {
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("length " + length + " outside [0, 2^31)");
        }
        this.length = (int) length;
        this.memory = new FloatPointer(Math.max(1, length));
        this.memory.zero();
        this.buffer = memory.asBuffer();
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

    /** Copies all values into {@code dst} (a large array on all workers). */
    public void get(float[] dst) {
        inChunks((from, n) -> buffer.get(from, dst, from, n));
    }

    /** Overwrites all values with {@code src} (a large array on all workers). */
    public void put(float[] src) {
        if (src.length < length) {
            throw new IllegalArgumentException(src.length + " values for " + length);
        }
        inChunks((from, n) -> buffer.put(from, src, from, n));
    }

    /** Copies all values of {@code src} (same length) here. */
    public void copyFrom(NativeArray src) {
        if (src.length != length) {
            throw new IllegalArgumentException(src.length + " values into " + length);
        }
        inChunks((from, n) -> buffer.put(from, src.buffer, from, n));
    }

    /** Copies of at least this many values are split over the workers (weights, gradients). */
    private static final int PARALLEL_COPY = 1 << 18;

    private interface Range {
        void copy(int from, int n);
    }

    private void inChunks(Range r) {
        Workers workers = Workers.shared();
        if (length < PARALLEL_COPY || workers.count() == 1) {
            r.copy(0, length);
            return;
        }
        int tasks = workers.count();
        int step = (length + tasks - 1) / tasks;
        workers.run(tasks, (t, w) -> {
            int from = t * step;
            r.copy(from, Math.min(length, from + step) - from);
        });
    }
}
