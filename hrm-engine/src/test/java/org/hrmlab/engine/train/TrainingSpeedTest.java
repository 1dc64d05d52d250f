package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.hrmlab.engine.HrmConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training speed on this machine, run only on request:
 * {@code mvn -q -o -pl hrm-engine -am test -Dtest=TrainingSpeedTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dhrmlab.bench=true -Dbench.config=27m -Dbench.batch=1 -Dbench.steps=6}. Prints one line to stderr; asserts nothing
 * about time.
 */
@EnabledIfSystemProperty(named = "hrmlab.bench", matches = "true")
class TrainingSpeedTest {
    @Test
    void measure() {
        String name = System.getProperty("bench.config", "small");
        int batch = Integer.getInteger("bench.batch", 1);
        int steps = Math.max(3, Integer.getInteger("bench.steps", 6));
        HrmConfig c = name.equals("27m") ? HrmConfig.reference27M(81, 11, 2)
                : HrmConfig.builder().seqLen(81).vocabSize(11).numPuzzleIdentifiers(2).hiddenSize(128).numHeads(4)
                        .hLayers(2).lLayers(2).build();
        OptimiserSettings o = new OptimiserSettings(1e-4, 0.9, 0.95, 0.1, 1e-2, 0.1, 0, 1, 100,
                "stablemax_cross_entropy");
        ActTrainer trainer = new ActTrainer(c, org.hrmlab.engine.model.HrmInitializer.init(c, 1), o, batch, 1);
        Random r = new Random(1);
        int[] in = new int[batch * c.seqLen()];
        int[] lab = new int[batch * c.seqLen()];
        for (int i = 0; i < in.length; i++) {
            in[i] = 1 + r.nextInt(c.vocabSize() - 1);
            lab[i] = 1 + r.nextInt(c.vocabSize() - 1);
        }
        TrainingBatch b = new TrainingBatch(in, lab, new int[batch]);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[steps];
        double[] cpu = new double[steps];
        for (int s = 0; s < steps; s++) {
            long t = System.nanoTime();
            long ct = os.getProcessCpuTime();
            trainer.step(b);
            wall[s] = (System.nanoTime() - t) / 1e9;
            cpu[s] = (os.getProcessCpuTime() - ct) / 1e9;
        }
        double medWall = median(Arrays.copyOfRange(wall, 2, steps));
        double medCpu = median(Arrays.copyOfRange(cpu, 2, steps));
        long sl = c.totalSeqLen();
        long d = c.hiddenSize();
        long inter = c.mlpInterSize();
        double block = 2.0 * batch * sl * d * (4 * d + 3 * inter) + 4.0 * batch * sl * sl * d;
        double layersPerUpdate = (c.hLayers() + c.lLayers()) / 2.0;
        // two no-grad segments' worth of updates plus backward (about twice the final step's forward)
        double updates = 2.0 * c.hCycles() * (c.lCycles() + 1) + 2 * 2;
        double flop = block * layersPerUpdate * updates;
        double gemm = gemmGflops();
        System.err.printf("TRAINING-SPEED config=%s batch=%d step_s=%.3f cpu_s=%.3f example_segments_per_s=%.2f "
                + "step_gflop=%.2f gflops=%.2f gemm1024_gflops=%.1f share=%.3f load=%.1f threads=%d%n", name, batch,
                medWall, medCpu, batch / medWall, flop / 1e9, flop / medWall / 1e9, gemm, flop / medWall / 1e9 / gemm,
                os.getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        assertTrue(medWall > 0);
    }

    private static double gemmGflops() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 1024, 1024);
        INDArray y = Nd4j.rand(DataType.FLOAT, 1024, 1024);
        INDArray z = Nd4j.create(DataType.FLOAT, 1024, 1024);
        double[] g = new double[7];
        for (int i = 0; i < g.length; i++) {
            long t = System.nanoTime();
            Nd4j.gemm(x, y, z, false, false, 1.0, 0.0);
            g[i] = 2.0 * 1024 * 1024 * 1024 / ((System.nanoTime() - t) / 1e9) / 1e9;
        }
        return median(g);
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
