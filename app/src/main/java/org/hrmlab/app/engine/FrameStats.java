package org.hrmlab.app.engine;


import org.hrmlab.viz.grid.HeatmapPixels;

/**
 * What is computed from a full frame on the engine thread, so that the FX thread only draws.
 *
 * @param prL participation ratio of zL over its per-position vectors (prefix excluded), NaN if unknown
 * @param prH the same for zH
 * @param samples how many position vectors went into each
 * @param zLPixels zL already colour-mapped
 * @param zHPixels zH already colour-mapped
 */
public record FrameStats(double prL, double prH, int samples, HeatmapPixels zLPixels, HeatmapPixels zHPixels) {
    /** Nothing computed. */
    public static final FrameStats NONE = new FrameStats(Double.NaN, Double.NaN, 0, HeatmapPixels.EMPTY,
            HeatmapPixels.EMPTY);

    /** Participation ratios of both states of {@code frame}, skipping {@code prefix} leading positions. */
    public static FrameStats of(LabFrame frame, int prefix) {
        if (!frame.hasStates()) {
            return NONE;
        }
        var l = ParticipationRatio.of(frame.zL(), prefix, ParticipationRatio.MAX_SAMPLES);
        var h = ParticipationRatio.of(frame.zH(), prefix, ParticipationRatio.MAX_SAMPLES);
        return new FrameStats(l.value(), h.value(), h.samples(), HeatmapPixels.of(frame.zL()),
                HeatmapPixels.of(frame.zH()));
    }
}
