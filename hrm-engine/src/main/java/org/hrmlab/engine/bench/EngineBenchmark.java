package org.hrmlab.engine.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.cpu.Gemm;
import org.hrmlab.engine.model.HrmInitializer;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.model.HrmState;
import org.hrmlab.engine.cpu.NativeArray;

/**
 * Measures the engine: median L-update, H-update and segment times at batch {@code B} for several sequence lengths,
 * against a square float32 GEMM into a preallocated output measured in the same run.
 */
public final class EngineBenchmark {
    private final int warmup;
    private final int repeats;

    /** Untimed runs go on for at least this long: the JIT compiles the vectorised passes after many calls. */
    static final long WARMUP_NANOS = 2_000_000_000L;
    /** ... and while they still get faster (a small model's passes take many steps to be compiled), up to this. */
    static final long WARMUP_MAX_NANOS = 20_000_000_000L;

    /**
     * Runs {@code r} at least {@code runs} times and for at least {@link #WARMUP_NANOS}, then until 20 runs in a row
     * were none more than 5 % faster than the fastest before them (at most {@link #WARMUP_MAX_NANOS}): the steady
     * state, once the JIT has compiled what the runs call.
     */
    static void warmUp(int runs, Runnable r) {
        long start = System.nanoTime();
        long best = Long.MAX_VALUE;
        int sinceBest = 0;
        for (int i = 0; ; i++) {
            long t = System.nanoTime();
            r.run();
            long now = System.nanoTime();
            if (now - t < best * 0.95) {
                best = now - t;
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            boolean settled = i + 1 >= runs && now - start >= WARMUP_NANOS && sinceBest >= 20;
            if (settled || now - start >= WARMUP_MAX_NANOS) {
                return;
            }
        }
    }

    /**
     * @param warmup  untimed runs before measuring (more until the runs stop getting faster: {@link #warmUp})
     * @param repeats timed runs (the median is reported; at least 5)
     */
    public EngineBenchmark(int warmup, int repeats) {
        this.warmup = warmup;
        this.repeats = Math.max(5, repeats);
    }

    /** One sequence length's figures. */
    public record Result(int seqLen, int batch, double lUpdateMs, double hUpdateMs, double segmentMs,
                         double lUpdateGflops, double shareOfGemm, long heapGrowthBytes) {
    }

    /** @return the GFLOP/s of a {@code n×n} float32 GEMM on the CPU into a preallocated output (median of repeats) */
    public double gemmGflops(int n) {
        return cpuGemmGflops(n);
    }

    /**
     * @return the GFLOP/s of a {@code n×n} float32 GEMM into a preallocated output, as the CPU engine calls it (OpenBLAS
     *         on native memory), on every core (median of 5 after 2)
     */
    public static double cpuGemmGflops(int n) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        float[] host = new float[n * n];
        for (int i = 0; i < host.length; i++) {
            host[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        NativeArray a = new NativeArray((long) n * n);
        NativeArray b = new NativeArray((long) n * n);
        NativeArray c = new NativeArray((long) n * n);
        a.put(host);
        b.put(host);
        double[] ms = new double[1];
        Gemm.withAllThreads(Runtime.getRuntime().availableProcessors(), () -> ms[0] = new EngineBenchmark(2, 5)
                .median(() -> Gemm.single(false, false, n, n, n, 1f, a.matrix(n), b.matrix(n), 0f, c.matrix(n))));
        return 2.0 * n * n * n / (ms[0] / 1e3) / 1e9;
    }

    /**
     * @param base    the architecture (its seqLen is replaced)
     * @param sTotal  positions including the puzzle prefix (82 = Sudoku, 901 = maze/ARC with one prefix token)
     * @param batch   examples per update
     * @param gemm    the GEMM rate measured in the same run, GFLOP/s
     */
    public Result measure(HrmConfig base, int sTotal, int batch, double gemm) {
        return measure(org.hrmlab.engine.compute.ComputeDevice.CPU, base, sTotal, batch, gemm);
    }

    /** As {@link #measure(HrmConfig, int, int, double)}, on {@code device} (the model is closed afterwards). */
    public Result measure(org.hrmlab.engine.compute.ComputeDevice device, HrmConfig base, int sTotal, int batch,
                          double gemm) {
        HrmConfig c = base.withSeqLen(sTotal - base.puzzleEmbLen());
        try (HrmModel model = device.open(c, HrmInitializer.init(c, 0))) {
            return measure(model, c, sTotal, batch, gemm);
        }
    }

    private Result measure(HrmModel model, HrmConfig c, int sTotal, int batch, double gemm) {
        HrmState st = model.newState(batch);
        model.embed(st, new int[batch * c.seqLen()], new int[batch]);
        for (int b = 0; b < batch; b++) {
            model.resetCarry(st, b);
        }
        double l = median(() -> {
            model.lUpdate(st);
            model.finish();
        });
        double h = median(() -> {
            model.hUpdate(st);
            model.finish();
        });
        double seg = median(() -> {
            for (int i = 0; i < c.hCycles(); i++) {
                for (int j = 0; j < c.lCycles(); j++) {
                    model.lUpdate(st);
                }
                model.hUpdate(st);
            }
            model.finish();
        });
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        for (int i = 0; i < 200; i++) {
            model.lUpdate(st);
        }
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        double gflops = updateFlops(c, c.lLayers(), batch) / (l / 1e3) / 1e9;
        return new Result(sTotal, batch, l, h, seg, gflops, gflops / gemm, after - before);
    }

    /** @return floating-point operations of one module application with {@code layers} blocks */
    public static double updateFlops(HrmConfig c, int layers, int batch) {
        double s = c.totalSeqLen();
        double d = c.hiddenSize();
        double inter = c.mlpInterSize();
        double perBlock = 2 * s * d * 3 * d + 2 * s * d * d + 2 * s * d * 2 * inter + 2 * s * inter * d
                + 2 * 2 * s * s * d;
        return perBlock * layers * batch;
    }

    double median(Runnable r) {
        warmUp(warmup, r);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            r.run();
            times.add((System.nanoTime() - t) / 1e6);
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
