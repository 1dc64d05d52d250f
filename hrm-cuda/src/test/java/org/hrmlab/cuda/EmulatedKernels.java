package org.hrmlab.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernels of {@code src/main/cuda/hrm_kernels.cu}, each ported line for line to Java, run sequentially over the
 * whole index space of a launch. A launch's arguments are decoded with the parameter types the PTX declares for the
 * entry ({@code .u64}: pointer or {@code long long}; {@code .u32}: {@code int}; {@code .f32}: {@code float}), exactly
 * as the driver reads the backend's argument buffer. Block reductions are summed in index order.
 */
final class EmulatedKernels {
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private final List<String> names = new ArrayList<>();
    private final List<String[]> types = new ArrayList<>();

    static MemorySegment at(long address, long bytes) {
        return MemorySegment.ofAddress(address).reinterpret(bytes);
    }

    static float f(long base, long index) {
        return ALL.get(JAVA_FLOAT, base + 4 * index);
    }

    static void setF(long base, long index, float v) {
        ALL.set(JAVA_FLOAT, base + 4 * index, v);
    }

    private static double d(long base, long index) {
        return ALL.get(JAVA_DOUBLE, base + 8 * index);
    }

    private static void setD(long base, long index, double v) {
        ALL.set(JAVA_DOUBLE, base + 8 * index, v);
    }

    private static int i32(long base, long index) {
        return ALL.get(JAVA_INT, base + 4 * index);
    }

    /** Reads the entries of a PTX module and their parameter types. */
    void load(String ptx) {
        Matcher entry = Pattern.compile("\\.visible \\.entry (\\w+)\\(([^)]*)\\)").matcher(ptx);
        while (entry.find()) {
            List<String> t = new ArrayList<>();
            Matcher p = Pattern.compile("\\.param \\.(\\w+)").matcher(entry.group(2));
            while (p.find()) {
                t.add(p.group(1));
            }
            names.add(entry.group(1));
            types.add(t.toArray(String[]::new));
        }
    }

    int index(String name) {
        return names.indexOf(name);
    }

    void launch(int kernel, int gridX, MemorySegment params) {
        String[] t = types.get(kernel);
        MemorySegment slots = params.reinterpret(8L * t.length);
        Object[] a = new Object[t.length];
        for (int i = 0; i < t.length; i++) {
            MemorySegment value = slots.getAtIndex(ADDRESS, i).reinterpret(8);
            a[i] = switch (t[i]) {
                case "u64", "b64", "s64" -> value.get(JAVA_LONG, 0);
                case "u32", "b32", "s32" -> value.get(JAVA_INT, 0);
                case "f32" -> value.get(JAVA_FLOAT, 0);
                default -> throw new IllegalStateException("parameter type ." + t[i]);
            };
        }
        run(names.get(kernel), gridX, a);
    }

    private static long l(Object o) {
        return (Long) o;
    }

    private static int n(Object o) {
        return (Integer) o;
    }

    private static float fl(Object o) {
        return (Float) o;
    }

