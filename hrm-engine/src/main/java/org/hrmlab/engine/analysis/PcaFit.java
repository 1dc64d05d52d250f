package org.hrmlab.engine.analysis;

/**
 * A fitted PCA: the mean of the fitted samples, the leading principal axes and their variances. Each axis's sign is
 * fixed so that its largest-magnitude loading is positive, so refits on the same data never flip; loadings whose
 * magnitudes agree to within a relative {@value #SIGN_TIE} (mirrored coordinates give exact ties, which rounding
 * would otherwise break either way) count as tied, and the first of them decides. The fit is a value: keep it while
 * an animation advances and project new states onto it.
 *
 * @param label             how it was fitted, e.g. "pooled fit, 100 trajectories" or "per-trajectory fit: t3"
 * @param mean              the sample mean {@code [D]}
 * @param components        unit principal axes {@code [k][D]}, by decreasing variance
 * @param explainedVariance the variance along each axis {@code [k]} (covariance eigenvalues, divisor N − 1)
 * @param totalVariance     the total variance (trace of the covariance)
 * @param samples           N, the number of fitted samples
 */
public record PcaFit(String label, double[] mean, double[][] components, double[] explainedVariance,
        double totalVariance, long samples) {

    /**
     * Loadings whose magnitudes differ by less than this fraction of the largest are tied for the sign rule: far
     * above the rounding that separates two routes to the same axis, far below any difference that means something.
     */
    public static final double SIGN_TIE = 1e-9;

    /** @return the sample dimension D */
    public int dimension() {
        return mean.length;
    }

    /** @return the number of components k */
    public int componentCount() {
        return components.length;
    }

    /** @return each component's share of the total variance {@code [k]} */
    public double[] explainedVarianceRatio() {
        double[] out = new double[explainedVariance.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = totalVariance == 0 ? 0 : explainedVariance[i] / totalVariance;
        }
        return out;
    }

    /**
     * Projects one sample on the components.
     *
     * @param sample {@code [D]} starting at {@code offset}; not modified
     * @return the coordinates {@code [k]}
     */
    public double[] project(float[] sample, int offset) {
        int d = mean.length;
        double[] out = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            double[] axis = components[c];
            double s = 0;
            for (int i = 0; i < d; i++) {
                s += (sample[offset + i] - mean[i]) * axis[i];
            }
            out[c] = s;
        }
        return out;
    }

    /**
     * Projects one sample on the components.
     *
     * @param sample {@code [D]}; not modified
     * @return the coordinates {@code [k]}
     */
    public double[] project(double[] sample) {
        double[] out = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            double s = 0;
            for (int i = 0; i < mean.length; i++) {
                s += (sample[i] - mean[i]) * components[c][i];
            }
            out[c] = s;
        }
        return out;
    }

    /**
     * Flips, in place, each axis so that its largest-magnitude loading is positive, the first of several tied ones
     * deciding (modified).
     */
    static void fixSignsInPlace(double[][] axes) {
        for (double[] axis : axes) {
            double largest = 0;
            for (double v : axis) {
                largest = Math.max(largest, Math.abs(v));
            }
            int best = 0;
            while (best < axis.length - 1 && Math.abs(axis[best]) < largest * (1 - SIGN_TIE)) {
                best++;
            }
            if (axis[best] < 0) {
                for (int i = 0; i < axis.length; i++) {
                    axis[i] = -axis[i];
                }
            }
        }
    }
}
