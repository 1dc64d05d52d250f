package org.hrmlab.app.engine;

import org.hrmlab.viz.grid.HeatmapData;

/**
 * Participation ratio {@code PR = (sum lambda)^2 / sum lambda^2} of the covariance of mean-centred samples (rows),
 * computed without eigenvalues as {@code tr(G)^2 / ||G||_F^2} with the smaller Gram matrix of the centred data.
 * A quick per-frame reading for the inspector; the analysis module owns the full, configurable estimate.
 */
public final class ParticipationRatio {
    /** At most this many rows (evenly strided) go into the per-frame reading. */
    public static final int MAX_SAMPLES = 256;

    private ParticipationRatio() {
    }

    /** A ratio and the number of samples behind it. */
    public record Reading(double value, int samples) {
    }

    /**
     * @param states {@code [rows, dims]}, not modified
     * @param skipRows leading rows to leave out (puzzle prefix)
     */
    public static Reading of(HeatmapData states, int skipRows, int maxSamples) {
        int dims = states.cols();
        int available = states.rows() - skipRows;
        if (available < 2 || dims == 0) {
            return new Reading(Double.NaN, Math.max(0, available));
        }
        int stride = Math.max(1, (available + maxSamples - 1) / maxSamples);
        int n = (available + stride - 1) / stride;
        float[] v = states.valuesView();
        double[][] x = new double[n][dims];
        double[] mean = new double[dims];
        for (int i = 0; i < n; i++) {
            int row = skipRows + i * stride;
            for (int d = 0; d < dims; d++) {
                x[i][d] = v[row * dims + d];
                mean[d] += x[i][d] / n;
            }
        }
        for (double[] row : x) {
            for (int d = 0; d < dims; d++) {
                row[d] -= mean[d];
            }
        }
        return new Reading(n <= dims ? fromRowGram(x) : fromColumnGram(x, dims), n);
    }

    private static double fromRowGram(double[][] x) {
        int n = x.length;
        double trace = 0;
        double frob = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double g = dot(x[i], x[j]);
                if (i == j) {
                    trace += g;
                    frob += g * g;
                } else {
                    frob += 2 * g * g;
                }
            }
        }
        return frob > 0 ? trace * trace / frob : Double.NaN;
    }

    private static double fromColumnGram(double[][] x, int dims) {
        double trace = 0;
        double frob = 0;
        for (int a = 0; a < dims; a++) {
            for (int b = a; b < dims; b++) {
                double g = 0;
                for (double[] row : x) {
                    g += row[a] * row[b];
                }
                if (a == b) {
                    trace += g;
                    frob += g * g;
                } else {
                    frob += 2 * g * g;
                }
            }
        }
        return frob > 0 ? trace * trace / frob : Double.NaN;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
