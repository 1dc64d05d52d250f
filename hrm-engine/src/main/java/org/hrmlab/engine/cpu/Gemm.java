package org.hrmlab.engine.cpu;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Row-major float32 GEMMs on OpenBLAS (the library ND4J loads), called directly on native memory with offsets and
 * leading dimensions, so that one head of a fused projection or one slice of a batch is a GEMM without a copy:
 * <pre>  C[m×n] = alpha · op(A) · op(B) + beta · C  </pre>
 * {@code op(A)} is {@code [m×k]} ({@code A} stored {@code [k×m]} when transposed), {@code op(B)} is {@code [k×n]}
 * ({@code B} stored {@code [n×k]} when transposed: a weight in the reference's {@code [out, in]} layout).
 *
 * <p>Threads: the engine never lets OpenBLAS start its own threads (they spin after every call and take the core the
 * engine's other thread needs). {@link #parallel} splits one product into slices over {@link Workers}, each slice a
 * single-threaded BLAS call; {@link #single} is a single-threaded call for use inside a worker's task. Callers call
 * {@link #useEngineThreads()} before their work.
 */
public final class Gemm {
    /** Output columns (or rows) per slice are a multiple of this, so slices keep the kernels' full width. */
    private static final int ALIGN = 32;
    /**
     * Below this many multiply-adds (about 0.1 ms on one core) a product, or a set of products such as one block's
     * attention, runs on one thread: handing work to another thread costs more than it gives (tiny models).
     */
    public static final long PARALLEL_MIN_MACS = 1L << 22;

    private Gemm() {
    }

    /** A native float matrix operand: memory, offset in floats, leading dimension (row stride) in floats. */
    public record Operand(FloatPointer memory, long offset, int ld) {
        /** @return the same memory starting {@code rows} rows and {@code cols} columns further */
        public Operand at(long rows, long cols) {
            return new Operand(memory, offset + rows * ld + cols, ld);
        }

        FloatPointer pointer() {
            return new FloatPointer(memory).position(memory.position() + offset);
        }
    }

    /** One product on the calling thread (OpenBLAS single-threaded: see {@link #useEngineThreads()}). */
    public static void single(boolean transA, boolean transB, int m, int n, int k, float alpha, Operand a, Operand b,
                              float beta, Operand c) {
        if (m == 0 || n == 0) {
            return;
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k,
                alpha, a.pointer(), a.ld(), b.pointer(), b.ld(), beta, c.pointer(), c.ld());
    }

    /**
     * One product over all workers: the output is cut into column slices (or row slices when it has more rows than
     * columns), one single-threaded BLAS call each. Small products run on the caller alone.
     */
    public static void parallel(Workers workers, boolean transA, boolean transB, int m, int n, int k, float alpha,
                                Operand a, Operand b, float beta, Operand c) {
        int threads = workers.count();
        if (threads == 1 || (long) m * n * k < PARALLEL_MIN_MACS) {
            single(transA, transB, m, n, k, alpha, a, b, beta, c);
            return;
        }
        boolean byColumns = n >= m;
        int extent = byColumns ? n : m;
        int slices = Math.min(threads, Math.max(1, extent / ALIGN));
        int step = ((extent + slices - 1) / slices + ALIGN - 1) / ALIGN * ALIGN;
        int count = (extent + step - 1) / step;
        workers.run(count, (s, w) -> {
            int from = s * step;
            int len = Math.min(extent, from + step) - from;
            if (byColumns) {
                // columns of op(B): B's rows when transposed, its columns otherwise
                Operand bs = transB ? b.at(from, 0) : b.at(0, from);
                single(transA, transB, m, len, k, alpha, a, bs, beta, c.at(0, from));
            } else {
                Operand as = transA ? a.at(0, from) : a.at(from, 0);
                single(transA, transB, len, n, k, alpha, as, b, beta, c.at(from, 0));
            }
        });
    }

    /**
     * Keeps OpenBLAS single-threaded (the engine's {@link Workers} share the cores instead): call at the start of
     * engine work. Cheap when already so; resets the count when something else (ND4J's start-up) raised it. Changing
     * OpenBLAS's thread count costs about a millisecond, so the engine does not restore it afterwards: other OpenBLAS
     * users in the process run single-threaded too (see {@link #withAllThreads}).
     */
    public static void useEngineThreads() {
        if (openblas_nolapack.blas_get_num_threads() != 1) {
            openblas_nolapack.blas_set_num_threads(1);
        }
    }

    /** Runs {@code work} with OpenBLAS on {@code threads} threads (a measurement of the machine's GEMM rate). */
    public static void withAllThreads(int threads, Runnable work) {
        openblas_nolapack.blas_set_num_threads(threads);
        try {
            work.run();
        } finally {
            openblas_nolapack.blas_set_num_threads(1);
        }
    }
}
