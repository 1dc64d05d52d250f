package org.hrmlab.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The CUDA driver functions the backend calls ({@code libcuda.so.1}), emulated on the CPU: device memory is host
 * memory (its addresses are the device pointers), copies are copies, the module is the backend's own PTX (read for
 * its kernels' parameter types) and each launch runs the kernel's port in {@link EmulatedKernels}. Methods are named
 * and typed as the C functions, for {@link NativeCalls#emulated}.
 */
public final class EmulatedDriver {
    static final long TOTAL_MEMORY = 8L << 30;
    private final Map<Long, Arena> allocations = new HashMap<>();
    private final EmulatedKernels kernels = new EmulatedKernels();
    private long held;

    public int cuInit(int flags) {
        return 0;
    }

    public int cuDriverGetVersion(MemorySegment version) {
        version.reinterpret(4).set(JAVA_INT, 0, 13000);
        return 0;
    }

    public int cuDeviceGetCount(MemorySegment count) {
        count.reinterpret(4).set(JAVA_INT, 0, 1);
        return 0;
    }

    public int cuDeviceGet(MemorySegment device, int ordinal) {
        device.reinterpret(4).set(JAVA_INT, 0, ordinal);
        return ordinal == 0 ? 0 : 101;
    }

    public int cuDeviceGetName(MemorySegment name, int length, int device) {
        byte[] text = "HRM Lab's CUDA emulation".getBytes(StandardCharsets.US_ASCII);
        MemorySegment out = name.reinterpret(length);
        MemorySegment.copy(text, 0, out, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, text.length);
        out.set(java.lang.foreign.ValueLayout.JAVA_BYTE, text.length, (byte) 0);
        return 0;
    }

    public int cuDeviceTotalMem_v2(MemorySegment bytes, int device) {
        bytes.reinterpret(8).set(JAVA_LONG, 0, TOTAL_MEMORY);
        return 0;
    }

    public int cuDeviceGetAttribute(MemorySegment value, int attribute, int device) {
        value.reinterpret(4).set(JAVA_INT, 0, attribute == CudaDriver.ATTR_COMPUTE_CAPABILITY_MAJOR ? 9 : 0);
        return 0;
    }

    public int cuDevicePrimaryCtxRetain(MemorySegment context, int device) {
        context.reinterpret(8).set(ADDRESS, 0, MemorySegment.ofAddress(1));
        return 0;
    }

    public int cuCtxSetCurrent(MemorySegment context) {
        return 0;
    }

    public int cuCtxSynchronize() {
        return 0;
    }

    public synchronized int cuMemAlloc_v2(MemorySegment pointer, long bytes) {
        Arena arena = Arena.ofShared();
        MemorySegment m = arena.allocate(bytes, 256);
        m.fill((byte) 0x7f);
        allocations.put(m.address(), arena);
        held += bytes;
        pointer.reinterpret(8).set(JAVA_LONG, 0, m.address());
        return 0;
    }

    public synchronized int cuMemFree_v2(long pointer) {
        Arena arena = allocations.remove(pointer);
        if (arena == null) {
            return 1;
        }
        arena.close();
        return 0;
    }

    public int cuMemcpyHtoD_v2(long dst, MemorySegment src, long bytes) {
        MemorySegment.copy(src.reinterpret(bytes), 0, EmulatedKernels.at(dst, bytes), 0, bytes);
        return 0;
    }

    public int cuMemcpyDtoH_v2(MemorySegment dst, long src, long bytes) {
        MemorySegment.copy(EmulatedKernels.at(src, bytes), 0, dst.reinterpret(bytes), 0, bytes);
        return 0;
    }

    public int cuMemcpyDtoD_v2(long dst, long src, long bytes) {
        MemorySegment.copy(EmulatedKernels.at(src, bytes), 0, EmulatedKernels.at(dst, bytes), 0, bytes);
        return 0;
    }

    public int cuMemsetD32_v2(long dst, int bits, long count) {
        MemorySegment m = EmulatedKernels.at(dst, count * 4);
        for (long i = 0; i < count; i++) {
            m.set(JAVA_INT, i * 4, bits);
        }
        return 0;
    }

    public synchronized int cuMemGetInfo_v2(MemorySegment free, MemorySegment total) {
        free.reinterpret(8).set(JAVA_LONG, 0, TOTAL_MEMORY - held);
        total.reinterpret(8).set(JAVA_LONG, 0, TOTAL_MEMORY);
        return 0;
    }

    public int cuModuleLoadData(MemorySegment module, MemorySegment image) {
        kernels.load(image.reinterpret(Integer.MAX_VALUE).getString(0, StandardCharsets.US_ASCII));
        module.reinterpret(8).set(ADDRESS, 0, MemorySegment.ofAddress(1));
        return 0;
    }

    public int cuModuleGetFunction(MemorySegment function, MemorySegment module, MemorySegment name) {
        int index = kernels.index(name.reinterpret(256).getString(0, StandardCharsets.US_ASCII));
        if (index < 0) {
            return 500;
        }
        function.reinterpret(8).set(ADDRESS, 0, MemorySegment.ofAddress(index + 1L));
        return 0;
    }

    public int cuLaunchKernel(MemorySegment function, int gridX, int gridY, int gridZ, int blockX, int blockY,
                              int blockZ, int sharedBytes, MemorySegment stream, MemorySegment params,
                              MemorySegment extra) {
        kernels.launch((int) function.address() - 1, gridX, params);
        return 0;
    }

    public int cuGetErrorName(int code, MemorySegment name) {
        name.reinterpret(8).set(ADDRESS, 0, MemorySegment.NULL);
        return 1;
    }
}
