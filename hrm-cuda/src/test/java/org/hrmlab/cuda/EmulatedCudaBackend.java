package org.hrmlab.cuda;

import org.hrmlab.engine.compute.ComputeBackend;
import org.hrmlab.engine.compute.ComputeDevice;

/**
 * The {@code cuda-emulated} backend of the tests: the CUDA backend's own code (context, cuBLAS calls, kernel launches,
 * every buffer and stride) over an emulated driver and cuBLAS ({@link EmulatedDriver}, {@link EmulatedBlas}) that run
 * on the CPU, so the engine's parity tests check the GPU path's logic on any machine. What it cannot check is the CUDA
 * C of the kernels themselves (their Java ports run instead) and the real libraries: the device check does that.
 */
public final class EmulatedCudaBackend implements ComputeBackend {
    private static CudaDevice device;

    @Override
    public String name() {
        return "cuda-emulated";
    }

    @Override
    public synchronized ComputeDevice device(int ordinal) {
        if (ordinal != 0) {
            throw new CudaException("cuda-emulated:" + ordinal + ": no such GPU (1 found)");
        }
        if (device == null) {
            device = new CudaDevice(newContext());
        }
        return device;
    }

    /** @return a new emulated GPU (its own driver, cuBLAS handle and memory) with float32 products */
    static CudaContext newContext() {
        CudaDriver driver = new CudaDriver(NativeCalls.emulated("libcuda (emulated)", new EmulatedDriver()));
        driver.init();
        return new CudaContext(driver, NativeCalls.emulated("libcublas (emulated)", new EmulatedBlas()), 0,
                MemoryBudget.fromSetting(null));
    }
}
