package org.hrmlab.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

/**
 * The backend's kernels ({@code src/main/cuda/hrm_kernels.cu}), loaded from the PTX embedded in the jar; the driver
 * JIT-compiles it for the GPU at hand. Launches are one-dimensional; arguments are written into one reused buffer.
 */
final class Kernels {
    static final String PTX_RESOURCE = "hrm_kernels.ptx";
    /** Every kernel of the source, each loaded at start. */
    static final java.util.List<String> NAMES = java.util.List.of("add2", "add3", "rope_split", "softmax_rows",
            "merge_heads", "rms_norm", "swiglu", "first_positions", "gather_shifted", "column_sums_add",
            "rms_norm_backward", "softmax_backward", "swiglu_backward", "split_heads", "rope_merge_backward",
            "rms_norm_columns", "rms_norm_columns_backward");
    static final int THREADS = 256;
    private static final int MAX_ARGS = 16;
    private static final int MAX_GRID = 1 << 16;

    private final CudaDriver driver;
    private final Map<String, MemorySegment> functions = new HashMap<>();
    private final MemorySegment values;
    private final MemorySegment pointers;

    Kernels(CudaDriver driver) {
        this.driver = driver;
        Arena arena = Arena.ofAuto();
        byte[] ptx = ptx();
        MemorySegment image = arena.allocate(ptx.length + 1L);
        MemorySegment.copy(ptx, 0, image, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, ptx.length);
        MemorySegment module = arena.allocate(ADDRESS);
        int rc = driver.tryLoadModule(module, image);
        if (rc == CudaDriver.ERROR_UNSUPPORTED_PTX_VERSION) {
            throw new CudaException("cuda: cuModuleLoadData: " + driver.errorName(rc) + " (the kernels are PTX ISA 7.0, "
                    + "CUDA 11.0 or later; this driver supports CUDA " + CudaContext.versionText(driver.driverVersion()) + ")");
        }
        driver.check(rc, "cuModuleLoadData(" + PTX_RESOURCE + ")");
        MemorySegment m = module.get(ADDRESS, 0);
        for (String name : NAMES) {
            functions.put(name, driver.function(m, name));
        }
        values = arena.allocate(8L * MAX_ARGS, 8);
        pointers = arena.allocate(ADDRESS.byteSize() * MAX_ARGS, 8);
    }

    static byte[] ptx() {
        try (InputStream in = Kernels.class.getResourceAsStream(PTX_RESOURCE)) {
            if (in == null) {
                throw new CudaException("cuda: " + PTX_RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CudaException("cuda: cannot read " + PTX_RESOURCE + ": " + e.getMessage());
        }
    }

    /** Launches {@code name} over {@code grid} blocks of {@code block} threads; args are Long, Integer or Float. */
    void launch(String name, long grid, int block, Object... args) {
        if (args.length > MAX_ARGS) {
            throw new IllegalArgumentException("too many kernel arguments");
        }
        for (int i = 0; i < args.length; i++) {
            long off = 8L * i;
            switch (args[i]) {
                case Long l -> values.set(JAVA_LONG, off, l);
                case Integer n -> values.set(JAVA_INT, off, n);
                case Float f -> values.set(JAVA_FLOAT, off, f);
                default -> throw new IllegalArgumentException("kernel argument of type " + args[i].getClass());
            }
            pointers.setAtIndex(ADDRESS, i, values.asSlice(off));
        }
        driver.launch(functions.get(name), (int) Math.min(grid, Integer.MAX_VALUE), block, 0, pointers, name);
    }

    /** Launches a grid-stride kernel over {@code n} elements. */
    void elementwise(String name, long n, Object... args) {
        long blocks = Math.max(1, Math.min(MAX_GRID, (n + THREADS - 1) / THREADS));
        launch(name, blocks, THREADS, args);
    }

    /** Launches a one-block-per-row kernel over {@code rows} rows of {@code width}. */
    void perRow(String name, long rows, int width, Object... args) {
        int block = Math.min(THREADS, Math.max(32, (width + 31) / 32 * 32));
        launch(name, rows, block, args);
    }
}
