package org.hrmlab.engine.analysis;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Gaussian samples with a chosen covariance spectrum, for closed-form checks. */
final class SyntheticData {
    private SyntheticData() {
    }

    /** @return a random orthogonal matrix {@code [d, d]} (Q of a Gaussian matrix) */
    static RealMatrix rotation(int d, long seed) {
        Random rng = new Random(seed);
        double[][] a = new double[d][d];
        for (double[] row : a) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return new QRDecomposition(new Array2DRowRealMatrix(a, false)).getQ();
    }

    /**
     * @param stdDevs the standard deviation along each axis before rotation {@code [d]}
     * @param rotation applied to each sample (may be null for none)
     * @param offset   added to every coordinate after rotation
     * @return row-major {@code [n, d]} floats
     */
    static float[] samples(int n, double[] stdDevs, RealMatrix rotation, double offset, long seed) {
        int d = stdDevs.length;
        Random rng = new Random(seed);
        float[] out = new float[n * d];
        double[] z = new double[d];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                z[i] = rng.nextGaussian() * stdDevs[i];
            }
            double[] x = rotation == null ? z : rotation.operate(z);
            for (int i = 0; i < d; i++) {
                out[r * d + i] = (float) (x[i] + offset);
            }
        }
        return out;
    }

    static double[] constant(int d, double value) {
        double[] out = new double[d];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
