package org.hrmlab.viz.fx;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * A canvas that takes the size its parent gives it and repaints through a callback. Repaint requests are coalesced:
 * however many arrive while handling one event, the canvas is painted once, right after.
 */
public class ResizableCanvas extends Canvas {
    /** Paints the whole canvas. */
    @FunctionalInterface
    public interface Painter {
        void paint(GraphicsContext g, double width, double height);
    }

    private Painter painter = (g, w, h) -> { };
    private boolean scheduled;

    public ResizableCanvas() {
        widthProperty().addListener(o -> repaint());
        heightProperty().addListener(o -> repaint());
    }

    public void setPainter(Painter painter) {
        this.painter = painter;
        repaint();
    }

    /** Asks for a repaint; several requests in a row paint once. Call on the FX thread. */
    public void repaint() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        if (javafx.application.Platform.isFxApplicationThread()) {
            javafx.application.Platform.runLater(this::paintNow);
        } else {
            paintNow();
        }
    }

    /** Whether a full repaint has been asked for and not done yet. */
    public boolean isRepaintPending() {
        return scheduled;
    }

    /**
     * Draws {@code more} over what the canvas shows, without clearing: for content that only grows (new points of a
     * series, new marks). Does nothing while a full repaint is pending (it draws everything) or the canvas has no
     * size. Call on the FX thread.
     */
    public void paintOver(Painter more) {
        if (scheduled || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        more.paint(getGraphicsContext2D(), getWidth(), getHeight());
    }

    /** Clears and paints at once. Call on the FX thread (or before the canvas is shown). */
    public void paintNow() {
        scheduled = false;
        var g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (getWidth() > 0 && getHeight() > 0) {
            painter.paint(g, getWidth(), getHeight());
        }
    }

    @Override
    public boolean isResizable() {
        return true;
    }

    @Override
    public double prefWidth(double height) {
        return 200;
    }

    @Override
    public double prefHeight(double width) {
        return 150;
    }

    @Override
    public double minWidth(double height) {
        return 10;
    }

    @Override
    public double minHeight(double width) {
        return 10;
    }

    @Override
    public double maxWidth(double height) {
        return Double.MAX_VALUE;
    }

    @Override
    public double maxHeight(double width) {
        return Double.MAX_VALUE;
    }

    @Override
    public void resize(double width, double height) {
        setWidth(width);
        setHeight(height);
    }
}
