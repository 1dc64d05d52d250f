package org.hrmlab.engine.train;

import java.util.Arrays;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.bench.EngineBenchmark;
import org.hrmlab.engine.bench.TrainingBenchmark;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.model.HrmState;

/**
 * Manual benchmark (not a test): times {@link ActTrainer#step} of the 27M reference architecture at 82 positions,
 * batch 1 and 8, through {@link TrainingBenchmark}, then the parts of a step directly: the no-grad segment on
 * {@link FinalStep} and, interleaved with it, on the inference path ({@link HrmModel}, plus the cost of
 * {@link HrmModel#refreshWeights}), the final forward and the backward. Run with the test classpath:
 * {@code java -cp ... org.hrmlab.engine.train.TrainingStepBreakdown [parts]} ({@code parts}: the breakdown only).
 */
final class TrainingStepBreakdown {
    private TrainingStepBreakdown() {
    }

    public static void main(String[] args) {
        HrmConfig base = HrmConfig.reference27M(81, 11, 1);
        double gemm = new EngineBenchmark(1, 3).gemmGflops(512);
        System.out.printf("GEMM %.1f GFLOP/s%n", gemm);
        TrainingBenchmark bench = new TrainingBenchmark(2, 5);
        boolean partsOnly = args.length > 0 && args[0].equals("parts");
        for (int batch : new int[] {1, 8}) {
            if (partsOnly) {
                parts(base.withSeqLen(81), batch);
                continue;
            }
            TrainingBenchmark.Result r = bench.measure(base, 82, batch, gemm);
            System.out.printf("batch %d: step %.0f ms, %.2f examples·segments/s, %.2f GFLOP/s, %.1f%% of GEMM%n",
                    batch, r.stepMs(), r.examplesSegmentsPerSec(), r.gflops(), 100 * r.shareOfGemm());
            parts(base.withSeqLen(81), batch);
        }
    }

    private static void parts(HrmConfig c, int batch) {
        ActTrainer trainer = TrainingBenchmark.trainer(c, batch);
        TrainingBatch next = TrainingBenchmark.randomBatch(c, batch);
        int[] inputs = next.inputs();
        trainer.step(next);
        long t0 = System.nanoTime();
        trainer.step(next);
        double stepMs = (System.nanoTime() - t0) / 1e6;
        FinalStep<?> fs = new FinalStep<>(c, batch, org.hrmlab.engine.compute.ComputeDevice.CPU);
        fs.setWeights(toArrays(trainer));
        int n = batch * c.totalSeqLen() * c.hiddenSize();
        float[] x = fs.embedding(inputs, c.puzzleEmbNdim() > 0 ? new float[batch * c.puzzleEmbNdim()] : null);
        float[][] carry = {new float[n], new float[n]};
        HrmModel model = HrmModel.onCpu(c, trainer.weights());
        HrmState st = model.newState(batch);
        st.setEmbedding(x);
        double[] fast = new double[3];
        double[] noGrad = new double[3];
        double[] fwd = new double[3];
        double[] bwd = new double[3];
        for (int i = 0; i < 3; i++) {
            carry = new float[][] {new float[n], new float[n]};
            long t = System.nanoTime();
            fs.allButLastStep(carry, x);
            noGrad[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            st.setCarry(new float[n], new float[n]);
            for (int h = 0; h < c.hCycles(); h++) {
                for (int l = 0; l < c.lCycles(); l++) {
                    if (h < c.hCycles() - 1 || l < c.lCycles() - 1) {
                        model.lUpdate(st);
                    }
                }
                if (h < c.hCycles() - 1) {
                    model.hUpdate(st);
                }
            }
            fast[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            FinalStep.Output out = fs.forward(carry[0], carry[1], x);
            fwd[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            fs.backward(new float[out.logits().length], new float[out.q().length]);
            bwd[i] = (System.nanoTime() - t) / 1e6;
        }
        long t = System.nanoTime();
        java.util.Map<String, float[]> flat = toArrays(trainer);
        model.refreshWeights(flat);
        double refreshMs = (System.nanoTime() - t) / 1e6;
        System.out.printf("  one step %.0f ms; parts (median of 3): no-grad segment %.0f ms on FinalStep, %.0f ms on"
                + " HrmModel (weight refresh %.0f ms), final forward %.0f ms, backward %.0f ms%n", stepMs,
                median(noGrad), median(fast), refreshMs, median(fwd), median(bwd));
    }

    private static java.util.Map<String, float[]> toArrays(ActTrainer t) {
        java.util.Map<String, float[]> m = new java.util.LinkedHashMap<>();
        t.weights().forEach((k, v) -> m.put(k, v.data()));
        return m;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
