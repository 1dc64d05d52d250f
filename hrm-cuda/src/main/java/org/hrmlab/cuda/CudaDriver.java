package org.hrmlab.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/**
 * The CUDA driver API calls the backend needs ({@code libcuda.so.1}, the driver's own library, present wherever the
 * NVIDIA driver is installed). Device pointers ({@code CUdeviceptr}) are Java longs. Every call is checked: a failure
 * throws a {@link CudaException} naming the call and the error ({@code cuMemAlloc: CUDA_ERROR_OUT_OF_MEMORY}).
 */
final class CudaDriver {
    static final int ATTR_COMPUTE_CAPABILITY_MAJOR = 75;
    static final int ATTR_COMPUTE_CAPABILITY_MINOR = 76;
    static final int ERROR_UNSUPPORTED_PTX_VERSION = 222;

    private final MethodHandle cuInit;
    private final MethodHandle cuDriverGetVersion;
    private final MethodHandle cuDeviceGetCount;
    private final MethodHandle cuDeviceGet;
    private final MethodHandle cuDeviceGetName;
    private final MethodHandle cuDeviceTotalMem;
    private final MethodHandle cuDeviceGetAttribute;
    private final MethodHandle cuDevicePrimaryCtxRetain;
    private final MethodHandle cuCtxSetCurrent;
    private final MethodHandle cuCtxSynchronize;
    private final MethodHandle cuMemAlloc;
    private final MethodHandle cuMemFree;
    private final MethodHandle cuMemcpyHtoD;
    private final MethodHandle cuMemcpyDtoH;
    private final MethodHandle cuMemcpyDtoD;
    private final MethodHandle cuMemsetD32;
    private final MethodHandle cuMemGetInfo;
    private final MethodHandle cuModuleLoadData;
    private final MethodHandle cuModuleGetFunction;
    private final MethodHandle cuLaunchKernel;
    private final MethodHandle cuGetErrorName;

