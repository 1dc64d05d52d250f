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

    /** @return device memory the backend holds now, and at most so far, in bytes */
    long[] memoryHeld() {
        return new long[] {ctx.budget.held(), ctx.budget.peak()};
    }

    @Override
    public String toString() {
        return id();
    }
}
