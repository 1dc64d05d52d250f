package org.hrmlab.engine.analysis;

import java.util.List;
import java.util.Objects;

/**
 * Every choice the analysis makes, as one value written into export manifests and shown beside figures
 * (docs/analysis.md). Serialised to and from JSON by Jackson under these component names.
 *
 * @param sampleUnit           what one sample of the covariance is
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
 */
public record AnalysisSettings(SampleUnit sampleUnit, UpdateSelection prUpdates, UpdateSelection pcaUpdates,
        boolean includePrefix, boolean includePad, int padToken, List<Integer> trajectoryCounts, int pcaComponents,
        PcaScope pcaScope, int backtrackStableSteps, long seed) {

    /** The default seed. */
    public static final long DEFAULT_SEED = 12345L;
    /** The default numbers of trajectories for PR versus N (the paper's 10 to 100). */
    public static final List<Integer> DEFAULT_COUNTS = List.of(10, 20, 50, 100);

    /** Validates and copies. */
    public AnalysisSettings {
        Objects.requireNonNull(sampleUnit, "sampleUnit");
        Objects.requireNonNull(prUpdates, "prUpdates");
        Objects.requireNonNull(pcaUpdates, "pcaUpdates");
        Objects.requireNonNull(pcaScope, "pcaScope");
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
        return new AnalysisSettings(SampleUnit.PER_TOKEN, UpdateSelection.SEGMENT_ENDS, UpdateSelection.ALL_UPDATES,
                false, false, 0, DEFAULT_COUNTS, 2, PcaScope.POOLED, 2, DEFAULT_SEED);
    }

    /** @return a copy with another sample unit */
    public AnalysisSettings withSampleUnit(SampleUnit unit) {
        return new AnalysisSettings(unit, prUpdates, pcaUpdates, includePrefix, includePad, padToken,
                trajectoryCounts, pcaComponents, pcaScope, backtrackStableSteps, seed);
    }

    /** @return a copy with another step selection for the participation ratio */
    public AnalysisSettings withPrUpdates(UpdateSelection updates) {
        return new AnalysisSettings(sampleUnit, updates, pcaUpdates, includePrefix, includePad, padToken,
                trajectoryCounts, pcaComponents, pcaScope, backtrackStableSteps, seed);
    }

    /** @return a copy with another step selection for PCA */
    public AnalysisSettings withPcaUpdates(UpdateSelection updates) {
        return new AnalysisSettings(sampleUnit, prUpdates, updates, includePrefix, includePad, padToken,
                trajectoryCounts, pcaComponents, pcaScope, backtrackStableSteps, seed);
    }

    /** @return a copy with other trajectory counts for PR versus N */
    public AnalysisSettings withTrajectoryCounts(List<Integer> counts) {
        return new AnalysisSettings(sampleUnit, prUpdates, pcaUpdates, includePrefix, includePad, padToken, counts,
                pcaComponents, pcaScope, backtrackStableSteps, seed);
    }

    /** @return a one-line summary for figure subtitles */
    public String summary() {
        return "unit: " + sampleUnit.description() + "; PR steps: " + prUpdates.description() + "; PCA steps: "
                + pcaUpdates.description() + (includePrefix ? "; prefix kept" : "; prefix excluded")
                + (includePad ? "; PAD kept" : "; PAD excluded");
    }
}
