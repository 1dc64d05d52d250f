package org.hrmlab.engine.model;

/**
 * First and second moments of a set of D-dimensional samples, in float64: the count, the mean and the scatter about
 * the mean ({@code Σ (x − mean)(x − mean)ᵀ}). Sets merge exactly (Chan, Golub and LeVeque's pairwise update), so
 * statistics of many trajectories can be kept in parts and combined in any grouping.
 *
 * @param count   N
 * @param mean    {@code [D]}
 * @param scatter {@code [D·D]}, row-major, full symmetric
 */
public record Moments(long count, double[] mean, double[] scatter) {
    /** @return the moments of no samples in D dimensions */
    public static Moments empty(int dimension) {
        return new Moments(0, new double[dimension], new double[dimension * dimension]);
    }

    /** @return D */
    public int dimension() {
        return mean.length;
    }

    /** @return the moments of both sets together */
    public Moments merge(Moments other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        int d = dimension();
        long n = count + other.count;
        double[] delta = new double[d];
        double[] m = new double[d];
        for (int i = 0; i < d; i++) {
            delta[i] = other.mean[i] - mean[i];
            m[i] = mean[i] + delta[i] * other.count / n;
        }
        double w = (double) count * other.count / n;
        double[] s = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                s[i * d + j] = scatter[i * d + j] + other.scatter[i * d + j] + delta[i] * delta[j] * w;
            }
        }
        return new Moments(n, m, s);
    }

    /** @return the sample covariance {@code [D·D]} (divisor N − 1) */
    public double[] covariance() {
        if (count < 2) {
            throw new IllegalStateException("the covariance needs at least two samples, have " + count);
        }
        double[] c = scatter.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] /= count - 1;
        }
        return c;
    }

    /**
     * @param shift the point the sums were taken about
     * @param sum   {@code Σ (x − shift)}
     * @param sumOfProducts {@code Σ (x − shift)(x − shift)ᵀ}, full symmetric
     * @return the moments of samples summarised about an arbitrary shift (close to the mean keeps them accurate)
     */
    public static Moments ofShiftedSums(long count, double[] shift, double[] sum, double[] sumOfProducts) {
        int d = shift.length;
        double[] mean = new double[d];
        double[] s = sumOfProducts.clone();
        if (count > 0) {
            for (int i = 0; i < d; i++) {
                mean[i] = shift[i] + sum[i] / count;
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    s[i * d + j] -= sum[i] * sum[j] / count;
                }
            }
        }
        return new Moments(count, mean, s);
    }
}
