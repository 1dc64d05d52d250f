package org.hrmlab.viz.plot;

/**
 * One named line of points.
 *
 * @param name the legend entry
 * @param x    x values
 * @param y    y values, same length (NaN leaves a gap)
 */
public record XySeriesData(String name, double[] x, double[] y) {
    /** Checks the lengths. */
    public XySeriesData {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y lengths differ: " + x.length + " vs " + y.length);
        }
    }
}
