package org.hrmlab.app.export;

import java.util.Objects;

import org.hrmlab.app.inspector.OverlayLayer;
import org.hrmlab.viz.grid.GridTheme;

/**
 * How to export an animation.
 *
 * @param fps frames per second of a GIF (recorded in the manifest for a PNG sequence too)
 * @param dpi resolution of each frame; a frame is {@link GridExporter#WIDTH} points wide, 96 DPI = one pixel a point
 * @param overlay the heat overlay drawn on every board ({@link OverlayLayer#NONE} for none), on the whole run's scale
 */
public record AnimationSettings(AnimationFormat format, FrameSelection frames, double fps, double dpi,
                                GridTheme theme, OverlayLayer overlay) {
    /** The lowest and highest resolution offered. */
    public static final double MIN_DPI = 24;
    public static final double MAX_DPI = 600;

    public AnimationSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(overlay, "overlay");
        GifAnimationWriter.delayCentiseconds(fps);
        if (!(dpi >= MIN_DPI && dpi <= MAX_DPI)) {
            throw new IllegalArgumentException("dpi must be in [" + (int) MIN_DPI + ", " + (int) MAX_DPI + "], got "
                    + dpi);
        }
    }

    /** Settings without an overlay. */
    public AnimationSettings(AnimationFormat format, FrameSelection frames, double fps, double dpi, GridTheme theme) {
        this(format, frames, fps, dpi, theme, OverlayLayer.NONE);
    }
}
