package org.hrmlab.viz.plot;

import java.util.List;

/**
 * Per-step decoded accuracy.
 *
 * @param series      token accuracy per step (x = update index, y in [0, 1]); one per trajectory or the mean
 * @param exact       fraction of trajectories exactly right per step (may be null)
 * @param segmentEnds update indices that end a segment, marked on the x axis
 * @param subtitle    the settings
 */
public record AccuracyPlotData(List<XySeriesData> series, XySeriesData exact, double[] segmentEnds,
        String subtitle) {
}
