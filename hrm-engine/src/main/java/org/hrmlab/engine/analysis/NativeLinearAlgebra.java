package org.hrmlab.engine.analysis;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.CblasUpper;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dstebz;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dstein;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsytrd;
import static org.bytedeco.openblas.global.openblas.cblas_dsyrk;
import static org.bytedeco.openblas.global.openblas.cblas_ssyrk;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * The two float64 kernels the analysis needs, called in the OpenBLAS/LAPACK build that ND4J itself ships
 * ({@code org.bytedeco:openblas}): a symmetric rank-k update and a symmetric eigen solver. Called directly because
 * ND4J's CPU backend does not implement {@code syrk} and its eigen wrapper always computes every eigenvector.
 */
final class NativeLinearAlgebra {
    /** False once a LAPACKE call has failed to link (JavaCPP's macosx-arm64 OpenBLAS exports BLAS only). */
    private static volatile boolean lapack = true;
    /** The largest relative residual or loss of orthonormality accepted from the eigen solver. */
    static final double EIGEN_TOLERANCE = 1e-8;

    private NativeLinearAlgebra() {
    }

    /**
     * Adds {@code X^T X} (when {@code transpose}) or {@code X X^T} to the upper triangle of {@code c}.
     *
     * @param x    row-major {@code [rows, cols]}, not modified
     * @param c    row-major {@code [n, n]} with n = cols (transpose) or rows; upper triangle modified
     */
    static void addGramUpper(DoublePointer x, int rows, int cols, boolean transpose, DoublePointer c) {
        int n = transpose ? cols : rows;
        int k = transpose ? rows : cols;
        cblas_dsyrk(CblasRowMajor, CblasUpper, transpose ? CblasTrans : CblasNoTrans, n, k, 1.0, x, cols, 1.0, c, n);
    }

