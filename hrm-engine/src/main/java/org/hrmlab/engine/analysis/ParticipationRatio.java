package org.hrmlab.engine.analysis;

/**
 * The participation ratio PR = (Σλ)² / Σλ² of a covariance spectrum (docs/analysis.md), with the number of samples
 * and the dimension it was estimated from, and a bias-corrected value.
 *
 * <p>The naive estimate is biased low for few samples. Following the project's contract,
 * E[1/PR̂] ≈ 1/PR + 1/N + 1/D, so the corrected value is 1 / (1/PR̂ − 1/N − 1/D), clamped to [PR̂, D]
 * (the correction never lowers the estimate, and no spectrum in D dimensions has PR above D). The 1/D term models
 * the dimensions as a sample of a larger population; for very high PR (near D) the correction saturates at D.
 *
 * @param naive     (Σλ)² / Σλ² of the sample covariance of the mean-centred samples
 * @param corrected the bias-corrected estimate
 * @param samples   N, the number of samples (rows)
 * @param dimension D, the dimension of one sample
 */
public record ParticipationRatio(double naive, double corrected, long samples, int dimension) {

    /**
     * @param eigenvalues a covariance spectrum (any order; not modified)
     * @return (Σλ)² / Σλ², or NaN when every eigenvalue is zero
     */
    public static double naive(double[] eigenvalues) {
        double sum = 0;
        double sumSq = 0;
        for (double l : eigenvalues) {
            sum += l;
            sumSq += l * l;
        }
        return sumSq == 0 ? Double.NaN : sum * sum / sumSq;
    }

    /**
     * Inverts E[1/PR̂] ≈ 1/PR + 1/N + 1/D.
     *
     * @return the corrected estimate, clamped to [naive, dimension]
     */
    public static double biasCorrected(double naive, long samples, int dimension) {
        if (Double.isNaN(naive)) {
            return Double.NaN;
        }
        double inverse = 1.0 / naive - 1.0 / samples - 1.0 / dimension;
        if (inverse <= 1.0 / dimension) {
            return dimension;
        }
        return Math.max(naive, 1.0 / inverse);
    }

    /** @return the naive and corrected PR of a spectrum estimated from N samples of dimension D */
    public static ParticipationRatio ofSpectrum(double[] eigenvalues, long samples, int dimension) {
        double pr = naive(eigenvalues);
        return new ParticipationRatio(pr, biasCorrected(pr, samples, dimension), samples, dimension);
    }

    /**
     * The PR from the two moments of a covariance matrix C, without an eigen decomposition:
     * Σλ = trace(C) and Σλ² = ||C||²_F.
     */
    public static ParticipationRatio ofMoments(double trace, double frobeniusSquared, long samples, int dimension) {
        double pr = frobeniusSquared == 0 ? Double.NaN : trace * trace / frobeniusSquared;
        return new ParticipationRatio(pr, biasCorrected(pr, samples, dimension), samples, dimension);
    }
}
