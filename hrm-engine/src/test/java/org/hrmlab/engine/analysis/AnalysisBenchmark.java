package org.hrmlab.engine.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times PR + pooled PCA over random traces of the Sudoku model's shape (hidden 512, 1 prefix + 81 positions,
 * 16 segments of 2 x (2 L + 1 H) updates), segment ends, per-token samples: 100 x 16 x 81 = 129,600 samples x 512
 * for each of zL and zH. Not a unit test. Arguments: {@code DIR [trajectories]}; traces are written into DIR once.
 */
public final class AnalysisBenchmark {
    private AnalysisBenchmark() {
    }

    /** @return CPU seconds used by this process so far (all threads, native BLAS threads included) */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "target/analysis-bench");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<Path> dirs = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Path dir = root.resolve(String.format("t%03d", i));
            if (!Files.exists(dir.resolve("steps.json"))) {
                SplittableRandom rng = new SplittableRandom(i);
                SyntheticTraces.write(dir, 16, 2, 2, 1, 81, 512, 11, (latent, step, state) -> {
                    for (int k = 0; k < state.length; k++) {
                        state[k] = (float) (rng.nextDouble() - 0.5);
                    }
                }, null);
            }
            dirs.add(dir);
        }
        System.out.printf("traces ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        List<TraceReader> traces = TraceAnalysis.open(dirs);
        AnalysisSettings settings = AnalysisSettings.defaults();
        for (int rep = 0; rep < 2; rep++) {
            long t = System.nanoTime();
            long values = 0;
            for (TraceReader tr : traces) {
                for (int step : tr.select(settings.prUpdates())) {
                    values += tr.state(Latent.Z_L, step).length + tr.state(Latent.Z_H, step).length;
                }
            }
            System.out.printf("reading the segment-end states only (%d floats): %.2f s%n", values,
                    (System.nanoTime() - t) / 1e9);
        }
        try (CovarianceAccumulator acc = new CovarianceAccumulator(512)) {
            float[] x = new float[81 * 512];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.sin(i * 0.37);
            }
            long t = System.nanoTime();
            for (int i = 0; i < 2 * 1600; i++) {
                acc.add(x, 0, 81);
            }
            acc.participationRatio();
            System.out.printf("accumulate 2 x 129,600 x 512 in memory + PR, float64: %.2f s%n",
                    (System.nanoTime() - t) / 1e9);
        }
        try (CovarianceAccumulator acc = new CovarianceAccumulator(512, Precision.MIXED)) {
            float[] x = new float[81 * 512];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.sin(i * 0.37);
            }
            long t = System.nanoTime();
            for (int i = 0; i < 2 * 1600; i++) {
                acc.add(x, 0, 81);
            }
            acc.participationRatio();
            System.out.printf("accumulate 2 x 129,600 x 512 in memory + PR, mixed: %.2f s%n",
                    (System.nanoTime() - t) / 1e9);
        }
        for (int rep = 0; rep < 3; rep++) {
            long t = System.nanoTime();
            double cpu = cpuSeconds();
            ParticipationAnalysis.Outcome o = ParticipationAnalysis.run(traces, settings, 3);
            double s = (System.nanoTime() - t) / 1e9;
            System.out.printf("  (process CPU time %.2f s)%n", cpuSeconds() - cpu);
            ParticipationRatio l = o.summary().overall().get(Latent.Z_L);
            ParticipationRatio h = o.summary().overall().get(Latent.Z_H);
            System.out.printf("run %d: PR + PR-vs-N (%d points) + PCA(3), zL and zH, N = %d x D = %d each: %.2f s"
                    + " (PR zL %.2f, zH %.2f; PC1 share %.4f)%n", rep, o.summary().curve().size(), l.samples(),
                    l.dimension(), s, l.naive(), h.naive(), o.fits().get(Latent.Z_H).explainedVarianceRatio()[0]);
        }
        for (int rep = 0; rep < 2; rep++) {
            long t = System.nanoTime();
            ParticipationAnalysis.run(traces, settings.withTrajectoryCounts(List.of()), 3);
            System.out.printf("float64, without PR-vs-N points: %.2f s%n", (System.nanoTime() - t) / 1e9);
        }
        for (int rep = 0; rep < 3; rep++) {
            long t = System.nanoTime();
            double cpu = cpuSeconds();
            ParticipationAnalysis.Outcome o = ParticipationAnalysis.run(traces, settings.withPrecision(Precision.MIXED),
                    3);
            System.out.printf("  (process CPU time %.2f s)%n", cpuSeconds() - cpu);
            System.out.printf("mixed precision, with PR-vs-N: %.2f s (PR zL %.4f)%n", (System.nanoTime() - t) / 1e9,
                    o.summary().overall().get(Latent.Z_L).naive());
        }
    }
}
