package org.hrmlab.engine.cpu;

/** Whole-array element-wise sums on native memory (input injection), in staged chunks over all workers. */
public final class Streams {
    private Streams() {
    }

    /** {@code dst = a + b} (any of them may be the same array). */
    public static void sum(NativeArray dst, NativeArray a, NativeArray b, Scratch s) {
        Kernels k = Kernels.get();
        chunks(dst.length(), s, (from, len, w) -> {
            float[] x = s.a[w];
            float[] y = s.b[w];
            a.get(from, x, 0, len);
            b.get(from, y, 0, len);
            k.add(x, 0, y, 0, x, 0, len);
            dst.put(from, x, 0, len);
        });
    }

    /** {@code dst = a + (b + c)} (any of them may be the same array). */
    public static void sum(NativeArray dst, NativeArray a, NativeArray b, NativeArray c, Scratch s) {
        Kernels k = Kernels.get();
        chunks(dst.length(), s, (from, len, w) -> {
            float[] x = s.a[w];
            float[] y = s.b[w];
            b.get(from, x, 0, len);
            c.get(from, y, 0, len);
            k.add(x, 0, y, 0, y, 0, len);
            a.get(from, x, 0, len);
            k.add(x, 0, y, 0, x, 0, len);
            dst.put(from, x, 0, len);
        });
    }

    @FunctionalInterface
    private interface Chunk {
        void run(int from, int len, int worker);
    }

    private static void chunks(int n, Scratch s, Chunk body) {
        int size = s.a[0].length;
        int perWorker = n <= Scratch.SMALL ? n : (n + s.workers.count() - 1) / s.workers.count();
        int chunk = Math.max(1, Math.min(size, perWorker));
        int tasks = (n + chunk - 1) / chunk;
        s.workers.run(tasks, (t, w) -> {
            int from = t * chunk;
            body.run(from, Math.min(n, from + chunk) - from, w);
        });
    }
}
