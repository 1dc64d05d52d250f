package org.hrmlab.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class NativeLinearAlgebraTest {
    /** @return Q·diag(values)·Qᵀ row-major, with Q a random rotation */
    private static double[] withSpectrum(double[] values, long seed) {
        int n = values.length;
        RealMatrix q = SyntheticData.rotation(n, seed);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) {
                    s += q.getEntry(i, p) * values[p] * q.getEntry(j, p);
                }
                a[i * n + j] = s;
            }
        }
        return a;
    }

    @Test
    void largestEigenpairsOfAKnownSpectrum() {
        for (int n : new int[] {1, 2, 3, 31, 33, 64, 150, 300}) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = i < 3 ? 10 - 3 * i : 0.5 / (1 + i);
            }
            RealMatrix q = SyntheticData.rotation(n, 40 + n);
            double[] a = withSpectrum(values, 40 + n);
            int k = Math.min(3, n);
            NativeLinearAlgebra.Eigenpairs pairs = NativeLinearAlgebra.largestEigenpairs(a, n, k);
            for (int c = 0; c < k; c++) {
                assertEquals(values[c], pairs.values()[c], 1e-12 * values[0], "n = " + n + ", eigenvalue " + c);
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q.getEntry(i, c) * pairs.vectors()[c][i];
                }
                assertEquals(1.0, Math.abs(dot), 1e-12, "n = " + n + ", eigenvector " + c);
            }
        }
    }

    @Test
    void aRepeatedEigenvalueGivesAnOrthonormalBasisOfItsSpace() {
        int n = 120;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i < 3 ? 5 : 1.0 / (1 + i);
        }
        double[] a = withSpectrum(values, 7);
        NativeLinearAlgebra.Eigenpairs pairs = NativeLinearAlgebra.largestEigenpairs(a, n, 3);
        assertArrayEquals(new double[] {5, 5, 5}, pairs.values(), 1e-12);
        NativeLinearAlgebra.checkEigenpairs(a, n, pairs.values(), pairs.vectors());
    }

    @Test
    void theZeroMatrixHasZeroEigenvaluesAndUnitVectors() {
        int n = 50;
        NativeLinearAlgebra.Eigenpairs pairs = NativeLinearAlgebra.largestEigenpairs(new double[n * n], n, 2);
        assertArrayEquals(new double[] {0, 0}, pairs.values(), 0);
        NativeLinearAlgebra.checkEigenpairs(new double[n * n], n, pairs.values(), pairs.vectors());
    }

    @Test
    void onlyTheUpperTriangleIsRead() {
        int n = 40;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = n - i;
        }
        double[] a = withSpectrum(values, 9);
        double[] upper = a.clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                upper[i * n + j] = Double.NaN;
            }
        }
        NativeLinearAlgebra.Eigenpairs full = NativeLinearAlgebra.largestEigenpairs(a, n, 2);
        NativeLinearAlgebra.Eigenpairs half = NativeLinearAlgebra.largestEigenpairs(upper, n, 2);
        assertArrayEquals(full.values(), half.values(), 0);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(full.vectors()[c], half.vectors()[c], 0);
        }
    }

    @Test
    void theCheckRejectsAWrongEigenvector() {
        int n = 60;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 1 + i;
        }
        double[] a = withSpectrum(values, 11);
        NativeLinearAlgebra.Eigenpairs pairs = NativeLinearAlgebra.largestEigenpairs(a, n, 2);
        double[][] wrong = {pairs.vectors()[0].clone(), pairs.vectors()[1].clone()};
        // a rotation within the span keeps the vectors orthonormal but makes neither an eigenvector
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        for (int i = 0; i < n; i++) {
            wrong[0][i] = c * pairs.vectors()[0][i] + s * pairs.vectors()[1][i];
            wrong[1][i] = -s * pairs.vectors()[0][i] + c * pairs.vectors()[1][i];
        }
        assertThrows(ArithmeticException.class, () -> NativeLinearAlgebra.checkEigenpairs(a, n, pairs.values(), wrong));
        double[][] scaled = {pairs.vectors()[0].clone()};
        for (int i = 0; i < n; i++) {
            scaled[0][i] *= 1.001;
        }
        assertThrows(ArithmeticException.class,
                () -> NativeLinearAlgebra.checkEigenpairs(a, n, new double[] {pairs.values()[0]}, scaled));
    }
}
