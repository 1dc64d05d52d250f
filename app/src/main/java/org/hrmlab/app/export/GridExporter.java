package org.hrmlab.app.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.Executor;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;

import org.hrmlab.app.inspector.BoardCanvas;
import org.hrmlab.app.inspector.BoardSnapshot;
import org.hrmlab.app.shell.Notices;
import org.hrmlab.viz.grid.GridTheme;
import org.hrmlab.viz.grid.HeatOverlay;

/**
 * Renders boards off screen at a chosen DPI and writes PNGs on a background executor. Drawing happens on the FX
 * thread. Animations (GIF or PNG sequence) are {@link AnimationExporter}'s.
 */
public final class GridExporter {
    /** Logical size of an exported board, in points (1/96 inch at 96 DPI). */
    public static final double WIDTH = 600;
    public static final double HEIGHT = 600;

    private final Executor io;
    private final Notices notices;

    public GridExporter(Executor io, Notices notices) {
        this.io = io;
        this.notices = notices;
    }

    /** Draws {@code board} at {@code dpi} (96 = one pixel per point). FX thread. */
    public static BufferedImage render(BoardSnapshot board, GridTheme theme, double width, double height, double dpi) {
        return render(board, HeatOverlay.NONE, theme, width, height, dpi);
    }

    /** Draws {@code board} with {@code overlay} and its legend, as the inspector shows them, at {@code dpi}. FX. */
    public static BufferedImage render(BoardSnapshot board, HeatOverlay overlay, GridTheme theme, double width,
                                       double height, double dpi) {
        double scale = dpi / 96.0;
        var canvas = new Canvas(Math.round(width * scale), Math.round(height * scale));
        var g = canvas.getGraphicsContext2D();
        g.save();
        g.scale(scale, scale);
        BoardCanvas.paint(g, width, height, board, overlay, theme);
        g.restore();
        var image = canvas.snapshot(null, null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    /** Exports one board as a PNG at {@code dpi}. FX thread; the file is written in the background. */
    public void exportPng(BoardSnapshot board, GridTheme theme, Path file, double dpi) {
        var image = render(board, theme, WIDTH, HEIGHT, dpi);
        io.execute(() -> {
            try {
                PngWriter.write(image, file, dpi);
                javafx.application.Platform.runLater(() -> notices.info("Wrote " + file));
            } catch (java.io.IOException | RuntimeException e) {
                javafx.application.Platform.runLater(() -> notices.error(file + ": " + e.getMessage()));
            }
        });
    }
}
