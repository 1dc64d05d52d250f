package org.hrmlab.app.inspector;

import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.OverlayScale;
import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.viz.grid.HeatOverlay;

/**
 * The heat overlay of the board at one update, from values the engine thread already put in the frame: each cell's
 * state change (on the run's {@link OverlayScale}, so colours keep their meaning while the cursor moves) or the
 * probability of its decoded token (on 0..1). It covers the cells of the decoded grid: the board of a Sudoku or a
 * maze, the prediction of an ARC task. Pure, and its cost is that of one grid, whatever the timeline's length.
 */
public final class BoardOverlays {
    private BoardOverlays() {
    }

    /** The overlay of an HRM's frame (states named zL and zH). */
    public static HeatOverlay of(LabFrame frame, OverlayLayer layer, OverlayScale scale) {
        return of(frame, layer, scale, StateNames.HRM);
    }

    /**
     * @param names what the legend calls the states and updates (a TRM's z and y, latent and answer updates)
     * @return the overlay of {@code frame}: {@link HeatOverlay#NONE} for {@link OverlayLayer#NONE}; for the initial
     *         state, or a decode without cells, one with a title and no cells
     */
    public static HeatOverlay of(LabFrame frame, OverlayLayer layer, OverlayScale scale, StateNames names) {
        if (layer == OverlayLayer.NONE || frame == null) {
            return HeatOverlay.NONE;
        }
        var grid = frame.decoded();
        if (layer == OverlayLayer.STATE_CHANGE) {
            var change = frame.stateChange();
            if (frame.kind() == UpdateKind.INIT || change.isEmpty()) {
                return titleOnly("state change per cell", "initial state: no update yet");
            }
            boolean l = frame.kind() == UpdateKind.L;
            String state = l ? names.zLShort() : names.zHShort();
            String update = l ? names.lUpdate() : names.hUpdate();
            float top = Math.max(scale.max(frame.kind()), change.max());
            return new HeatOverlay(grid.rows(), grid.cols(), change.values(), top > 0 ? top : 1,
                    "\u2016\u0394" + state + "\u2016 per cell \u00b7 " + update,
                    "scale: 0 to the largest \u2016\u0394" + state + "\u2016 of this run's " + update + "s so far");
        }
        float[] p = frame.confidence();
        if (frame.kind() == UpdateKind.INIT || p.length == 0) {
            return titleOnly("p(decoded token) per cell", "initial state: no decode yet");
        }
        return new HeatOverlay(grid.rows(), grid.cols(), p, 1, "p(decoded token) per cell",
                "scale: softmax probability of each cell's argmax token, 0 to 1");
    }

    private static HeatOverlay titleOnly(String title, String note) {
        return new HeatOverlay(0, 0, new float[0], 1, title, note);
    }
}
