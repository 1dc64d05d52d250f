package org.hrmlab.viz.plot;

/**
 * One model in a comparison of models (HRM beside TRM, or two checkpoints of one run): its participation ratios and
 * its forward residuals per ACT segment.
 *
 * @param name         what the figure calls the model
 * @param highState    the name of its slow / answer state, e.g. "zH" (HRM) or "y" (TRM)
 * @param lowState     the name of its fast / latent state, e.g. "zL" (HRM) or "z" (TRM)
 * @param prHigh       PR of the high-level state, trained
 * @param prLow        PR of the low-level state, trained
 * @param controlHigh  PR of the high-level state with untrained weights, NaN when no control was recorded
 * @param controlLow   PR of the low-level state with untrained weights, NaN when no control was recorded
 * @param segments     segment numbers (1-based), one per residual value
 * @param residualHigh mean relative forward residual of the high-level state within each segment
 * @param residualLow  mean relative forward residual of the low-level state within each segment
 */
public record ComparedModel(String name, String highState, String lowState, double prHigh, double prLow,
        double controlHigh, double controlLow, double[] segments, double[] residualHigh, double[] residualLow) {

    /** @return PR(high) / PR(low) of the trained model (the paper's hierarchy ratio) */
    public double ratio() {
        return prHigh / prLow;
    }

    /** @return whether untrained-control ratios are present */
    public boolean hasControl() {
        return !Double.isNaN(controlHigh) && !Double.isNaN(controlLow);
    }
}
