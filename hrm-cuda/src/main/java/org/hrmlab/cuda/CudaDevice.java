package org.hrmlab.cuda;

import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.model.HrmModel;

/** One NVIDIA GPU as a {@link ComputeDevice}. */
final class CudaDevice implements ComputeDevice {
    private final CudaContext ctx;

    CudaDevice(CudaContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String id() {
        return "cuda:" + ctx.ordinal;
    }

    @Override
    public String description() {
        return ctx.description();
    }

    @Override
    public HrmModel open(HrmConfig config, Map<String, HostTensor> weights) {
        synchronized (ctx) {
            return new CudaHrmModel(ctx, config, weights);
        }
    }

    @Override
    public org.hrmlab.engine.compute.ModelOps<?> trainingOps(HrmConfig config, Map<String, float[]> params, int batch) {
        synchronized (ctx) {
            return CudaModelOps.forTraining(ctx, config, params, batch);
        }
    }

    @Override
    public double gemmGflops(int n) {
        synchronized (ctx) {
            ctx.enter();
            long size = (long) n * n;
            java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
            float[] host = new float[(int) size];
            for (int i = 0; i < host.length; i++) {
                host[i] = (float) (rng.nextDouble() * 2 - 1);
            }
            DeviceArray a = ctx.uploadNew(host);
            DeviceArray b = ctx.uploadNew(host);
            DeviceArray c = ctx.allocate(size);
            try {
                int reps = 10;
                double[] ms = new double[7];
                for (int r = -2; r < ms.length; r++) {
                    long t = System.nanoTime();
                    for (int i = 0; i < reps; i++) {
                        ctx.blas.linear(a.pointer(), b.pointer(), c.pointer(), n, n, n, false);
                    }
                    ctx.driver.synchronize();
                    if (r >= 0) {
                        ms[r] = (System.nanoTime() - t) / 1e6 / reps;
                    }
                }
                java.util.Arrays.sort(ms);
                return 2.0 * n * n * n / (ms[ms.length / 2] / 1e3) / 1e9;
            } finally {
                ctx.free(a);
                ctx.free(b);
                ctx.free(c);
            }
        }
    }

    @Override
    public int batchFor(HrmConfig config) {
        long free = Math.min(driverMemoryInfo()[0], ctx.budget.limitBytes() - ctx.budget.held());
        long rows = free / 2 / ComputeDevice.bytesPerExample(config);
        return (int) Math.max(1, Math.min(1024, rows));
    }

    /** @return {free, total} device memory as the driver reports it, in bytes */
    long[] driverMemoryInfo() {
        synchronized (ctx) {
            ctx.enter();
            return ctx.driver.memoryInfo();
        }
    }

    /** @return device memory the backend holds now, and at most so far, in bytes */
    long[] memoryHeld() {
        return new long[] {ctx.budget.held(), ctx.budget.peak()};
    }

    @Override
    public String toString() {
        return id();
    }
}