    private static void run(String name, int grid, Object[] a) {
        switch (name) {
            case "add2" -> {
                for (long i = 0; i < l(a[3]); i++) {
                    setF(l(a[0]), i, f(l(a[1]), i) + f(l(a[2]), i));
                }
            }
            case "add3" -> {
                for (long i = 0; i < l(a[4]); i++) {
                    setF(l(a[0]), i, f(l(a[1]), i) + (f(l(a[2]), i) + f(l(a[3]), i)));
                }
            }
            case "rope_split" -> ropeSplit(l(a[0]), l(a[1]), l(a[2]), l(a[3]), l(a[4]), l(a[5]), n(a[6]), n(a[7]),
                    n(a[8]), n(a[9]), fl(a[10]));
            case "softmax_rows" -> {
                int cols = n(a[1]);
                for (long r = 0; r < grid; r++) {
                    long row = l(a[0]) + 4 * r * cols;
                    float m = Float.NEGATIVE_INFINITY;
                    for (int i = 0; i < cols; i++) {
                        m = Math.max(m, f(row, i));
                    }
                    float s = 0;
                    for (int i = 0; i < cols; i++) {
                        float e = (float) Math.exp(f(row, i) - m);
                        setF(row, i, e);
                        s += e;
                    }
                    float inv = 1f / s;
                    for (int i = 0; i < cols; i++) {
                        setF(row, i, f(row, i) * inv);
                    }
                }
            }
            case "merge_heads" -> heads(l(a[0]), l(a[1]), n(a[2]), n(a[3]), n(a[4]), n(a[5]), true);
            case "split_heads" -> heads(l(a[0]), l(a[1]), n(a[2]), n(a[3]), n(a[4]), n(a[5]), false);
            case "rms_norm" -> {
                int width = n(a[1]);
                for (long r = 0; r < grid; r++) {
                    long row = l(a[0]) + 4 * r * width;
                    double s = 0;
                    for (int i = 0; i < width; i++) {
                        float v = f(row, i);
                        s += v * v;
                    }
                    float meanSquare = (float) (s / width);
                    float factor = (float) (1.0 / Math.sqrt(meanSquare + fl(a[2])));
                    if (l(a[3]) != 0) {
                        setF(l(a[3]), r, factor);
                    }
                    for (int i = 0; i < width; i++) {
                        setF(row, i, f(row, i) * factor);
                    }
                }
            }
            case "rms_norm_backward" -> {
                int width = n(a[3]);
                for (long r = 0; r < grid; r++) {
                    long g = l(a[0]) + 4 * r * width;
                    long y = l(a[1]) + 4 * r * width;
                    double dot = 0;
                    for (int i = 0; i < width; i++) {
                        dot += f(g, i) * f(y, i);
                    }
                    float mean = (float) (dot / width);
                    float factor = f(l(a[2]), r);
                    for (int i = 0; i < width; i++) {
                        setF(g, i, factor * (f(g, i) - f(y, i) * mean));
                    }
                }
            }
            case "softmax_backward" -> {
                int cols = n(a[2]);
                for (long r = 0; r < grid; r++) {
                    long p = l(a[0]) + 4 * r * cols;
                    long g = l(a[1]) + 4 * r * cols;
                    double dot = 0;
                    for (int i = 0; i < cols; i++) {
                        dot += f(g, i) * f(p, i);
                    }
                    for (int i = 0; i < cols; i++) {
                        setF(g, i, f(p, i) * (float) (f(g, i) - dot));
                    }
                }
            }
            case "swiglu" -> {
                long rows = l(a[2]);
                int inter = n(a[3]);
                for (long idx = 0; idx < rows * inter; idx++) {
                    long r = idx / inter;
                    long j = idx % inter;
                    float g = f(l(a[0]), r * 2 * inter + j);
                    float u = f(l(a[0]), r * 2 * inter + inter + j);
                    setF(l(a[1]), idx, g / (1f + (float) Math.exp(-g)) * u);
                }
            }
            case "swiglu_backward" -> {
                long rows = l(a[3]);
                int inter = n(a[4]);
                for (long idx = 0; idx < rows * inter; idx++) {
                    long r = idx / inter;
                    long j = idx % inter;
                    float g = f(l(a[0]), r * 2 * inter + j);
                    float u = f(l(a[0]), r * 2 * inter + inter + j);
                    float sig = 1f / (1f + (float) Math.exp(-g));
                    float dm = f(l(a[1]), idx);
                    setF(l(a[2]), r * 2 * inter + j, dm * u * sig * (1f + g * (1f - sig)));
                    setF(l(a[2]), r * 2 * inter + inter + j, dm * g * sig);
                }
            }
            case "first_positions" -> {
                int batch = n(a[2]);
                int seq = n(a[3]);
                int width = n(a[4]);
                for (long idx = 0; idx < (long) batch * width; idx++) {
                    setF(l(a[1]), idx, f(l(a[0]), idx / width * seq * width + idx % width));
                }
            }
            case "gather_shifted" -> {
                int nPos = n(a[3]);
                int fromRow = n(a[4]);
                int rows = n(a[5]);
                int seq = n(a[6]);
                int width = n(a[7]);
                for (long idx = 0; idx < (long) rows * nPos * width; idx++) {
                    long i = idx % width;
                    long sample = idx / width;
                    long k = sample % nPos;
                    long r = sample / nPos;
                    setD(l(a[1]), idx, (double) f(l(a[0]), ((fromRow + r) * seq + i32(l(a[2]), k)) * width + i)
                            - d(l(a[8]), i));
                }
            }
            case "column_sums_add" -> {
                long rows = l(a[1]);
                int width = n(a[2]);
                for (int i = 0; i < width; i++) {
                    double s = 0;
                    for (long r = 0; r < rows; r++) {
                        s += d(l(a[0]), r * width + i);
                    }
                    setD(l(a[3]), i, d(l(a[3]), i) + s);
                }
            }
            case "rope_merge_backward" -> ropeMergeBackward(l(a[0]), l(a[1]), l(a[2]), l(a[3]), l(a[4]), l(a[5]),
                    n(a[6]), n(a[7]), n(a[8]), n(a[9]), fl(a[10]));
            case "rms_norm_columns" -> normColumns(l(a[0]), n(a[1]), n(a[2]), n(a[3]), fl(a[4]), l(a[5]));
            case "rms_norm_columns_backward" -> normColumnsBackward(l(a[0]), l(a[1]), l(a[2]), n(a[3]), n(a[4]),
                    n(a[5]));
            default -> throw new IllegalStateException("no port of kernel " + name);
        }
    }