    /**
     * Writes {@code X^T X} (float32) into the upper triangle of {@code c}, overwriting it.
     *
     * @param x row-major {@code [rows, cols]}, not modified
     * @param c row-major {@code [cols, cols]}; upper triangle overwritten
     */
    static void gramUpperFloat(FloatPointer x, int rows, int cols, FloatPointer c) {
        cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans, cols, rows, 1.0f, x, cols, 0.0f, c, cols);
    }

    /**
     * All eigenvalues of a symmetric matrix, descending.
     *
     * @param symmetric row-major {@code [n, n]}; only the upper triangle is read; not modified
     */
    static double[] eigenvalues(double[] symmetric, int n) {
        if (lapack) {
            try {
                return lapackEigenvalues(symmetric, n);
            } catch (UnsatisfiedLinkError e) {
                lapack = false;
            }
        }
        return JavaEigen.eigenvalues(symmetric, n);
    }

    static double[] lapackEigenvalues(double[] symmetric, int n) {
        try (DoublePointer a = new DoublePointer(symmetric); DoublePointer w = new DoublePointer(n)) {
            int info = LAPACKE_dsyevd(LAPACK_ROW_MAJOR, (byte) 'N', (byte) 'U', n, a, n, w);
            if (info != 0) {
                throw new ArithmeticException("symmetric eigen solver failed (LAPACK info " + info + ")");
            }
            double[] ascending = new double[n];
            w.get(ascending);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = ascending[n - 1 - i];
            }
            return out;
        }
    }

    /**
     * The largest eigenpairs of a symmetric matrix.
     *
     * <p>Householder tridiagonalisation ({@code dsytrd}), bisection for the wanted eigenvalues ({@code dstebz}) and
     * inverse iteration for their eigenvectors ({@code dstein}): the route {@code dsyevr} takes for a subset of
     * eigenpairs. The reflectors are applied to the k vectors here rather than by LAPACK's blocked {@code dormtr},
     * which needs {@code dtrmm}: OpenBLAS 0.3.19 (the build ND4J ships) computes {@code dtrmm} and {@code dtrsm}
     * wrongly with its AVX-512 kernels (SkylakeX, Cooperlake), which it picks on Intel AVX-512 CPUs, and every LAPACK
     * eigenvector driver ({@code dsyevr}, {@code dsyevd}, {@code dsyevx}) then returns wrong eigenvectors, at n = 300
     * already, with correct eigenvalues. The back-transformation costs O(n²k), small beside the O(n³) reduction. Each
     * pair is checked against the matrix before it is returned, so a defective kernel fails loudly instead of giving
     * wrong axes.
     *
     * @param symmetric row-major {@code [n, n]}; only the upper triangle is read; not modified
     * @param k         how many of the largest eigenpairs, 1..n
     * @return eigenvalues descending, and unit eigenvectors as rows {@code [k][n]} in the same order
     * @throws ArithmeticException when LAPACK fails or the eigenpairs do not satisfy A·v = λ·v to working accuracy
     */
    static Eigenpairs largestEigenpairs(double[] symmetric, int n, int k) {
        if (lapack) {
            try {
                return lapackLargestEigenpairs(symmetric, n, k);
            } catch (UnsatisfiedLinkError e) {
                lapack = false;
            }
        }
        return JavaEigen.largestEigenpairs(symmetric, n, k);
    }

    static Eigenpairs lapackLargestEigenpairs(double[] symmetric, int n, int k) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be 1.." + n + ", got " + k);
        }
        int off = Math.max(1, n - 1);
        double[] d = new double[n];
        double[] e = new double[off];
        double[] tau = new double[off];
        double[] w = new double[n];
        int[] iblock = new int[n];
        int[] isplit = new int[n];
        int[] found = new int[1];
        int[] nsplit = new int[1];
        // Read as column-major, the row-major upper triangle is the lower triangle of the same matrix.
        try (DoublePointer a = new DoublePointer(symmetric); DoublePointer diagonal = new DoublePointer(n);
                DoublePointer offDiagonal = new DoublePointer(off); DoublePointer scales = new DoublePointer(off)) {
            int info = LAPACKE_dsytrd(LAPACK_COL_MAJOR, (byte) 'L', n, a, n, diagonal, offDiagonal, scales);
            if (info != 0) {
                throw new ArithmeticException("symmetric tridiagonal reduction failed (LAPACK info " + info + ")");
            }
            diagonal.get(d);
            offDiagonal.get(e);
            scales.get(tau);
            info = LAPACKE_dstebz((byte) 'I', (byte) 'B', n, 0, 0, n - k + 1, n, 2 * Double.MIN_NORMAL, d, e, found,
                    nsplit, w, iblock, isplit);
            int m = found[0];
            if (info != 0 || m < k) {
                throw new ArithmeticException("symmetric eigen solver failed (LAPACK dstebz info " + info + ", "
                        + m + " of " + k + " eigenvalues)");
            }
            double[] z = new double[n * m];
            int[] ifail = new int[m];
            info = LAPACKE_dstein(LAPACK_COL_MAJOR, n, d, e, m, w, iblock, isplit, z, n, ifail);
            if (info != 0) {
                throw new ArithmeticException("symmetric eigen solver failed (LAPACK dstein info " + info + ")");
            }
            // The k largest of the m found (dstebz orders them by split block, not by value), largest first.
            Integer[] order = new Integer[m];
            for (int j = 0; j < m; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (x, y) -> Double.compare(w[y], w[x]));
            double[][] vectors = new double[k][];
            double[] values = new double[k];
            for (int j = 0; j < k; j++) {
                values[j] = w[order[j]];
                vectors[j] = Arrays.copyOfRange(z, order[j] * n, order[j] * n + n);
            }
            applyReflectors(a, tau, n, vectors);
            checkEigenpairs(symmetric, n, values, vectors);
            return new Eigenpairs(values, vectors);
        }
    }

    /**
     * Multiplies each vector by Q = H(0)·H(1)···H(n−2), the orthogonal factor of {@code dsytrd} with uplo 'L'
     * (column-major): H(i) = I − τᵢ·v·vᵀ with v[0..i] = 0, v[i+1] = 1 and v[i+2..n−1] stored in column i below the
     * subdiagonal.
     */
    private static void applyReflectors(DoublePointer reduced, double[] tau, int n, double[][] vectors) {
        double[] v = new double[n];
        try {
            for (int i = n - 2; i >= 0; i--) {
                double t = tau[i];
                if (t == 0) {
                    continue;
                }
                int len = n - i - 2;
                if (len > 0) {
                    reduced.position((long) i * n + i + 2).get(v, i + 2, len);
                }
                v[i + 1] = 1;
                for (double[] y : vectors) {
                    double s = 0;
                    for (int r = i + 1; r < n; r++) {
                        s += v[r] * y[r];
                    }
                    s *= t;
                    for (int r = i + 1; r < n; r++) {
                        y[r] -= s * v[r];
                    }
                }
            }
        } finally {
            reduced.position(0);
        }
    }

    /**
     * Checks that each pair satisfies A·v = λ·v and that the vectors are orthonormal, to a tolerance far above
     * rounding (a backward-stable solver leaves residuals of order n·ε·‖A‖) and far below what a wrong vector gives.
     *
     * @param symmetric row-major {@code [n, n]}; only the upper triangle is read
     * @throws ArithmeticException naming the first pair that fails
     */
    static void checkEigenpairs(double[] symmetric, int n, double[] values, double[][] vectors) {
        int k = values.length;
        double[][] product = new double[k][n];
        double[] rowSums = new double[n];
        for (int i = 0; i < n; i++) {
            int base = i * n;
            for (int j = i; j < n; j++) {
                double aij = symmetric[base + j];
                rowSums[i] += Math.abs(aij);
                if (j > i) {
                    rowSums[j] += Math.abs(aij);
                }
                for (int c = 0; c < k; c++) {
                    product[c][i] += aij * vectors[c][j];
                    if (j > i) {
                        product[c][j] += aij * vectors[c][i];
                    }
                }
            }
        }
        double norm = 0;
        for (double r : rowSums) {
            norm = Math.max(norm, r);
        }
        for (int c = 0; c < k; c++) {
            double residual = 0;
            for (int i = 0; i < n; i++) {
                residual = Math.max(residual, Math.abs(product[c][i] - values[c] * vectors[c][i]));
            }
            if (!(residual <= EIGEN_TOLERANCE * norm)) {
                throw new ArithmeticException("symmetric eigen solver returned an inaccurate eigenvector " + c
                        + ": |A·v − λ·v| = " + residual + " for |A| = " + norm
                        + "; the native BLAS kernels selected for this CPU give wrong results");
            }
            for (int o = 0; o <= c; o++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += vectors[c][i] * vectors[o][i];
                }
                if (!(Math.abs(dot - (o == c ? 1 : 0)) <= EIGEN_TOLERANCE)) {
                    throw new ArithmeticException("symmetric eigen solver returned eigenvectors that are not "
                            + "orthonormal: v" + c + "·v" + o + " = " + dot
                            + "; the native BLAS kernels selected for this CPU give wrong results");
                }
            }
        }
    }

    /** Eigenvalues (descending) and matching unit eigenvectors (rows). */
    record Eigenpairs(double[] values, double[][] vectors) {
    }
}
