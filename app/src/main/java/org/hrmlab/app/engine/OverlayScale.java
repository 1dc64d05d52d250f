package org.hrmlab.app.engine;

import java.util.List;

/**
 * The top of the state-change colour scale of a run: the largest per-cell change seen so far, separately for
 * L-updates (zL) and H-updates (zH), whose changes differ in size. It only grows while a run records updates and
 * stays put once it halts, so colours keep their meaning while the cursor moves; {@link #including} costs the same at
 * every update, however long the run.
 *
 * @param maxL largest per-cell zL change at an L-update so far (0 before any)
 * @param maxH largest per-cell zH change at an H-update so far
 */
public record OverlayScale(float maxL, float maxH) {
    /** Before any update. */
    public static final OverlayScale NONE = new OverlayScale(0, 0);

    /** @return this scale widened by {@code frame}'s change */
    public OverlayScale including(LabFrame frame) {
        float m = frame.stateChange().max();
        return switch (frame.kind()) {
            case L -> m > maxL ? new OverlayScale(m, maxH) : this;
            case H -> m > maxH ? new OverlayScale(maxL, m) : this;
            case INIT -> this;
        };
    }

    /** @return the scale of a whole recorded run */
    public static OverlayScale of(List<LabFrame> timeline) {
        var scale = NONE;
        for (var frame : timeline) {
            scale = scale.including(frame);
        }
        return scale;
    }

    /** @return the top of the scale for frames of {@code kind} (0 for the initial state) */
    public float max(UpdateKind kind) {
        return switch (kind) {
            case L -> maxL;
            case H -> maxH;
            case INIT -> 0;
        };
    }
}
