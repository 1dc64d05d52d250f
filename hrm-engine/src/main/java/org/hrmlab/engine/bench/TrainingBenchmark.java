package org.hrmlab.engine.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.model.HrmInitializer;
import org.hrmlab.engine.train.ActTrainer;
import org.hrmlab.engine.train.OptimiserSettings;
import org.hrmlab.engine.train.TrainingBatch;

/**
 * Measures training steps of {@link ActTrainer} (one ACT segment on every batch slot, the bootstrapped Q target's
 * second no-grad segment, the final step's backward and one Adam-atan2 step) on random tokens, as
 * examples·segments per second and as a share of the GEMM rate measured in the same run.
 */
public final class TrainingBenchmark {
    private final int warmup;
    private final int repeats;

    /**
     * @param warmup  untimed steps before measuring (more until the steps stop getting faster)
     * @param repeats timed steps (the median is reported; at least 3)
     */
    public TrainingBenchmark(int warmup, int repeats) {
        this.warmup = warmup;
        this.repeats = Math.max(3, repeats);
    }

    /**
     * One configuration's figures.
     *
     * @param stepMs                 median wall time of one training step
     * @param examplesSegmentsPerSec {@code batch / step time}: every slot runs one segment per step
     * @param gflops                 the estimated floating-point work of a step ({@link #stepFlops}) per second
     * @param shareOfGemm            {@code gflops} over the GEMM rate of the same run
     */
    public record Result(int seqLen, int batch, double stepMs, double examplesSegmentsPerSec, double gflops,
                         double shareOfGemm) {
    }

    /**
     * @param base   the architecture (its seqLen is replaced)
     * @param sTotal positions including the puzzle prefix
     * @param batch  slots per step
     * @param gemm   the GEMM rate measured in the same run, GFLOP/s
     */
    public Result measure(HrmConfig base, int sTotal, int batch, double gemm) {
        return measure(ComputeDevice.CPU, base, sTotal, batch, gemm);
    }

    /** {@link #measure(HrmConfig, int, int, double)} with the segments on {@code device}. */
    public Result measure(ComputeDevice device, HrmConfig base, int sTotal, int batch, double gemm) {
        HrmConfig c = base.withSeqLen(sTotal - base.puzzleEmbLen());
        double[] times = new double[repeats];
        try (ActTrainer trainer = trainer(c, batch, device)) {
            TrainingBatch next = randomBatch(c, batch);
            EngineBenchmark.warmUp(warmup, () -> trainer.step(next));
            for (int i = 0; i < repeats; i++) {
                long t = System.nanoTime();
                trainer.step(next);
                times[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(times);
        double ms = times[repeats / 2];
        double gflops = stepFlops(c, batch) / (ms / 1e3) / 1e9;
        return new Result(sTotal, batch, ms, batch / (ms / 1e3), gflops, gflops / gemm);
    }

    /** @return a trainer with seeded fresh weights and the reference's optimiser defaults (lr 1e-4, stablemax) */
    public static ActTrainer trainer(HrmConfig c, int batch) {
        return trainer(c, batch, ComputeDevice.CPU);
    }

    /** @return {@link #trainer(HrmConfig, int)} with its segments on {@code device} */
    public static ActTrainer trainer(HrmConfig c, int batch, ComputeDevice device) {
        OptimiserSettings settings = new OptimiserSettings(1e-4, 0.9, 0.95, 0.1, 1e-2, 0.1, 10, 1.0, 1_000_000,
                "stablemax_cross_entropy");
        return new ActTrainer(c, HrmInitializer.init(c, 0), settings, batch, 0, device);
    }

    /** @return {@code batch} rows of seeded random input and label tokens (never PAD), puzzle id 0 */
    public static TrainingBatch randomBatch(HrmConfig c, int batch) {
        SplittableRandom rng = new SplittableRandom(1);
        int[] inputs = new int[batch * c.seqLen()];
        int[] labels = new int[batch * c.seqLen()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = 1 + rng.nextInt(c.vocabSize() - 1);
            labels[i] = 1 + rng.nextInt(c.vocabSize() - 1);
        }
        return new TrainingBatch(inputs, labels, new int[batch]);
    }

    /**
     * The arithmetic of one step: two forward segments (the step's own and the no-grad one behind the bootstrapped
     * continue target) and the backward of the final L- and H-update, counted as twice their forward.
     */
    public static double stepFlops(HrmConfig c, int batch) {
        double l = EngineBenchmark.updateFlops(c, c.lLayers(), batch);
        double h = EngineBenchmark.updateFlops(c, c.hLayers(), batch);
        double segment = c.hCycles() * (c.lCycles() * l + h);
        return 2 * segment + 2 * (l + h);
    }

    /** @return the figures for each (sequence length, batch) pair, in order */
    public List<Result> measureAll(ComputeDevice device, HrmConfig base, List<Integer> seqs, List<Integer> batches,
                                   double gemm) {
        List<Result> out = new ArrayList<>();
        for (int s : seqs) {
            for (int b : batches) {
                out.add(measure(device, base, s, b, gemm));
            }
        }
        return out;
    }
}
