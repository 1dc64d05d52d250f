package org.hrmlab.viz.grid;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.hrmlab.viz.color.Viridis;

/**
 * Paints a {@link HeatOverlay}: each cell filled semi-transparently with its {@link Viridis} colour over the board
 * beneath, and a legend strip (what the values are, the colour bar from 0 to the top of the scale, how the scale was
 * chosen).
 */
public final class HeatOverlayRenderer {
    /** Opacity of a cell's colour over the board. */
    public static final double ALPHA = 0.6;
    /** Height of the legend strip, in pixels. */
    public static final double LEGEND_HEIGHT = 58;
    private static final int BAR_STEPS = 64;

    private HeatOverlayRenderer() {
    }

    /** @return the colour of cell {@code i} with {@link #ALPHA} as packed ARGB, or 0 (transparent) for NaN. Pure. */
    public static int argb(HeatOverlay overlay, int i) {
        double t = overlay.fraction(i);
        if (Double.isNaN(t)) {
            return 0;
        }
        return (int) Math.round(ALPHA * 255) << 24 | Viridis.argb(t) & 0xffffff;
    }

    /** @return the top of the scale as the legend writes it (three significant digits). Pure. */
    public static String label(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e6) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /** Fills the cells of {@code geometry} (the overlay's rows and columns). Call on the FX thread. */
    public static void drawCells(GraphicsContext g, GridGeometry geometry, HeatOverlay overlay) {
        if (overlay.isEmpty() || geometry.rows() != overlay.rows() || geometry.cols() != overlay.cols()) {
            return;
        }
        double cell = geometry.cell();
        for (int i = 0; i < overlay.rows() * overlay.cols(); i++) {
            int argb = argb(overlay, i);
            if (argb == 0) {
                continue;
            }
            g.setFill(Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff, (argb >>> 24) / 255.0));
            g.fillRect(geometry.x(i % overlay.cols()), geometry.y(i / overlay.cols()), cell, cell);
        }
    }

    /**
     * Draws the legend into the strip at ({@code x}, {@code y}) of width {@code width} and height
     * {@link #LEGEND_HEIGHT}: the title, the colour bar from 0 to the top of the scale, and below it how the scale was
     * chosen. Without cells (the initial state) only the title and the note.
     */
    public static void drawLegend(GraphicsContext g, double x, double y, double width, HeatOverlay overlay,
                                  GridTheme theme) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(theme.givenText());
        g.setFont(Font.font("System", FontWeight.BOLD, 11));
        g.fillText(overlay.title(), x, y + 2);
        double barY = y + 18;
        if (!overlay.isEmpty()) {
            double barW = Math.max(40, Math.min(width * 0.6, 280));
            double step = barW / BAR_STEPS;
            for (int k = 0; k < BAR_STEPS; k++) {
                int rgb = Viridis.argb((k + 0.5) / BAR_STEPS);
                g.setFill(Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff));
                g.fillRect(x + k * step, barY, Math.ceil(step), 10);
            }
            g.setStroke(theme.gridLine());
            g.setLineWidth(1);
            g.strokeRect(x, barY, barW, 10);
            g.setFill(theme.givenText());
            g.setFont(Font.font("System", 10));
            g.fillText("0", x, barY + 12);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(label(overlay.max()), x + barW, barY + 12);
            g.setTextAlign(TextAlignment.LEFT);
        }
        g.setFill(theme.text());
        g.setFont(Font.font("System", 10));
        g.fillText(overlay.scaleNote(), x, overlay.isEmpty() ? barY : barY + 26);
    }
}
