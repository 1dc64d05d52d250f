package org.hrmlab.cuda;

import java.util.ArrayList;
import java.util.List;

/** Device arrays allocated together and freed together (a batch's work buffers). */
final class DeviceBuffers implements AutoCloseable {
    private final CudaContext ctx;
    private final List<DeviceArray> all = new ArrayList<>();

    DeviceBuffers(CudaContext ctx) {
        this.ctx = ctx;
    }

    /** @return {@code length} floats of device memory, freed by {@link #close} */
    DeviceArray allocate(long length) {
        DeviceArray a = ctx.allocate(length);
        all.add(a);
        return a;
    }

    @Override
    public void close() {
        ctx.enter();
        for (DeviceArray a : all) {
            ctx.free(a);
        }
        all.clear();
    }
}
