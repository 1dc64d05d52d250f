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
}
