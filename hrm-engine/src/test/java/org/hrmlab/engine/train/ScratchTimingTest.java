package org.hrmlab.engine.train;

import java.nio.file.Path;
import org.hrmlab.engine.HrmConfig;
import org.junit.jupiter.api.Test;

class ScratchTimingTest {
    @Test
    void time() throws Exception {
        String cfgName = System.getProperty("scratch.cfg", "tiny");
        int batch = Integer.getInteger("scratch.batch", 4);
        HrmConfig c = cfgName.equals("tiny") ? new HrmConfig(6, 6, 2, 16, 16, 2, 2, 1, 1, 2, 1, 3, 0.5, "rope", 1e-5, 1e4)
                : cfgName.equals("small") ? new HrmConfig(81, 11, 2, 128, 128, 4, 4, 2, 2, 2, 2, 16, 0.1, "rope", 1e-5, 1e4)
                : HrmConfig.reference27M(81, 11, 2);
        var w = InitialWeights.create(c, 1);
        OptimiserSettings o = new OptimiserSettings(1e-4, 0.9, 0.95, 0.1, 1e-2, 0.1, 0, 1, 100, "stablemax_cross_entropy");
        long t0 = System.nanoTime();
        ActTrainer tr = new ActTrainer(c, w, o, batch, 1);
        System.err.printf("construct %.3f s%n", (System.nanoTime() - t0) / 1e9);
        java.util.Random r = new java.util.Random(1);
        int[] in = new int[batch * c.seqLen()];
        int[] lab = new int[batch * c.seqLen()];
        for (int i = 0; i < in.length; i++) { in[i] = 1 + r.nextInt(c.vocabSize() - 1); lab[i] = 1 + r.nextInt(c.vocabSize() - 1); }
        TrainingBatch b = new TrainingBatch(in, lab, new int[batch]);
        int n = Integer.getInteger("scratch.steps", 6);
        double[] times = new double[n];
        for (int s = 0; s < n; s++) {
            long t = System.nanoTime();
            tr.step(b);
            times[s] = (System.nanoTime() - t) / 1e9;
            System.err.printf("step %d %.3f s%n", s, times[s]);
        }
        double[] tail = java.util.Arrays.copyOfRange(times, 2, n);
        java.util.Arrays.sort(tail);
        double med = tail[tail.length / 2];
        long S = c.totalSeqLen(), D = c.hiddenSize(), I = c.mlpInterSize();
        double block = 2.0 * batch * S * D * (3 * D + D + 2 * I + I) + 4.0 * batch * S * S * D;
        double layersPerApp = (c.hLayers() + c.lLayers()) / 2.0;
        double apps = c.hCycles() * (c.lCycles() + 1) * 2 + 2 * 3;
        double flops = block * layersPerApp * apps;
        org.nd4j.linalg.api.ndarray.INDArray x = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1024, 1024);
        org.nd4j.linalg.api.ndarray.INDArray y = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1024, 1024);
        org.nd4j.linalg.api.ndarray.INDArray z = org.nd4j.linalg.factory.Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1024, 1024);
        double[] g = new double[7];
        for (int i = 0; i < 7; i++) { long t = System.nanoTime(); org.nd4j.linalg.factory.Nd4j.gemm(x, y, z, false, false, 1.0, 0.0); g[i] = 2.0 * 1024 * 1024 * 1024 / ((System.nanoTime() - t) / 1e9) / 1e9; }
        java.util.Arrays.sort(g);
        System.err.printf("RESULT cfg=%s batch=%d median_step_s=%.3f example_segments_per_s=%.2f step_gflop=%.2f achieved_gflops=%.2f gemm1024_gflops=%.1f share=%.3f%n",
            cfgName, batch, med, batch / med, flops / 1e9, flops / med / 1e9, g[3], flops / med / 1e9 / g[3]);
    }
}
