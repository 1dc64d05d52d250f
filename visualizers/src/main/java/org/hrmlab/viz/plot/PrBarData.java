package org.hrmlab.viz.plot;

import java.util.List;

/**
 * Participation ratios of zL and zH, trained beside control (paper Fig. 8).
 *
 * @param bars     the bars (groups in order of first appearance)
 * @param estimate "naive" or "bias-corrected"
 * @param subtitle the settings
 */
public record PrBarData(List<PrBar> bars, String estimate, String subtitle) {
}
