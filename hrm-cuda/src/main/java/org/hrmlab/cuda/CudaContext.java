package org.hrmlab.cuda;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One GPU as the backend uses it: the driver, the device's primary context (made current on whichever thread calls
 * in), one cuBLAS handle, the kernels, a host staging buffer for copies, and the memory budget. Shared by the models
 * opened on that GPU; used from one thread at a time.
 */
final class CudaContext {
    final CudaDriver driver;
    final CuBlas blas;
    final Kernels kernels;
    final MemoryBudget budget;
    final int ordinal;
    final String name;
    final long totalMemory;
    final int computeMajor;
    final int computeMinor;
    final int driverVersion;
    private final MemorySegment context;
    private Arena stagingArena = Arena.ofShared();
    private MemorySegment staging = MemorySegment.NULL;

    CudaContext(CudaDriver driver, NativeCalls cublasLib, int ordinal, MemoryBudget budget) {
        this.driver = driver;
        this.ordinal = ordinal;
        this.budget = budget;
        int count = driver.deviceCount();
        if (ordinal >= count) {
            throw new CudaException("cuda:" + ordinal + ": no such GPU (" + count + " found)");
        }
        int device = driver.device(ordinal);
        name = driver.deviceName(device);
        totalMemory = driver.totalMemory(device);
        computeMajor = driver.attribute(device, CudaDriver.ATTR_COMPUTE_CAPABILITY_MAJOR);
        computeMinor = driver.attribute(device, CudaDriver.ATTR_COMPUTE_CAPABILITY_MINOR);
        driverVersion = driver.driverVersion();
        context = driver.retainPrimaryContext(device);
        driver.setCurrent(context);
        kernels = new Kernels(driver);
        blas = new CuBlas(cublasLib);
    }

    /** Makes this GPU's context current on the calling thread (cheap; called at each entry point). */
    void enter() {
        driver.setCurrent(context);
    }

    /** @return {@code length} floats of device memory, counted against the budget */
    DeviceArray allocate(long length) {
        long bytes = Math.max(1, length) * Float.BYTES;
        budget.reserve(bytes);
        try {
            return new DeviceArray(driver.alloc(bytes), length);
        } catch (CudaException e) {
            budget.release(bytes);
            throw e;
        }
    }

    void free(DeviceArray a) {
        if (a != null) {
            driver.free(a.pointer());
            budget.release(Math.max(1, a.length()) * Float.BYTES);
        }
    }

    /** Copies {@code count} floats from {@code src[from..]} to the device at {@code dst}. */
    void upload(float[] src, int from, int count, long dst) {
        MemorySegment s = staging((long) count * Float.BYTES);
        MemorySegment.copy(src, from, s, JAVA_FLOAT, 0, count);
        driver.copyToDevice(dst, s, (long) count * Float.BYTES);
    }

    /** Copies {@code count} floats from the device at {@code src} into {@code dst[to..]} (waits for queued work). */
    void download(long src, float[] dst, int to, int count) {
        MemorySegment s = staging((long) count * Float.BYTES);
        driver.copyToHost(s, src, (long) count * Float.BYTES);
        MemorySegment.copy(s, JAVA_FLOAT, 0, dst, to, count);
    }

    /** @return device memory for {@code count} doubles (as a float array of twice the length) */
    DeviceArray allocateDoubles(long count) {
        return allocate(2 * count);
    }

    void uploadDoubles(double[] src, long dst) {
        MemorySegment s = staging((long) src.length * Double.BYTES);
        MemorySegment.copy(src, 0, s, java.lang.foreign.ValueLayout.JAVA_DOUBLE, 0, src.length);
        driver.copyToDevice(dst, s, (long) src.length * Double.BYTES);
    }

    void downloadDoubles(long src, double[] dst) {
        MemorySegment s = staging((long) dst.length * Double.BYTES);
        driver.copyToHost(s, src, (long) dst.length * Double.BYTES);
        MemorySegment.copy(s, java.lang.foreign.ValueLayout.JAVA_DOUBLE, 0, dst, 0, dst.length);
    }

    DeviceArray uploadInts(int[] src) {
        DeviceArray a = allocate(src.length);
        MemorySegment s = staging((long) src.length * Integer.BYTES);
        MemorySegment.copy(src, 0, s, java.lang.foreign.ValueLayout.JAVA_INT, 0, src.length);
        driver.copyToDevice(a.pointer(), s, (long) src.length * Integer.BYTES);
        return a;
    }

    DeviceArray uploadNew(float[] src) {
        DeviceArray a = allocate(src.length);
        upload(src, 0, src.length, a.pointer());
        return a;
    }

    private MemorySegment staging(long bytes) {
        if (staging.byteSize() < bytes) {
            stagingArena.close();
            stagingArena = Arena.ofShared();
            staging = stagingArena.allocate(Math.max(bytes, 1 << 20), 64);
        }
        return staging;
    }

    /**
     * @return one line: {@code cuda:0 (NVIDIA H200, 139.8 GiB, compute 9.0, driver CUDA 13.0, cuBLAS 13.1.0)}, with the
     *         products' precision when it is not float32
     */
    String description() {
        int v = blas.version();
        String products = blas.precision().equals("float32") ? "" : ", " + blas.precision() + " products";
        return String.format(java.util.Locale.ROOT, "cuda:%d (%s, %.1f GiB, compute %d.%d, driver CUDA %s, cuBLAS %d.%d.%d%s)",
                ordinal, name, totalMemory / (double) (1L << 30), computeMajor, computeMinor,
                versionText(driverVersion), v / 10000, v / 100 % 100, v % 100, products);
    }

    /** @return {@code 13.0} for 13000 */
    static String versionText(int cudaVersion) {
        return cudaVersion / 1000 + "." + cudaVersion % 1000 / 10;
    }
}
