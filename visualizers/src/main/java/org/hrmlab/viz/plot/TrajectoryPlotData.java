package org.hrmlab.viz.plot;

import java.awt.Color;

/**
 * One latent trajectory projected on two principal components, one point per recorded update, for a chart with a
 * time cursor. Arrays are not copied: hand in fresh arrays and do not modify them afterwards.
 *
 * @param title       e.g. "zH on its first two principal components"
 * @param xLabel      e.g. "PC1 (62.3 %)"
 * @param yLabel      e.g. "PC2 (21.0 %)"
 * @param x           PC1 coordinate of every update, index = update index
 * @param y           PC2 coordinate of every update, same length
 * @param segmentEnds the update indices that end an ACT segment, ascending
 * @param colour      the module's colour
 * @param subtitle    what was fitted (sample unit, N, fit scope)
 */
public record TrajectoryPlotData(String title, String xLabel, String yLabel, double[] x, double[] y,
        int[] segmentEnds, Color colour, String subtitle) {
    /** Checks the lengths and the segment-end indices. */
    public TrajectoryPlotData {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y lengths differ: " + x.length + " vs " + y.length);
        }
        for (int end : segmentEnds) {
            if (end < 0 || end >= x.length) {
                throw new IllegalArgumentException("segment end " + end + " outside 0.." + (x.length - 1));
            }
        }
    }

    /** @return the number of points */
    public int size() {
        return x.length;
    }
}