    CudaDriver(NativeCalls lib) {
        cuInit = lib.bind("cuInit", JAVA_INT, JAVA_INT);
        cuDriverGetVersion = lib.bind("cuDriverGetVersion", JAVA_INT, ADDRESS);
        cuDeviceGetCount = lib.bind("cuDeviceGetCount", JAVA_INT, ADDRESS);
        cuDeviceGet = lib.bind("cuDeviceGet", JAVA_INT, ADDRESS, JAVA_INT);
        cuDeviceGetName = lib.bind("cuDeviceGetName", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
        cuDeviceTotalMem = lib.bind("cuDeviceTotalMem_v2", JAVA_INT, ADDRESS, JAVA_INT);
        cuDeviceGetAttribute = lib.bind("cuDeviceGetAttribute", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
        cuDevicePrimaryCtxRetain = lib.bind("cuDevicePrimaryCtxRetain", JAVA_INT, ADDRESS, JAVA_INT);
        cuCtxSetCurrent = lib.bind("cuCtxSetCurrent", JAVA_INT, ADDRESS);
        cuCtxSynchronize = lib.bind("cuCtxSynchronize", JAVA_INT);
        cuMemAlloc = lib.bind("cuMemAlloc_v2", JAVA_INT, ADDRESS, JAVA_LONG);
        cuMemFree = lib.bind("cuMemFree_v2", JAVA_INT, JAVA_LONG);
        cuMemcpyHtoD = lib.bind("cuMemcpyHtoD_v2", JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG);
        cuMemcpyDtoH = lib.bind("cuMemcpyDtoH_v2", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG);
        cuMemcpyDtoD = lib.bind("cuMemcpyDtoD_v2", JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG);
        cuMemsetD32 = lib.bind("cuMemsetD32_v2", JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG);
        cuMemGetInfo = lib.bind("cuMemGetInfo_v2", JAVA_INT, ADDRESS, ADDRESS);
        cuModuleLoadData = lib.bind("cuModuleLoadData", JAVA_INT, ADDRESS, ADDRESS);
        cuModuleGetFunction = lib.bind("cuModuleGetFunction", JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        cuLaunchKernel = lib.bind("cuLaunchKernel", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        cuGetErrorName = lib.bind("cuGetErrorName", JAVA_INT, JAVA_INT, ADDRESS);
    }

    void init() {
        check(call(cuInit, 0), "cuInit");
    }

    /** @return the driver's CUDA version as {@code major * 1000 + minor * 10} */
    int driverVersion() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_INT);
            check(call(cuDriverGetVersion, v), "cuDriverGetVersion");
            return v.get(JAVA_INT, 0);
        }
    }

    int deviceCount() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_INT);
            check(call(cuDeviceGetCount, v), "cuDeviceGetCount");
            return v.get(JAVA_INT, 0);
        }
    }

    int device(int ordinal) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_INT);
            check(call(cuDeviceGet, v, ordinal), "cuDeviceGet");
            return v.get(JAVA_INT, 0);
        }
    }

    String deviceName(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment name = a.allocate(256);
            check(call(cuDeviceGetName, name, 256, device), "cuDeviceGetName");
            return name.getString(0, StandardCharsets.UTF_8);
        }
    }

    long totalMemory(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_LONG);
            check(call(cuDeviceTotalMem, v, device), "cuDeviceTotalMem");
            return v.get(JAVA_LONG, 0);
        }
    }

    int attribute(int device, int attribute) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_INT);
            check(call(cuDeviceGetAttribute, v, attribute, device), "cuDeviceGetAttribute");
            return v.get(JAVA_INT, 0);
        }
    }

    /** @return the device's primary context (the one the CUDA runtime, and so cuBLAS, uses) */
    MemorySegment retainPrimaryContext(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(ADDRESS);
            check(call(cuDevicePrimaryCtxRetain, v, device), "cuDevicePrimaryCtxRetain");
            return v.get(ADDRESS, 0);
        }
    }

    void setCurrent(MemorySegment context) {
        check(call(cuCtxSetCurrent, context), "cuCtxSetCurrent");
    }

    void synchronize() {
        check(call(cuCtxSynchronize), "cuCtxSynchronize");
    }

    long alloc(long bytes) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_LONG);
            check(call(cuMemAlloc, v, bytes), "cuMemAlloc(" + bytes + " bytes)");
            return v.get(JAVA_LONG, 0);
        }
    }

    void free(long ptr) {
        check(call(cuMemFree, ptr), "cuMemFree");
    }

    void copyToDevice(long dst, MemorySegment src, long bytes) {
        check(call(cuMemcpyHtoD, dst, src, bytes), "cuMemcpyHtoD");
    }

    void copyToHost(MemorySegment dst, long src, long bytes) {
        check(call(cuMemcpyDtoH, dst, src, bytes), "cuMemcpyDtoH");
    }

    void copyOnDevice(long dst, long src, long bytes) {
        check(call(cuMemcpyDtoD, dst, src, bytes), "cuMemcpyDtoD");
    }

    void fill32(long dst, int bits, long count) {
        check(call(cuMemsetD32, dst, bits, count), "cuMemsetD32");
    }

    /** @return {free, total} bytes of device memory */
    long[] memoryInfo() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment f = a.allocate(JAVA_LONG);
            MemorySegment t = a.allocate(JAVA_LONG);
            check(call(cuMemGetInfo, f, t), "cuMemGetInfo");
            return new long[] {f.get(JAVA_LONG, 0), t.get(JAVA_LONG, 0)};
        }
    }

    /** @return the CUresult of loading a PTX or cubin image (0 = loaded into {@code module[0]}) */
    int tryLoadModule(MemorySegment module, MemorySegment image) {
        return call(cuModuleLoadData, module, image);
    }

    MemorySegment function(MemorySegment module, String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment f = a.allocate(ADDRESS);
            check(call(cuModuleGetFunction, f, module, a.allocateFrom(name)), "cuModuleGetFunction(" + name + ")");
            return f.get(ADDRESS, 0);
        }
    }

    void launch(MemorySegment function, int gridX, int blockX, int sharedBytes, MemorySegment params, String name) {
        check(call(cuLaunchKernel, function, gridX, 1, 1, blockX, 1, 1, sharedBytes, MemorySegment.NULL, params,
                MemorySegment.NULL), "cuLaunchKernel(" + name + ")");
    }

    /** @return the error's name, such as {@code CUDA_ERROR_OUT_OF_MEMORY} */
    String errorName(int code) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(ADDRESS);
            int rc = call(cuGetErrorName, code, p);
            MemorySegment s = p.get(ADDRESS, 0);
            if (rc != 0 || s.equals(MemorySegment.NULL)) {
                return "CUDA error " + code;
            }
            return s.reinterpret(128).getString(0, StandardCharsets.US_ASCII);
        }
    }

    void check(int rc, String operation) {
        if (rc != 0) {
            throw new CudaException("cuda: " + operation + ": " + errorName(rc));
        }
    }

    private static int call(MethodHandle h, Object... args) {
        return NativeCalls.invoke(h, args);
    }
}
