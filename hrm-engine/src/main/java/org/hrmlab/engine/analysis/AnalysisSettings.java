package org.hrmlab.engine.analysis;

import java.util.List;
import java.util.Objects;
import org.hrmlab.puzzles.readings.SudokuReader;

/**
 * Every choice the analysis makes, as one value written into export manifests and shown beside figures
 * (docs/analysis.md). Serialised to and from JSON by Jackson under these component names.
 *
 * @param sampleUnit           what one sample is for the participation ratio (default: per-token vectors)
 * @param pcaSampleUnit        what one sample is for the PCA fit (default: mean-pooled states, the drawn points)
 * @param prUpdates            which steps feed the participation ratio (default: segment ends)
 * @param pcaUpdates           which steps feed the PCA fit and the drawn trajectories (default: every update)
 * @param includePrefix        whether puzzle-embedding prefix positions are kept (default false)
 * @param includePad           whether PAD input positions are kept (default false; needs {@code inputs.npy})
 * @param padToken             the PAD token id (0 in every reference dataset)
 * @param trajectoryCounts     the numbers of trajectories for PR versus N, ascending (capped at what is available)
 * @param pcaComponents        how many principal components are projected on (2 or 3)
 * @param pcaScope             pooled or per-trajectory PCA fit
 * @param backtrackStableSteps Sudoku readings: steps a digit must be stable before a change counts as a backtrack
 * @param seed                 the seed of the trajectory order used for PR versus N
 * @param precision            arithmetic of the covariance block products (default float64)
 */
public record AnalysisSettings(SampleUnit sampleUnit, SampleUnit pcaSampleUnit, UpdateSelection prUpdates,
        UpdateSelection pcaUpdates, boolean includePrefix, boolean includePad, int padToken,
        List<Integer> trajectoryCounts, int pcaComponents, PcaScope pcaScope, int backtrackStableSteps, long seed, Precision precision) {

    /** The default seed. */
    public static final long DEFAULT_SEED = 12345L;
    /** The default numbers of trajectories for PR versus N (the paper's 10 to 100). */
    public static final List<Integer> DEFAULT_COUNTS = List.of(10, 20, 50, 100);

    /** Validates and copies. */
    public AnalysisSettings {
        Objects.requireNonNull(sampleUnit, "sampleUnit");
        Objects.requireNonNull(pcaSampleUnit, "pcaSampleUnit");
        Objects.requireNonNull(prUpdates, "prUpdates");
        Objects.requireNonNull(pcaUpdates, "pcaUpdates");
        Objects.requireNonNull(pcaScope, "pcaScope");
        Objects.requireNonNull(precision, "precision");
        trajectoryCounts = List.copyOf(trajectoryCounts);
        for (int i = 0; i < trajectoryCounts.size(); i++) {
            if (trajectoryCounts.get(i) < 1 || i > 0 && trajectoryCounts.get(i) <= trajectoryCounts.get(i - 1)) {
                throw new IllegalArgumentException("trajectory counts must be positive and ascending: "
                        + trajectoryCounts);
            }
        }
        if (pcaComponents < 1 || pcaComponents > 3) {
            throw new IllegalArgumentException("pcaComponents must be 1..3, got " + pcaComponents);
        }
        if (backtrackStableSteps < 1) {
            throw new IllegalArgumentException("backtrackStableSteps must be >= 1, got " + backtrackStableSteps);
        }
    }

    /** @return the documented defaults */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(SampleUnit.PER_TOKEN, SampleUnit.MEAN_POOLED, UpdateSelection.SEGMENT_ENDS,
                UpdateSelection.ALL_UPDATES, false, false, 0, DEFAULT_COUNTS, 2, PcaScope.POOLED,
                SudokuReader.DEFAULT_STABLE_STEPS, DEFAULT_SEED, Precision.FLOAT64);
    }

    /** @return a copy with another sample unit */
    public AnalysisSettings withSampleUnit(SampleUnit unit) {
        return new AnalysisSettings(unit, pcaSampleUnit, prUpdates, pcaUpdates, includePrefix, includePad, padToken,
                trajectoryCounts, pcaComponents, pcaScope, backtrackStableSteps, seed, precision);
    }

    /** @return a copy with another sample unit for PCA */
    public AnalysisSettings withPcaSampleUnit(SampleUnit unit) {
        return new AnalysisSettings(sampleUnit, unit, prUpdates, pcaUpdates, includePrefix, includePad, padToken,
                trajectoryCounts, pcaComponents, pcaScope, backtrackStableSteps, seed, precision);
    }

    /** @return a copy with another step selection for the participation ratio */
    public AnalysisSettings withPrUpdates(UpdateSelection updates) {
        return new AnalysisSettings(sampleUnit, pcaSampleUnit, updates, pcaUpdates, includePrefix, includePad, padToken,
                trajectoryCounts, pcaComponents, pcaScope, backtrackStableSteps, seed, precision);
    }

    /** @return a copy with another step selection for PCA */
    public AnalysisSettings withPcaUpdates(UpdateSelection updates) {
        return new AnalysisSettings(sampleUnit, pcaSampleUnit, prUpdates, updates, includePrefix, includePad, padToken,
                trajectoryCounts, pcaComponents, pcaScope, backtrackStableSteps, seed, precision);
    }

    /** @return a copy with other trajectory counts for PR versus N */
    public AnalysisSettings withTrajectoryCounts(List<Integer> counts) {
        return new AnalysisSettings(sampleUnit, pcaSampleUnit, prUpdates, pcaUpdates, includePrefix, includePad,
                padToken, counts, pcaComponents, pcaScope, backtrackStableSteps, seed, precision);
    }

    /** @return a copy with another arithmetic for the covariance block products */
    public AnalysisSettings withPrecision(Precision p) {
        return new AnalysisSettings(sampleUnit, pcaSampleUnit, prUpdates, pcaUpdates, includePrefix, includePad,
                padToken, trajectoryCounts, pcaComponents, pcaScope, backtrackStableSteps, seed, p);
    }

    /** @return a one-line summary for figure subtitles */
    public String summary() {
        return "PR: " + sampleUnit.description() + ", " + prUpdates.description() + "; PCA: "
                + pcaSampleUnit.description() + ", " + pcaUpdates.description() + ", " + pcaScope.description()
                + (includePrefix ? "; prefix kept" : "; prefix excluded")
                + (includePad ? "; PAD kept" : "; PAD excluded");
    }
}
