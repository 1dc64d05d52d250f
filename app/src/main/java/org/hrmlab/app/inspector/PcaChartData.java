package org.hrmlab.app.inspector;

import java.util.Locale;

import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.engine.TrajectoryPca;
import org.hrmlab.viz.color.SeriesPalette;
import org.hrmlab.viz.plot.TrajectoryPlotData;

/** Turns one latent of a {@link TrajectoryPca} into the data of a trajectory chart (screen and export alike). */
public final class PcaChartData {
    /** The latents the panel can show, in toggle order. */
    public static final String[] LATENTS = {"zH", "zL"};

    private PcaChartData() {
    }

    /**
     * @param pca    a fitted result ({@link TrajectoryPca#fitted()})
     * @param latent {@code "zL"} or {@code "zH"}
     */
    public static TrajectoryPlotData of(TrajectoryPca pca, String latent) {
        return of(pca, latent, StateNames.HRM);
    }

    /** As {@link #of(TrajectoryPca, String)}, the title naming the state as the loaded model does. */
    public static TrajectoryPlotData of(TrajectoryPca pca, String latent, StateNames names) {
        TrajectoryPca.Projection p = pca.projection(latent);
        if (p == null) {
            throw new IllegalArgumentException("no fit yet");
        }
        double[] ratio = p.ratio();
        return new TrajectoryPlotData(names.name(latent) + " trajectory, PCA (axes: % of variance explained)",
                axisLabel(1, ratio[0]), axisLabel(2, ratio[1]), p.pc1(), p.pc2(), pca.segmentEnds(),
                "zL".equals(latent) ? SeriesPalette.Z_L : SeriesPalette.Z_H, pca.fitLabel());
    }

    /** @return e.g. "PC1 (62.3 %)": the component and the share of the variance it explains */
    public static String axisLabel(int component, double ratio) {
        return String.format(Locale.ROOT, "PC%d (%.1f %%)", component, 100 * ratio);
    }

    /** @return a one-line caption: explained variance of both latents and what was fitted */
    public static String caption(TrajectoryPca pca) {
        return caption(pca, StateNames.HRM);
    }

    /** As {@link #caption(TrajectoryPca)}, in the loaded model's names of its states. */
    public static String caption(TrajectoryPca pca, StateNames names) {
        if (!pca.fitted()) {
            return String.format(Locale.ROOT, "PCA needs %d updates after the initial state; %d recorded so far",
                    TrajectoryPca.MIN_SAMPLES, pca.samples());
        }
        double[] h = pca.zH().ratio();
        double[] l = pca.zL().ratio();
        return String.format(Locale.ROOT, "variance on PC1 / PC2: %s %.1f / %.1f %%, %s %.1f / %.1f %%%n"
                + "fit: this run, N = %d updates (%s), mean-pooled", names.zHShort(), 100 * h[0], 100 * h[1],
                names.zLShort(), 100 * l[0], 100 * l[1], pca.samples(),
                names == StateNames.HRM ? "L and H" : "latent and answer");
    }
}
