package org.hrmlab.viz.plot;

import java.util.List;

/**
 * Trajectories projected on two principal components.
 *
 * @param title        e.g. "zH PCA trajectories"
 * @param xLabel       e.g. "PC1 (23.4 %)"
 * @param yLabel       e.g. "PC2 (11.0 %)"
 * @param trajectories one series per puzzle (x = PC1, y = PC2), in step order
 * @param subtitle     the fit's label and settings (pooled or per-trajectory)
 */
public record PcaPlotData(String title, String xLabel, String yLabel, List<XySeriesData> trajectories,
        String subtitle) {
}
