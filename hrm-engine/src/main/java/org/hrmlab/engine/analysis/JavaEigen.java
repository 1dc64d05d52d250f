package org.hrmlab.engine.analysis;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Symmetric eigen solvers in pure Java (Commons Math, float64): the fallback where OpenBLAS has no LAPACK, and the
 * solver of code that runs without native BLAS at all (the streamed statistics on a GPU machine).
 */
final class JavaEigen {
    private JavaEigen() {
    }

    /** All eigenvalues of a symmetric matrix (upper triangle read), descending. */
    static double[] eigenvalues(double[] symmetric, int n) {
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

    /** The k largest eigenpairs of a symmetric matrix (upper triangle read), values descending, unit vectors. */
    static NativeLinearAlgebra.Eigenpairs largestEigenpairs(double[] symmetric, int n, int k) {
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
        return new NativeLinearAlgebra.Eigenpairs(values, vectors);
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
}
