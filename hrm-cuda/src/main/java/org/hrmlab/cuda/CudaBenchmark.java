package org.hrmlab.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.bench.EngineBenchmark;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.compute.Devices;
import org.hrmlab.engine.model.HrmInitializer;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.model.HrmState;
import org.hrmlab.engine.step.HrmStepper;

/**
 * The GPU figures of the device check, in one run: the cuBLAS float32 GEMM rate; L-update, H-update and segment times
 * of the 27M model (hidden 512, 8 heads, 4+4 layers) at 82 and 901 positions for several batches, each as a share of
 * that rate; a 16-segment trace of a 30×30 puzzle stepped one update at a time with every snapshot copied to the
 * host; device memory held per batch, after closing, and over 10,000 updates. Runs without ND4J.
 *
 * <p>Usage: {@code CudaBenchmark [device] [batches]}, such as {@code cuda:0 1,8,64}.
 */
public final class CudaBenchmark {
    private CudaBenchmark() {
    }

    public static void main(String[] args) {
        String spec = args.length > 0 ? args[0] : "cuda";
        int[] batches = parse(args.length > 1 ? args[1] : "1,8,64");
        int streamed = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        org.hrmlab.engine.compute.DeviceSelection selection;
        try {
            selection = Devices.select(spec);
        } catch (org.hrmlab.engine.compute.DeviceUnavailableException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(selection.line());
        ComputeDevice device = selection.device();
        if (!(device instanceof CudaDevice gpu)) {
            System.out.println("bench | not a GPU: nothing to measure here");
            return;
        }
        HrmConfig base = HrmConfig.reference27M(81, 11, 1);
        double gemm = gpu.gemmGflops(4096);
        System.out.printf(Locale.ROOT, "bench | cuBLAS SGEMM 4096^3 (%s): %.0f GFLOP/s%n",
                CudaBackend.precision(), gemm);
        EngineBenchmark bench = new EngineBenchmark(5, 30);
        List<String> rows = new ArrayList<>();
        for (int s : new int[] {82, 901}) {
            for (int b : batches) {
                var r = bench.measure(device, base, s, b, gemm);
                long[] held = gpu.memoryHeld();
                rows.add(String.format(Locale.ROOT,
                        "bench | S=%d B=%d: L-update %.3f ms, H-update %.3f ms, segment %.3f ms, %.0f GFLOP/s = %.2f of GEMM,"
                                + " peak held %.1f MiB", s, b, r.lUpdateMs(), r.hUpdateMs(), r.segmentMs(),
                        r.lUpdateGflops(), r.shareOfGemm(), held[1] / 1048576.0));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        trace(device, base);
        memory(gpu, base);
        if (streamed > 0) {
            stream(gpu, base, streamed);
        }
    }

    /** Participation ratios and PCA of {@code n} 30×30 trajectories (16 segments) of the 27M model, streamed. */
    private static void stream(CudaDevice gpu, HrmConfig base, int n) {
        HrmConfig c = base.toBuilder().seqLen(900).vocabSize(6).build();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        List<int[]> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] t = new int[900];
            for (int j = 0; j < t.length; j++) {
                t[j] = 1 + rng.nextInt(5);
            }
            tokens.add(t);
        }
        int batch = gpu.batchFor(c);
        try (HrmModel model = gpu.open(c, HrmInitializer.init(c, 3))) {
            long t = System.nanoTime();
            var r = org.hrmlab.engine.analysis.StreamingParticipation.run(model, tokens, new int[n],
                    org.hrmlab.engine.analysis.UpdateSelection.SEGMENT_ENDS, batch, List.of(10, 100), 7, 2);
            double s = (System.nanoTime() - t) / 1e9;
            var zh = r.pr().overall().get(org.hrmlab.engine.analysis.Latent.Z_H);
            var zl = r.pr().overall().get(org.hrmlab.engine.analysis.Latent.Z_L);
            System.out.printf(Locale.ROOT, "bench | streamed PR + PCA: %d trajectories of a 30x30 puzzle, 16 segments "
                    + "(%d updates each), batch %d: %.1f s (model and statistics %.1f s); N = %d per latent; "
                    + "PR(zH) %.2f, PR(zL) %.2f (untrained)%n", n, 16 * 6, batch, s, r.seconds(), r.samples(),
                    zh.naive(), zl.naive());
        }
    }

    private static void trace(ComputeDevice device, HrmConfig base) {
        HrmConfig c = base.withSeqLen(900).withCycles(2, 2, 16);
        try (HrmModel model = device.open(c, HrmInitializer.init(c, 1))) {
            int[] tokens = new int[900];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = 1 + i % 5;
            }
            for (int run = 0; run < 3; run++) {
                long t = System.nanoTime();
                HrmStepper stepper = new HrmStepper(model, tokens, 0, 16);
                int updates = 0;
                while (stepper.nextKind() != null) {
                    stepper.step();
                    updates++;
                }
                System.out.printf(Locale.ROOT, "bench | trace %d: 16 segments of a 30x30 puzzle, %d updates with "
                        + "snapshots, %.0f ms%n", run, updates, (System.nanoTime() - t) / 1e6);
            }
        }
    }

    private static void memory(CudaDevice gpu, HrmConfig base) {
        HrmConfig c = base.withSeqLen(900);
        long before = gpu.memoryHeld()[0];
        long[] driverBefore = gpu.driverMemoryInfo();
        try (HrmModel model = gpu.open(c, HrmInitializer.init(c, 2))) {
            HrmState st = model.newState(1);
            model.embed(st, new int[900], new int[1]);
            model.resetCarry(st, 0);
            model.lUpdate(st);
            model.finish();
            long held = gpu.memoryHeld()[0];
            long free1 = gpu.driverMemoryInfo()[0];
            long t = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                model.lUpdate(st);
            }
            model.finish();
            double ms = (System.nanoTime() - t) / 1e6;
            long free2 = gpu.driverMemoryInfo()[0];
            System.out.printf(Locale.ROOT, "bench | memory: model+state held %.1f MiB; 10,000 L-updates in %.0f ms "
                    + "(%.3f ms each): held %s, driver free changed by %d bytes%n", held / 1048576.0, ms, ms / 1e4,
                    gpu.memoryHeld()[0] == held ? "unchanged" : "CHANGED", free2 - free1);
        }
        long[] driverAfter = gpu.driverMemoryInfo();
        System.out.printf(Locale.ROOT, "bench | memory: after close held %d bytes (before open %d); driver free "
                + "before %.1f MiB, after close %.1f MiB%n", gpu.memoryHeld()[0], before,
                driverBefore[0] / 1048576.0, driverAfter[0] / 1048576.0);
    }

    private static int[] parse(String list) {
        String[] p = list.split(",");
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Integer.parseInt(p[i].trim());
        }
        return out;
    }
}
