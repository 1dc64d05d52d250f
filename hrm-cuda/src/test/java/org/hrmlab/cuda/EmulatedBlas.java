package org.hrmlab.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;

/**
 * The cuBLAS functions the backend calls ({@code libcublas}), emulated on the CPU in column-major order as cuBLAS
 * defines them (products summed in double), on the emulated device memory of {@link EmulatedDriver}. Methods are
 * named and typed as the C functions, for {@link NativeCalls#emulated}.
 */
public final class EmulatedBlas {
    /** Mantissa bits the products keep of their inputs: 23 (float32), 10 (TF32), 7 (bfloat16). */
    private int mathModeBits = 23;

    public int cublasCreate_v2(MemorySegment handle) {
        handle.reinterpret(8).set(ADDRESS, 0, MemorySegment.ofAddress(1));
        return 0;
    }

    public int cublasGetVersion_v2(MemorySegment handle, MemorySegment version) {
        version.reinterpret(4).set(JAVA_INT, 0, 130000);
        return 0;
    }

    public int cublasDestroy_v2(MemorySegment handle) {
        return 0;
    }

    public int cublasSetMathMode(MemorySegment handle, int mode) {
        mathModeBits = mode == CuBlas.TF32_TENSOR_OP_MATH ? 10 : 23;
        return 0;
    }

    public int cublasGemmEx(MemorySegment handle, int opA, int opB, int m, int n, int k, MemorySegment alpha, long a,
                            int aType, int lda, long b, int bType, int ldb, MemorySegment beta, long c, int cType,
                            int ldc, int computeType, int algo) {
        return cublasGemmStridedBatchedEx(handle, opA, opB, m, n, k, alpha, a, aType, lda, 0, b, bType, ldb, 0, beta, c,
                cType, ldc, 0, 1, computeType, algo);
    }

    public int cublasGemmStridedBatchedEx(MemorySegment handle, int opA, int opB, int m, int n, int k,
                                          MemorySegment alpha, long a, int aType, int lda, long strideA, long b,
                                          int bType, int ldb, long strideB, MemorySegment beta, long c, int cType,
                                          int ldc, long strideC, int count, int computeType, int algo) {
        if (aType != CuBlas.CUDA_R_32F || bType != CuBlas.CUDA_R_32F || cType != CuBlas.CUDA_R_32F) {
            return 15;
        }
        int bits = switch (computeType) {
            case CuBlas.COMPUTE_32F_FAST_16BF -> 7;
            case 77 -> 10;
            case 68 -> mathModeBits;
            default -> -1;
        };
        if (bits < 0) {
            return 15;
        }
        return product(opA, opB, m, n, k, alpha, a, lda, strideA, b, ldb, strideB, beta, c, ldc, strideC, count, bits);
    }

    public int cublasSgemm_v2(MemorySegment handle, int opA, int opB, int m, int n, int k, MemorySegment alpha, long a,
                              int lda, long b, int ldb, MemorySegment beta, long c, int ldc) {
        return cublasSgemmStridedBatched(handle, opA, opB, m, n, k, alpha, a, lda, 0, b, ldb, 0, beta, c, ldc, 0, 1);
    }

    public int cublasSgemmStridedBatched(MemorySegment handle, int opA, int opB, int m, int n, int k,
                                         MemorySegment alpha, long a, int lda, long strideA, long b, int ldb,
                                         long strideB, MemorySegment beta, long c, int ldc, long strideC, int count) {
        return product(opA, opB, m, n, k, alpha, a, lda, strideA, b, ldb, strideB, beta, c, ldc, strideC, count,
                mathModeBits);
    }

    /** Rounds to the nearest value with {@code bits} mantissa bits (ties to even), as tensor cores read their inputs. */
    static float round(float x, int bits) {
        if (bits >= 23 || !Float.isFinite(x)) {
            return x;
        }
        int drop = 23 - bits;
        int v = Float.floatToRawIntBits(x);
        int half = 1 << (drop - 1);
        int lsb = (v >>> drop) & 1;
        return Float.intBitsToFloat(((v + half - 1 + lsb) >>> drop) << drop);
    }

    private int product(int opA, int opB, int m, int n, int k, MemorySegment alpha, long a, int lda, long strideA,
                        long b, int ldb, long strideB, MemorySegment beta, long c, int ldc, long strideC, int count,
                        int bits) {
        float al = alpha.reinterpret(4).get(JAVA_FLOAT, 0);
        float be = beta.reinterpret(4).get(JAVA_FLOAT, 0);
        if (lda < (opA == 0 ? m : k) || ldb < (opB == 0 ? k : n) || ldc < m) {
            return 7;
        }
        for (int batch = 0; batch < count; batch++) {
            long ab = a + 4 * batch * strideA;
            long bb = b + 4 * batch * strideB;
            long cb = c + 4 * batch * strideC;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        float x = round(EmulatedKernels.f(ab, opA == 0 ? i + (long) p * lda : p + (long) i * lda), bits);
                        float y = round(EmulatedKernels.f(bb, opB == 0 ? p + (long) j * ldb : j + (long) p * ldb), bits);
                        sum += (double) x * y;
                    }
                    long at = i + (long) j * ldc;
                    float old = be == 0f ? 0f : be * EmulatedKernels.f(cb, at);
                    EmulatedKernels.setF(cb, at, (float) (al * sum) + old);
                }
            }
        }
        return 0;
    }

    /** {@code C ← alpha·A·Aᵀ + beta·C} (uplo 1 = upper, trans 0 = N), column-major, float64. */
    public int cublasDsyrk_v2(MemorySegment handle, int uplo, int trans, int n, int k, MemorySegment alpha, long a,
                              int lda, MemorySegment beta, long c, int ldc) {
        double al = alpha.reinterpret(8).get(JAVA_DOUBLE, 0);
        double be = beta.reinterpret(8).get(JAVA_DOUBLE, 0);
        MemorySegment as = EmulatedKernels.at(a, 8L * ((long) lda * k));
        MemorySegment cs = EmulatedKernels.at(c, 8L * ((long) ldc * n));
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += as.get(JAVA_DOUBLE, 8L * (i + (long) p * lda)) * as.get(JAVA_DOUBLE, 8L * (j + (long) p * lda));
                }
                long at = 8L * (i + (long) j * ldc);
                cs.set(JAVA_DOUBLE, at, al * sum + be * cs.get(JAVA_DOUBLE, at));
            }
        }
        return 0;
    }
}
