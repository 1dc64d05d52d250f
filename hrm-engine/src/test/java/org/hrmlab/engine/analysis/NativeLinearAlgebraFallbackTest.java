package org.hrmlab.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The eigen solvers without LAPACK (for OpenBLAS builds that lack it) agree with LAPACKE's. */
class NativeLinearAlgebraFallbackTest {

    /** A random symmetric matrix, row-major, with garbage below the diagonal (neither solver may read it). */
    private static double[] randomSymmetricUpper(int n, long seed) {
        Random rnd = new Random(seed);
        double[][] x = new double[n + 3][n];
        for (double[] row : x) {
            for (int j = 0; j < n; j++) {
                row[j] = rnd.nextGaussian() * (1 + j % 7);
            }
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j >= i) {
                    double s = 0;
                    for (double[] row : x) {
                        s += row[i] * row[j];
                    }
                    a[i * n + j] = s;
                } else {
                    a[i * n + j] = Double.NaN;
                }
            }
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 64, 200})
    void eigenvaluesAgree(int n) {
        double[] a = randomSymmetricUpper(n, 17 + n);
        double[] lapack = NativeLinearAlgebra.lapackEigenvalues(a, n);
        double[] java = JavaEigen.eigenvalues(a, n);
        double scale = Math.abs(lapack[0]);
        assertEquals(n, java.length);
        for (int i = 0; i < n; i++) {
            assertEquals(lapack[i], java[i], 1e-10 * scale, "eigenvalue " + i);
            if (i > 0) {
                assertTrue(java[i] <= java[i - 1], "descending");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 7, 64, 200})
    void largestEigenpairsAgree(int n) {
        double[] a = randomSymmetricUpper(n, 5 + n);
        int k = Math.min(3, n);
        NativeLinearAlgebra.Eigenpairs lapack = NativeLinearAlgebra.lapackLargestEigenpairs(a, n, k);
        NativeLinearAlgebra.Eigenpairs java = JavaEigen.largestEigenpairs(a, n, k);
        assertArrayEquals(lapack.values(), java.values(), 1e-10 * Math.abs(lapack.values()[0]));
        for (int j = 0; j < k; j++) {
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                dot += lapack.vectors()[j][i] * java.vectors()[j][i];
                norm += java.vectors()[j][i] * java.vectors()[j][i];
            }
            assertEquals(1.0, norm, 1e-12, "unit eigenvector " + j);
            assertEquals(1.0, Math.abs(dot), 1e-9, "same eigenvector up to sign: " + j);
        }
    }
}
