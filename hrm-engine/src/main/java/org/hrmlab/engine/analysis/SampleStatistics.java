package org.hrmlab.engine.analysis;

/**
 * Second-moment statistics of a stream of samples (rows of dimension D), mean-centred, in float64: enough for the
 * participation ratio and a PCA fit. Two routes: a D×D covariance when D ≤ N ({@link CovarianceAccumulator}) and
 * an N×N Gram matrix of the centred samples when D ≫ N ({@link GramAccumulator}); both give the same numbers.
 * Holds native memory: close it.
 */
public sealed interface SampleStatistics extends AutoCloseable permits CovarianceAccumulator, GramAccumulator {
    /** The largest D for which the covariance route is used. */
    int MAX_COVARIANCE_DIMENSION = 8192;

    /**
     * Picks the cheaper route: the covariance when D ≤ expected N (and D is not huge), the Gram matrix otherwise.
     *
     * @param dimension       D
     * @param expectedSamples the number of samples that will be added (an estimate is fine)
     */
    static SampleStatistics create(int dimension, long expectedSamples) {
        return create(dimension, expectedSamples, Precision.FLOAT64);
    }

    /** Like {@link #create(int, long)}, with the arithmetic of the covariance route's block products. */
    static SampleStatistics create(int dimension, long expectedSamples, Precision precision) {
        if (dimension <= MAX_COVARIANCE_DIMENSION && dimension <= expectedSamples) {
            return new CovarianceAccumulator(dimension, precision);
        }
        return new GramAccumulator(dimension);
    }

    /** @return D */
    int dimension();

    /** @return the number of samples added so far */
    long count();

    /**
     * Adds samples.
     *
     * @param rows   row-major {@code [count, D]} starting at {@code offset}; not modified
     * @param offset the index of the first value
     * @param count  the number of rows
     */
    void add(float[] rows, int offset, int count);

    /** @return the PR of the samples added so far (needs at least two) */
    ParticipationRatio participationRatio();

    /** @return every non-trivial eigenvalue of the sample covariance so far, descending */
    double[] eigenvalues();

    /**
     * Fits a PCA on the samples added so far.
     *
     * @param components k, at most min(D, N)
     * @param label      how the fit is described beside figures
     */
    PcaFit fitPca(int components, String label);

    /** Frees native memory. */
    @Override
    void close();
}
