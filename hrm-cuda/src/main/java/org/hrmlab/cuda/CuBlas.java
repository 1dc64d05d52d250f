package org.hrmlab.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The cuBLAS calls the backend needs, on one handle bound to the current context and the default stream. Matrices are
 * row-major in HRM Lab and column-major in cuBLAS: {@link #linear} does {@code Y[rows, out] = X[rows, in] · W[out, in]ᵀ}
 * as {@code gemm(T, N, m = out, n = rows, k = in)}. Scalars are passed from host memory.
 */
final class CuBlas implements AutoCloseable {
    static final int OP_N = 0;
    static final int OP_T = 1;
    static final int DEFAULT_MATH = 0;
    static final int TF32_TENSOR_OP_MATH = 3;
    /** {@code cudaDataType} of float32 matrices. */
    static final int CUDA_R_32F = 0;
    /** {@code cublasComputeType_t}: float32 inputs rounded to bfloat16 for the tensor cores, float32 accumulation. */
    static final int COMPUTE_32F_FAST_16BF = 75;
    static final int GEMM_DEFAULT = -1;

    private final MethodHandle destroy;
    private final MethodHandle sgemm;
    private final MethodHandle sgemmStridedBatched;
    private final MethodHandle setMathMode;
    private final MethodHandle dsyrk;
    private final MethodHandle gemmEx;
    private final MethodHandle gemmStridedBatchedEx;
    /** Products with bfloat16 inputs ({@link #useBf16}), with TF32 ({@link #allowTf32}). */
    private boolean bf16;
    private boolean tf32;
    private final MemorySegment oneDouble;
    private final MemorySegment handle;
    private final MemorySegment one;
    private final MemorySegment zero;
    private final int version;
    private boolean closed;

    CuBlas(NativeCalls lib) {
        MethodHandle create = lib.bind("cublasCreate_v2", JAVA_INT, ADDRESS);
        MethodHandle getVersion = lib.bind("cublasGetVersion_v2", JAVA_INT, ADDRESS, ADDRESS);
        destroy = lib.bind("cublasDestroy_v2", JAVA_INT, ADDRESS);
        sgemm = lib.bind("cublasSgemm_v2", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                ADDRESS, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
        sgemmStridedBatched = lib.bind("cublasSgemmStridedBatched", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG, ADDRESS,
                JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT);
        setMathMode = lib.bind("cublasSetMathMode", JAVA_INT, ADDRESS, JAVA_INT);
        gemmEx = lib.bind("cublasGemmEx", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_INT);
        gemmStridedBatchedEx = lib.bind("cublasGemmStridedBatchedEx", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT,
                JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT);
        dsyrk = lib.bind("cublasDsyrk_v2", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
        Arena arena = Arena.ofAuto();
        one = arena.allocate(JAVA_FLOAT);
        one.set(JAVA_FLOAT, 0, 1f);
        zero = arena.allocate(JAVA_FLOAT);
        zero.set(JAVA_FLOAT, 0, 0f);
        oneDouble = arena.allocate(java.lang.foreign.ValueLayout.JAVA_DOUBLE);
        oneDouble.set(java.lang.foreign.ValueLayout.JAVA_DOUBLE, 0, 1.0);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment h = a.allocate(ADDRESS);
            check(call(create, h), "cublasCreate");
            handle = h.get(ADDRESS, 0);
            MemorySegment v = a.allocate(JAVA_INT);
            check(call(getVersion, handle, v), "cublasGetVersion");
            version = v.get(JAVA_INT, 0);
        }
    }

    /** @return the products' precision: {@code float32}, {@code tf32} or {@code bf16} */
    String precision() {
        return bf16 ? "bf16" : tf32 ? "tf32" : "float32";
    }

    /** @return cuBLAS's version as {@code major * 10000 + minor * 100 + patch} (CUDA 13: 13xxxx) */
    int version() {
        return version;
    }

    /**
     * Lets the products round their float32 inputs to bfloat16 for the tensor cores (float32 accumulation and output,
     * {@code CUBLAS_COMPUTE_32F_FAST_16BF}: about 4e-3 relative per input), or not.
     */
    void useBf16(boolean on) {
        bf16 = on;
    }

    /** Lets float32 GEMMs use TF32 tensor cores (faster, about 1e-3 relative error) or not (exact float32). */
    void allowTf32(boolean on) {
        tf32 = on;
        check(call(setMathMode, handle, on ? TF32_TENSOR_OP_MATH : DEFAULT_MATH), "cublasSetMathMode");
    }

    /**
     * Row-major {@code Y[rows, out] (+)= X[rows, in] · W[out, in]ᵀ}.
     *
     * @param accumulate add to Y instead of overwriting it
     */
    void linear(long x, long w, long y, int rows, int in, int out, boolean accumulate) {
        columnMajor(OP_T, OP_N, out, rows, in, w, in, x, in, accumulate, y, out);
    }

    /**
     * Row-major {@code C[m, n] (+)= op(A) · op(B)}, {@code op(A)} being {@code [m, k]} and {@code op(B)} {@code [k, n]};
     * leading dimensions are the row lengths of the stored matrices (as the CPU engine's GEMMs take them).
     *
     * @param accumulate add to C instead of overwriting it
     */
    void gemm(boolean ta, boolean tb, int m, int n, int k, long a, int lda, long b, int ldb, boolean accumulate,
              long c, int ldc) {
        columnMajor(tb ? OP_T : OP_N, ta ? OP_T : OP_N, n, m, k, b, ldb, a, lda, accumulate, c, ldc);
    }

    /** Column-major {@code C (+)= op(A) · op(B)}, in the precision set by {@link #useBf16}. */
    private void columnMajor(int opA, int opB, int m, int n, int k, long a, int lda, long b, int ldb,
                             boolean accumulate, long c, int ldc) {
        MemorySegment beta = accumulate ? one : zero;
        if (bf16) {
            check(call(gemmEx, handle, opA, opB, m, n, k, one, a, CUDA_R_32F, lda, b, CUDA_R_32F, ldb, beta, c,
                    CUDA_R_32F, ldc, COMPUTE_32F_FAST_16BF, GEMM_DEFAULT), "cublasGemmEx");
        } else {
            check(call(sgemm, handle, opA, opB, m, n, k, one, a, lda, b, ldb, beta, c, ldc), "cublasSgemm");
        }
    }

    /** {@link #gemm} on {@code count} matrices at the given strides (in elements; 0 repeats one), overwriting each C. */
    void gemmBatched(boolean ta, boolean tb, int m, int n, int k, long a, int lda, long strideA, long b, int ldb,
                     long strideB, long c, int ldc, long strideC, int count) {
        gemmBatched(ta, tb, m, n, k, a, lda, strideA, b, ldb, strideB, false, c, ldc, strideC, count);
    }

    /** {@link #gemmBatched}, adding to each C when {@code accumulate}. */
    void gemmBatched(boolean ta, boolean tb, int m, int n, int k, long a, int lda, long strideA, long b, int ldb,
                     long strideB, boolean accumulate, long c, int ldc, long strideC, int count) {
        columnMajorBatched(tb ? OP_T : OP_N, ta ? OP_T : OP_N, n, m, k, b, ldb, strideB, a, lda, strideA, accumulate,
                c, ldc, strideC, count);
    }

    private void columnMajorBatched(int opA, int opB, int m, int n, int k, long a, int lda, long strideA, long b,
                                    int ldb, long strideB, boolean accumulate, long c, int ldc, long strideC,
                                    int count) {
        MemorySegment beta = accumulate ? one : zero;
        if (bf16) {
            check(call(gemmStridedBatchedEx, handle, opA, opB, m, n, k, one, a, CUDA_R_32F, lda, strideA, b, CUDA_R_32F,
                    ldb, strideB, beta, c, CUDA_R_32F, ldc, strideC, count, COMPUTE_32F_FAST_16BF, GEMM_DEFAULT),
                    "cublasGemmStridedBatchedEx");
        } else {
            check(call(sgemmStridedBatched, handle, opA, opB, m, n, k, one, a, lda, strideA, b, ldb, strideB, beta, c,
                    ldc, strideC, count), "cublasSgemmStridedBatched");
        }
    }

    /**
     * Column-major strided batched GEMM {@code C_i = op(A_i) · op(B_i)} (row-major callers swap the operands).
     */
    void batched(int opA, int opB, int m, int n, int k, long a, int lda, long strideA, long b, int ldb, long strideB,
                 long c, int ldc, long strideC, int count) {
        columnMajorBatched(opA, opB, m, n, k, a, lda, strideA, b, ldb, strideB, false, c, ldc, strideC, count);
    }

    /**
     * Float64 {@code C += Xᵀ X} for row-major {@code X[rows, width]} (upper triangle of the column-major C, that is the
     * lower triangle of a row-major reading; symmetrise after downloading).
     */
    void addGram(long x, long rows, int width, long c) {
        check(call(dsyrk, handle, 1, OP_N, width, Math.toIntExact(rows), oneDouble, x, width, oneDouble, c, width),
                "cublasDsyrk");
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            call(destroy, handle);
        }
    }

    private static void check(int status, String operation) {
        if (status != 0) {
            throw new CudaException("cuda: " + operation + ": " + statusName(status));
        }
    }

    static String statusName(int status) {
        return switch (status) {
            case 1 -> "CUBLAS_STATUS_NOT_INITIALIZED";
            case 3 -> "CUBLAS_STATUS_ALLOC_FAILED";
            case 7 -> "CUBLAS_STATUS_INVALID_VALUE";
            case 8 -> "CUBLAS_STATUS_ARCH_MISMATCH";
            case 11 -> "CUBLAS_STATUS_MAPPING_ERROR";
            case 13 -> "CUBLAS_STATUS_EXECUTION_FAILED";
            case 14 -> "CUBLAS_STATUS_INTERNAL_ERROR";
            case 15 -> "CUBLAS_STATUS_NOT_SUPPORTED";
            case 16 -> "CUBLAS_STATUS_LICENSE_ERROR";
            default -> "CUBLAS_STATUS " + status;
        };
    }

    private static int call(MethodHandle h, Object... args) {
        return NativeCalls.invoke(h, args);
    }
}
