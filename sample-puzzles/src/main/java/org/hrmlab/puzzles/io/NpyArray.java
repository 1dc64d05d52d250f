package org.hrmlab.puzzles.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An n-dimensional array read from or written to a NumPy {@code .npy} file, row-major (C order).
 *
 * @param dtype NumPy type string without byte-order mark: {@code f4, f8, i1, i2, i4, i8, u1, u2, b1}
 * @param shape the array shape; {@code []} for a scalar
 * @param data  the raw little-endian element bytes (not copied; treat as read-only)
 */
public record NpyArray(String dtype, long[] shape, ByteBuffer data) {

    /** @return the number of elements (the product of the shape) */
    public long size() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** @return the shape as ints (every NumPy dimension HRM Lab meets fits an int) */
    public int[] intShape() {
        return Arrays.stream(shape).mapToInt(Math::toIntExact).toArray();
    }

    /** @return every element converted to float, in row-major order */
    public float[] toFloats() {
        int n = Math.toIntExact(size());
        float[] out = new float[n];
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            out[i] = (float) element(b, i);
        }
        return out;
    }

    /** @return every element converted to double, in row-major order */
    public double[] toDoubles() {
        int n = Math.toIntExact(size());
        double[] out = new double[n];
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            out[i] = element(b, i);
        }
        return out;
    }

    /**
     * @return every element converted to int, in row-major order
     * @throws ArithmeticException if a floating or 64-bit value is not an exact int
     */
    public int[] toInts() {
        int n = Math.toIntExact(size());
        int[] out = new int[n];
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            double v = element(b, i);
            if (v != Math.rint(v) || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw new ArithmeticException("element " + i + " = " + v + " is not an int");
            }
            out[i] = (int) v;
        }
        return out;
    }

    private double element(ByteBuffer b, int i) {
        return switch (dtype) {
            case "f4" -> b.getFloat(i * 4);
            case "f8" -> b.getDouble(i * 8);
            case "i1" -> b.get(i);
            case "u1" -> b.get(i) & 0xFF;
            case "b1" -> b.get(i) != 0 ? 1 : 0;
            case "i2" -> b.getShort(i * 2);
            case "u2" -> b.getShort(i * 2) & 0xFFFF;
            case "i4" -> b.getInt(i * 4);
            case "u4" -> b.getInt(i * 4) & 0xFFFFFFFFL;
            case "i8" -> b.getLong(i * 8);
            default -> throw new IllegalStateException("unsupported dtype " + dtype);
        };
    }

    /** @return a float32 array of the given shape (data copied) */
    public static NpyArray ofFloats(float[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new NpyArray("f4", checkShape(values.length, shape), b);
    }

    /** @return a float64 array of the given shape (data copied) */
    public static NpyArray ofDoubles(double[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return new NpyArray("f8", checkShape(values.length, shape), b);
    }

    /** @return an int32 array of the given shape (data copied) */
    public static NpyArray ofInts(int[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return new NpyArray("i4", checkShape(values.length, shape), b);
    }

    /**
     * @param values each must lie in 0..255
     * @return a uint8 array of the given shape (data copied)
     */
    public static NpyArray ofUint8(int[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length);
        for (int v : values) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("uint8 value out of range: " + v);
            }
            b.put((byte) v);
        }
        b.flip();
        return new NpyArray("u1", checkShape(values.length, shape), b);
    }

    private static long[] checkShape(int length, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + length + " values");
        }
        return shape.clone();
    }

    static int itemSize(String dtype) {
        return switch (dtype) {
            case "f4", "i4", "u4" -> 4;
            case "f8", "i8" -> 8;
            case "i2", "u2" -> 2;
            case "i1", "u1", "b1" -> 1;
            default -> -1;
        };
    }
}
