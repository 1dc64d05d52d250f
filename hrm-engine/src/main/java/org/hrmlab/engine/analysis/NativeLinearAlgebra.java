package org.hrmlab.engine.analysis;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.CblasUpper;
import static org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevr;
import static org.bytedeco.openblas.global.openblas.cblas_dsyrk;
import static org.bytedeco.openblas.global.openblas.cblas_ssyrk;

import java.util.Arrays;
import java.util.Comparator;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * The two float64 kernels the analysis needs, called in the OpenBLAS/LAPACK build that ND4J itself ships
 * ({@code org.bytedeco:openblas}): a symmetric rank-k update and a symmetric eigen solver. Called directly because
 * ND4J's CPU backend does not implement {@code syrk} and its eigen wrapper always computes every eigenvector.
 * <p>
 * The eigen solvers fall back to Commons Math (float64, Householder tridiagonalisation and QL) where that OpenBLAS
 * build has no LAPACK: JavaCPP's macosx-arm64 build of OpenBLAS 0.3.19 exports BLAS only.
 */
final class NativeLinearAlgebra {
    /** False once a LAPACKE call has failed to link. */
    private static volatile boolean lapack = true;

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
        return javaEigenvalues(symmetric, n);
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
     * @param symmetric row-major {@code [n, n]}; only the upper triangle is read; not modified
     * @param k         how many of the largest eigenpairs, 1..n
     * @return eigenvalues descending, and unit eigenvectors as rows {@code [k][n]} in the same order
     */
    static Eigenpairs largestEigenpairs(double[] symmetric, int n, int k) {
        if (lapack) {
            try {
                return lapackLargestEigenpairs(symmetric, n, k);
            } catch (UnsatisfiedLinkError e) {
                lapack = false;
            }
        }
        return javaLargestEigenpairs(symmetric, n, k);
    }

    static Eigenpairs lapackLargestEigenpairs(double[] symmetric, int n, int k) {
        try (DoublePointer a = new DoublePointer(symmetric); DoublePointer w = new DoublePointer(n);
                DoublePointer z = new DoublePointer((long) n * k); IntPointer found = new IntPointer(1);
                IntPointer support = new IntPointer(2L * n)) {
            int info = LAPACKE_dsyevr(LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'I', (byte) 'U', n, a, n, 0, 0, n - k + 1, n,
                    0, found, w, z, k, support);
            if (info != 0 || found.get() != k) {
                throw new ArithmeticException("symmetric eigen solver failed (LAPACK info " + info + ")");
            }
            double[] values = new double[k];
            double[][] vectors = new double[k][n];
            double[] zz = new double[n * k];
            z.get(zz);
            for (int j = 0; j < k; j++) {
                int col = k - 1 - j;
                values[j] = w.get(col);
                for (int i = 0; i < n; i++) {
                    vectors[j][i] = zz[i * k + col];
                }
            }
            return new Eigenpairs(values, vectors);
        }
    }

    /** {@link #eigenvalues} without LAPACK. */
    static double[] javaEigenvalues(double[] symmetric, int n) {
        EigenDecomposition eig = new EigenDecomposition(fromUpper(symmetric, n));
        double[] out = eig.getRealEigenvalues().clone();
        Arrays.sort(out);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** {@link #largestEigenpairs} without LAPACK. */
    static Eigenpairs javaLargestEigenpairs(double[] symmetric, int n, int k) {
        EigenDecomposition eig = new EigenDecomposition(fromUpper(symmetric, n));
        double[] all = eig.getRealEigenvalues();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> all[i]).reversed());
        double[] values = new double[k];
        double[][] vectors = new double[k][];
        for (int j = 0; j < k; j++) {
            values[j] = all[order[j]];
            vectors[j] = eig.getEigenvector(order[j]).unitVector().toArray();
        }
        return new Eigenpairs(values, vectors);
    }

    /** The full symmetric matrix from the upper triangle of a row-major {@code [n, n]} array. */
    private static Array2DRowRealMatrix fromUpper(double[] symmetric, int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                m[i][j] = symmetric[i * n + j];
                m[j][i] = symmetric[i * n + j];
            }
        }
        return new Array2DRowRealMatrix(m, false);
    }

    /** Eigenvalues (descending) and matching unit eigenvectors (rows). */
    record Eigenpairs(double[] values, double[][] vectors) {
    }
}
