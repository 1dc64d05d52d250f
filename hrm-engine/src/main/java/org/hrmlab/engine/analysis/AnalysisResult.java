package org.hrmlab.engine.analysis;

import java.util.List;
import java.util.Map;

/**
 * Everything {@link TraceAnalysis} computes for a set of trajectories (and an optional control set).
 *
 * @param settings   the settings used
 * @param traces     the trajectories read, in input order
 * @param controls   the control trajectories read (possibly empty)
 * @param pr         participation ratios of the trajectories
 * @param controlPr  participation ratios of the control trajectories (untrained weights), or null
 * @param pca        PCA trajectories per latent
 * @param residuals  per trajectory, per latent forward residuals
 * @param decoding   per trajectory, decoded accuracy and Q-values
 */
public record AnalysisResult(AnalysisSettings settings, List<TraceInfo> traces, List<TraceInfo> controls,
        PrSummary pr, PrSummary controlPr, Map<Latent, PcaTrajectories> pca,
        List<Map<Latent, ResidualSeries>> residuals, List<DecodedProgress> decoding) {

    /** @return one display name per trajectory, in input order */
    public List<String> names() {
        return traces.stream().map(TraceInfo::name).toList();
    }

    /** @return the last step of each segment of the first trajectory */
    public int[] segmentEnds() {
        return traces.get(0).segmentEnds().clone();
    }
}
