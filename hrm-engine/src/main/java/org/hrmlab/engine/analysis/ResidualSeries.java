package org.hrmlab.engine.analysis;

/**
 * Forward residuals of one latent along one trace: at every update of that latent (that has a predecessor),
 * r_i = ||z_i − z_{i−1}|| / ||z_{i−1}|| with Frobenius norms over the kept positions.
 *
 * @param latent     which state
 * @param steps      the global update index i of each entry
 * @param relative   r_i
 * @param difference ||z_i − z_{i−1}||
 * @param norm       ||z_i||
 */
public record ResidualSeries(Latent latent, int[] steps, double[] relative, double[] difference, double[] norm) {
    /** @return the number of entries */
    public int size() {
        return steps.length;
    }

    /**
     * The element-wise mean of several traces' series.
     *
     * @param series same latent and same step indices (traces with the same schedule); not modified
     * @throws IllegalArgumentException if the step indices differ
     */
    public static ResidualSeries mean(java.util.List<ResidualSeries> series) {
        ResidualSeries first = series.get(0);
        int n = first.size();
        double[] rel = new double[n];
        double[] diff = new double[n];
        double[] norm = new double[n];
        for (ResidualSeries s : series) {
            if (!java.util.Arrays.equals(s.steps(), first.steps()) || s.latent() != first.latent()) {
                throw new IllegalArgumentException("residual series of different schedules cannot be averaged");
            }
            for (int i = 0; i < n; i++) {
                rel[i] += s.relative()[i] / series.size();
                diff[i] += s.difference()[i] / series.size();
                norm[i] += s.norm()[i] / series.size();
            }
        }
        return new ResidualSeries(first.latent(), first.steps().clone(), rel, diff, norm);
    }
}
