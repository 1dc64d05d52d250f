package org.hrmlab.viz.fx;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The part of a path up to a cursor, drawn over a chart of the whole path: a line through the points with a dot on
 * each, and the cursor's point ringed. The path is cut into chunks of {@value #CHUNK} points. Each chunk wholly behind
 * the cursor is drawn once, on a small canvas of its own, and is then only shown or hidden; the chunk the cursor is in
 * is drawn on one more canvas, appended to while the cursor moves forward and redrawn when it moves back. A cursor move
 * therefore draws at most one chunk (plus, once after {@link #setPoints}, the chunks it passes for the first time), and
 * its cost does not grow with the path. Mouse-transparent. FX thread only.
 */
public final class PathProgressLayer extends Pane {
    /** Points per chunk. */
    public static final int CHUNK = 128;
    private static final double RING = 12;

    private double[] px = new double[0];
    private double[] py = new double[0];
    private final List<Chunk> chunks = new ArrayList<>();
    private final Canvas partial = new Canvas(1, 1);
    private final Canvas ring = new Canvas(RING + 4, RING + 4);
    private Color colour = Color.BLACK;
    private Color ringColour = Color.BLACK;
    private double lineWidth = 2;
    private double dot = 3;
    private int cursor = -1;
    /** Whole chunks shown: 0 .. shown-1. */
    private int shown;
    /** The chunk on the partial canvas (-1: none) and its last point drawn. */
    private int partialChunk = -1;
    private int partialTo;
    private long pointsPainted;

    /** One chunk: points {@code first..last} and the line from the point before; its canvas holds all of them. */
    private final class Chunk {
        final int first;
        final int last;
        final double ox;
        final double oy;
        final double width;
        final double height;
        Canvas canvas;

        Chunk(int first, int last) {
            this.first = first;
            this.last = last;
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int i = Math.max(0, first - 1); i <= last; i++) {
                if (Double.isFinite(px[i]) && Double.isFinite(py[i])) {
                    minX = Math.min(minX, px[i]);
                    maxX = Math.max(maxX, px[i]);
                    minY = Math.min(minY, py[i]);
                    maxY = Math.max(maxY, py[i]);
                }
            }
            double pad = Math.max(lineWidth, dot) / 2 + 1;
            if (!Double.isFinite(minX)) {
                minX = maxX = minY = maxY = 0;
            }
            ox = minX - pad;
            oy = minY - pad;
            width = Math.ceil(maxX - minX + 2 * pad);
            height = Math.ceil(maxY - minY + 2 * pad);
        }

        /** Shows the whole chunk, drawing it the first time. */
        void show() {
            if (canvas == null) {
                canvas = new Canvas(width, height);
                canvas.relocate(ox, oy);
                getChildren().add(getChildren().indexOf(partial), canvas);
                draw(canvas.getGraphicsContext2D(), this, first - 1, last);
            }
            canvas.setVisible(true);
        }

        void hide() {
            if (canvas != null) {
                canvas.setVisible(false);
            }
        }
    }

    public PathProgressLayer() {
        setMouseTransparent(true);
        setPickOnBounds(false);
        for (var c : new Canvas[] {partial, ring}) {
            c.setVisible(false);
            c.setManaged(false);
        }
        getChildren().addAll(partial, ring);
        drawRing();
    }

    /** Colours and sizes: the path's line and dots, and the ring. Redraws. */
    public void setStyle(Color line, double lineWidth, double dotDiameter, Color ringColour) {
        this.colour = line;
        this.lineWidth = lineWidth;
        this.dot = dotDiameter;
        this.ringColour = ringColour;
        drawRing();
        setPoints(px, py);
    }

    /**
     * The path's points, in this layer's pixel coordinates (arrays not copied: hand in fresh ones). Drops what was
     * drawn and shows the path up to the cursor again.
     */
    public void setPoints(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values, " + y.length + " y values");
        }
        px = x;
        py = y;
        for (var c : chunks) {
            if (c != null && c.canvas != null) {
                getChildren().remove(c.canvas);
            }
        }
        chunks.clear();
        for (int first = 0; first < x.length; first += CHUNK) {
            chunks.add(null);
        }
        shown = 0;
        partialChunk = -1;
        partial.setVisible(false);
        int c = cursor;
        cursor = -1;
        setCursor(c);
    }

    /** Shows the path up to point {@code index} (clamped to the path; -1: nothing) and rings it. */
    public void setCursor(int index) {
        int c = Math.min(index, px.length - 1);
        if (c == cursor) {
            return;
        }
        cursor = c;
        int whole = c < 0 ? 0 : c / CHUNK;
        for (int j = shown - 1; j >= whole; j--) {
            chunks.get(j).hide();
        }
        for (int j = shown; j < whole; j++) {
            chunk(j).show();
        }
        shown = whole;
        if (c < 0) {
            partial.setVisible(false);
        } else {
            showPartial(chunk(whole), c);
        }
        moveRing();
    }

    /** @return the point the cursor is on, -1 for none */
    public int cursor() {
        return cursor;
    }

    /** @return points drawn so far (a diagnostic: a cursor move draws at most a chunk, once the path was shown) */
    public long pointsPainted() {
        return pointsPainted;
    }

    private Chunk chunk(int j) {
        var chunk = chunks.get(j);
        if (chunk == null) {
            chunk = new Chunk(j * CHUNK, Math.min(px.length, (j + 1) * CHUNK) - 1);
            chunks.set(j, chunk);
        }
        return chunk;
    }

    /** The cursor's chunk up to point {@code to}: appended to, or drawn afresh when it moved back or elsewhere. */
    private void showPartial(Chunk chunk, int to) {
        var g = partial.getGraphicsContext2D();
        if (partialChunk != chunk.first / CHUNK || to < partialTo) {
            if (partialChunk != chunk.first / CHUNK) {
                partial.setWidth(chunk.width);
                partial.setHeight(chunk.height);
                partial.relocate(chunk.ox, chunk.oy);
                partialChunk = chunk.first / CHUNK;
            }
            g.clearRect(0, 0, partial.getWidth(), partial.getHeight());
            partialTo = chunk.first - 1;
        }
        if (to > partialTo) {
            draw(g, chunk, partialTo, to);
            partialTo = to;
        }
        partial.setVisible(true);
    }

    /**
     * Draws the line of {@code chunk} from point {@code from} (before the chunk: from the point before it) to
     * {@code to}, and the dots from {@code from} on (the dot at {@code from} again, so the new line does not cover it).
     */
    private void draw(GraphicsContext g, Chunk chunk, int from, int to) {
        int start = Math.max(0, from >= chunk.first ? from : chunk.first - 1);
        g.setStroke(colour);
        g.setFill(colour);
        g.setLineWidth(lineWidth);
        g.beginPath();
        boolean open = false;
        for (int i = start; i <= to; i++) {
            if (!Double.isFinite(px[i]) || !Double.isFinite(py[i])) {
                open = false;
                continue;
            }
            if (open) {
                g.lineTo(px[i] - chunk.ox, py[i] - chunk.oy);
            } else {
                g.moveTo(px[i] - chunk.ox, py[i] - chunk.oy);
                open = true;
            }
        }
        g.stroke();
        for (int i = Math.max(chunk.first, from); i <= to; i++) {
            if (Double.isFinite(px[i]) && Double.isFinite(py[i])) {
                g.fillOval(px[i] - chunk.ox - dot / 2, py[i] - chunk.oy - dot / 2, dot, dot);
            }
        }
        pointsPainted += to - start + 1;
    }

    private void moveRing() {
        if (cursor < 0 || !Double.isFinite(px[cursor]) || !Double.isFinite(py[cursor])) {
            ring.setVisible(false);
            return;
        }
        ring.relocate(px[cursor] - RING / 2 - 2, py[cursor] - RING / 2 - 2);
        ring.setVisible(true);
    }

    private void drawRing() {
        var g = ring.getGraphicsContext2D();
        g.clearRect(0, 0, ring.getWidth(), ring.getHeight());
        g.setStroke(ringColour);
        g.setLineWidth(2);
        g.strokeOval(2, 2, RING, RING);
    }
}
