package org.hrmlab.viz.plot;

import java.util.List;

/**
 * PR against the number of trajectories (paper Fig. 8 c/d).
 *
 * @param series   one series per latent and group, x = trajectories, y = PR
 * @param dashed   names of series drawn dashed (controls)
 * @param subtitle the settings
 */
public record PrCurveData(List<XySeriesData> series, List<String> dashed, String subtitle) {
}
