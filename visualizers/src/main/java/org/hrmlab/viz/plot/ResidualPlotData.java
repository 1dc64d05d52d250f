package org.hrmlab.viz.plot;

import java.util.List;

/**
 * Forward residuals against the global update index (paper Fig. 3).
 *
 * @param zL       zL series (usually one: the mean over trajectories, or one per trajectory)
 * @param zH       zH series
 * @param yLabel   e.g. "relative residual ||z_i − z_{i−1}|| / ||z_{i−1}||" or "||z_i||"
 * @param logScale whether the y axis is logarithmic
 * @param subtitle the settings, shown under the title
 */
public record ResidualPlotData(List<XySeriesData> zL, List<XySeriesData> zH, String yLabel, boolean logScale,
        String subtitle) {
}
