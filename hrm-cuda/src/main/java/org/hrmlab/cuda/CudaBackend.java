package org.hrmlab.cuda;

import java.util.HashMap;
import java.util.Map;
import org.hrmlab.engine.compute.ComputeBackend;
import org.hrmlab.engine.compute.ComputeDevice;

/**
 * The {@code cuda} backend: finds the libraries ({@link CudaLibraries}), starts the driver once per process and each
 * GPU once, and hands out {@link CudaDevice}s. Settings (system properties): {@code hrmlab.cuda.path} (folders to
 * search first), {@code hrmlab.cuda.memoryLimit} (such as {@code 8G}), {@code hrmlab.cuda.precision} of the products:
 * {@code float32} (the default), {@code tf32} (TF32 tensor cores; also {@code hrmlab.cuda.tf32=true}) or {@code bf16}
 * (inputs rounded to bfloat16 for the tensor cores, float32 accumulation and storage).
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
            String precision = precision();
            ctx.blas.allowTf32(precision.equals("tf32"));
            ctx.blas.useBf16(precision.equals("bf16"));
            d = new CudaDevice(ctx);
            DEVICES.put(ordinal, d);
            return d;
        }
    }

    /** @return the products' precision the settings ask for: {@code float32}, {@code tf32} or {@code bf16} */
    static String precision() {
        String p = System.getProperty("hrmlab.cuda.precision",
                Boolean.getBoolean("hrmlab.cuda.tf32") ? "tf32" : "float32").trim().toLowerCase(java.util.Locale.ROOT);
        if (!p.equals("float32") && !p.equals("tf32") && !p.equals("bf16")) {
            throw new CudaException("cuda: hrmlab.cuda.precision '" + p + "' is not one of float32, tf32, bf16");
        }
        return p;
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