    private static void ropeSplit(long qkv, long q, long k, long v, long cos, long sin, int batch, int seq, int heads,
                                  int hd, float scale) {
        int half = hd / 2;
        int hidden = heads * hd;
        for (long idx = 0; idx < (long) batch * seq * heads * half; idx++) {
            int i = (int) (idx % half);
            long rest = idx / half;
            int h = (int) (rest % heads);
            long row = rest / heads;
            int t = (int) (row % seq);
            long b = row / seq;
            long src = row * 3 * hidden;
            long dst = ((b * heads + h) * seq + t) * hd;
            int ro = t * hd;
            float c1 = f(cos, ro + i);
            float s1 = f(sin, ro + i);
            float c2 = f(cos, ro + i + half);
            float s2 = f(sin, ro + i + half);
            float q1 = f(qkv, src + h * hd + i);
            float q2 = f(qkv, src + h * hd + i + half);
            float k1 = f(qkv, src + hidden + h * hd + i);
            float k2 = f(qkv, src + hidden + h * hd + i + half);
            setF(q, dst + i, (q1 * c1 - q2 * s1) * scale);
            setF(q, dst + i + half, (q2 * c2 + q1 * s2) * scale);
            setF(k, dst + i, k1 * c1 - k2 * s1);
            setF(k, dst + i + half, k2 * c2 + k1 * s2);
            setF(v, dst + i, f(qkv, src + 2 * hidden + h * hd + i));
            setF(v, dst + i + half, f(qkv, src + 2 * hidden + h * hd + i + half));
        }
    }

    private static void ropeMergeBackward(long dq, long dk, long dv, long dqkv, long cos, long sin, int batch, int seq,
                                          int heads, int hd, float scale) {
        int half = hd / 2;
        int hidden = heads * hd;
        for (long idx = 0; idx < (long) batch * seq * heads * half; idx++) {
            int i = (int) (idx % half);
            long rest = idx / half;
            int h = (int) (rest % heads);
            long row = rest / heads;
            int t = (int) (row % seq);
            long b = row / seq;
            long dst = row * 3 * hidden;
            long src = ((b * heads + h) * seq + t) * hd;
            int ro = t * hd;
            float c1 = f(cos, ro + i);
            float s1 = f(sin, ro + i);
            float c2 = f(cos, ro + i + half);
            float s2 = f(sin, ro + i + half);
            float q1 = f(dq, src + i);
            float q2 = f(dq, src + i + half);
            float k1 = f(dk, src + i);
            float k2 = f(dk, src + i + half);
            setF(dqkv, dst + h * hd + i, (q1 * c1 + q2 * s2) * scale);
            setF(dqkv, dst + h * hd + i + half, (q2 * c2 - q1 * s1) * scale);
            setF(dqkv, dst + hidden + h * hd + i, k1 * c1 + k2 * s2);
            setF(dqkv, dst + hidden + h * hd + i + half, k2 * c2 - k1 * s1);
            setF(dqkv, dst + 2 * hidden + h * hd + i, f(dv, src + i));
            setF(dqkv, dst + 2 * hidden + h * hd + i + half, f(dv, src + i + half));
        }
    }

    /** merge: heads [B, H, S, hd] → out [B·S, H·hd]; split: the reverse. */
    private static void heads(long in, long out, int batch, int seq, int nheads, int hd, boolean merge) {
        int hidden = nheads * hd;
        for (long idx = 0; idx < (long) batch * seq * hidden; idx++) {
            int c = (int) (idx % hidden);
            long row = idx / hidden;
            int t = (int) (row % seq);
            long b = row / seq;
            long split = ((b * nheads + c / hd) * seq + t) * hd + c % hd;
            if (merge) {
                setF(out, idx, f(in, split));
            } else {
                setF(out, split, f(in, idx));
            }
        }
    }

    private static void normColumns(long x, int batch, int seq, int width, float eps, long inv) {
        for (long idx = 0; idx < (long) batch * width; idx++) {
            long col = idx / width * seq * width + idx % width;
            double s = 0;
            for (int t = 0; t < seq; t++) {
                float v = f(x, col + (long) t * width);
                s += v * v;
            }
            float meanSquare = (float) (s / seq);
            float factor = (float) (1.0 / Math.sqrt(meanSquare + eps));
            if (inv != 0) {
                setF(inv, idx, factor);
            }
            for (int t = 0; t < seq; t++) {
                setF(x, col + (long) t * width, f(x, col + (long) t * width) * factor);
            }
        }
    }

    private static void normColumnsBackward(long dy, long y, long inv, int batch, int seq, int width) {
        for (long idx = 0; idx < (long) batch * width; idx++) {
            long col = idx / width * seq * width + idx % width;
            double dot = 0;
            for (int t = 0; t < seq; t++) {
                dot += f(dy, col + (long) t * width) * f(y, col + (long) t * width);
            }
            float mean = (float) (dot / seq);
            float factor = f(inv, idx);
            for (int t = 0; t < seq; t++) {
                long o = col + (long) t * width;
                setF(dy, o, factor * (f(dy, o) - f(y, o) * mean));
            }
        }
    }
}
