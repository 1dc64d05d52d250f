package org.hrmlab.cuda;

import java.util.HashMap;
import java.util.Map;
import org.hrmlab.engine.compute.ComputeBackend;
import org.hrmlab.engine.compute.ComputeDevice;

/**
 * The {@code cuda} backend: finds the libraries ({@link CudaLibraries}), starts the driver once per process and each
 * GPU once, and hands out {@link CudaDevice}s. Settings (system properties): {@code hrmlab.cuda.path} (folders to
 * search first), {@code hrmlab.cuda.memoryLimit} (such as {@code 8G}), {@code hrmlab.cuda.tf32} ({@code true} lets
 * GEMMs use TF32 tensor cores).
 */
public final class CudaBackend implements ComputeBackend {
    private static CudaDriver driver;
    private static NativeCalls cublasLib;
    private static CudaException startFailure;
    private static final Map<Integer, CudaDevice> DEVICES = new HashMap<>();

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public ComputeDevice device(int ordinal) {
        synchronized (CudaBackend.class) {
            CudaDevice d = DEVICES.get(ordinal);
            if (d != null) {
                return d;
            }
            start();
            CudaContext ctx = new CudaContext(driver, cublasLib, ordinal,
                    MemoryBudget.fromSetting(System.getProperty("hrmlab.cuda.memoryLimit")));
            ctx.blas.allowTf32(Boolean.getBoolean("hrmlab.cuda.tf32"));
            d = new CudaDevice(ctx);
            DEVICES.put(ordinal, d);
            return d;
        }
    }

    private static void start() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (driver != null) {
            return;
        }
        try {
            CudaLibraries libs = CudaLibraries.find(System.getenv(), System.getProperty("hrmlab.cuda.path"));
            NativeCalls cuda = libs.driver() != null ? NativeCalls.load(libs.driver()) : loadDriverByName();
            CudaDriver d = new CudaDriver(cuda);
            d.init();
            if (libs.cublasLt() != null) {
                NativeCalls.load(libs.cublasLt());
            }
            cublasLib = NativeCalls.load(libs.requireCublas());
            driver = d;
        } catch (CudaException e) {
            startFailure = e;
            throw e;
        }
    }

    private static NativeCalls loadDriverByName() {
        try {
            return NativeCalls.load(CudaLibraries.DRIVER);
        } catch (CudaException e) {
            throw new CudaException("cuda: no NVIDIA driver (" + CudaLibraries.DRIVER + " not found)");
        }
    }
}
