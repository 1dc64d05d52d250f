package org.hrmlab.viz.fx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.hrmlab.viz.grid.GridTheme;

/**
 * A light, fast line plot on a canvas for live data: several series, a vertical time cursor, faint vertical marker
 * lines and an optional log y axis. NaN y values leave gaps. The cursor lives on its own transparent canvas over the
 * plot, so moving it repaints one line, not the axes, labels and series. Live data can be appended
 * ({@link #appendPoints}, {@link #appendMarkers}): while the axes stay as they are (a fixed x range, and
 * {@link #setNiceYRange round y bounds} that new points rarely cross) only the new points are drawn, so an append
 * costs in proportion to what it adds, not to what the plot holds.
 */
public final class SeriesPlot extends LayeredRegion {
    /** One line. Arrays are not copied: hand in fresh arrays and do not modify them afterwards. */
    public record Series(String name, Color color, double[] x, double[] y, boolean points) {
    }

    private static final double LEFT = 46;
    private static final double RIGHT = 18;
    private static final double TOP = 34;
    private static final double BOTTOM = 22;

    private final List<Line> lines = new ArrayList<>();
    private final Values markers = new Values();
    /** Data bounds {xMin, xMax, yMin, yMax} of every drawable point; infinite when none. */
    private final double[] data = emptyBounds();
    private double cursor = Double.NaN;
    private boolean logY;
    private boolean niceY;
    private String title = "";
    private GridTheme theme = GridTheme.LIGHT;
    private double xMin = Double.NaN;
    private double xMax = Double.NaN;
    private long fullPaints;
    private long pointsPainted;
    private final ResizableCanvas body = new ResizableCanvas();
    private final ResizableCanvas cursorLayer = new ResizableCanvas();

    /** A series as the plot holds it: growable copies of its points. */
    private static final class Line {
        final String name;
        final Color color;
        final boolean points;
        final Values xs = new Values();
        final Values ys = new Values();

        Line(String name, Color color, boolean points) {
            this.name = name;
            this.color = color;
            this.points = points;
        }
    }

    /** A growable array of doubles. */
    private static final class Values {
        double[] v = new double[16];
        int size;

        void add(double x) {
            if (size == v.length) {
                v = Arrays.copyOf(v, size * 2);
            }
            v[size++] = x;
        }

        void clear() {
            size = 0;
        }

        double[] toArray() {
            return Arrays.copyOf(v, size);
        }
    }

    public SeriesPlot() {
        super(200, 150);
        getStyleClass().add("series-plot");
        cursorLayer.setMouseTransparent(true);
        addLayers(body, cursorLayer);
        body.setPainter(this::paint);
        cursorLayer.setPainter(this::paintCursor);
    }

    private void repaint() {
        body.repaint();
        cursorLayer.repaint();
    }

    /** Replaces every series and redraws. */
    public void setSeries(List<Series> series) {
        lines.clear();
        for (var s : series) {
            var line = new Line(s.name(), s.color(), s.points());
            int n = Math.min(s.x().length, s.y().length);
            for (int i = 0; i < n; i++) {
                line.xs.add(s.x()[i]);
                line.ys.add(s.y()[i]);
            }
            lines.add(line);
        }
        recomputeBounds();
        repaint();
    }

    /** The series shown (copies of their points). */
    public List<Series> getSeries() {
        return lines.stream().map(l -> new Series(l.name, l.color, l.xs.toArray(), l.ys.toArray(), l.points))
                .toList();
    }

    /**
     * Appends points to series {@code index} (in {@link #setSeries}'s order). Draws only them when the axes do not
     * change; a full redraw when they do (a point outside the fixed x range or the y bounds).
     */
    public void appendPoints(int index, double[] x, double[] y) {
        var line = lines.get(index);
        int n = Math.min(x.length, y.length);
        if (n == 0) {
            return;
        }
        double[] before = axes();
        int from = line.xs.size;
        for (int i = 0; i < n; i++) {
            line.xs.add(x[i]);
            line.ys.add(y[i]);
            include(x[i], y[i]);
        }
        if (!Arrays.equals(before, axes()) || !hasData(before)) {
            repaint();
            return;
        }
        body.paintOver((g, w, h) -> {
            var sx = xScale(before, w);
            var sy = yScale(before, h);
            drawSeries(g, line, Math.max(0, from - 1), sx, sy);
        });
    }

    /** Appends vertical marker lines; draws only them unless a full redraw is pending. */
    public void appendMarkers(double... xs) {
        if (xs.length == 0) {
            return;
        }
        for (double m : xs) {
            markers.add(m);
        }
        double[] r = axes();
        if (!hasData(r)) {
            return;
        }
        body.paintOver((g, w, h) -> {
            var sx = xScale(r, w);
            g.setStroke(theme.gridLine());
            g.setLineWidth(1);
            for (double m : xs) {
                double px = Math.round(sx.toPixel(m)) + 0.5;
                g.strokeLine(px, TOP, px, h - BOTTOM);
            }
        });
    }

    /** The x of the vertical cursor line, NaN for none. */
    public void setCursor(double x) {
        if (Double.compare(x, cursor) != 0) {
            cursor = x;
            cursorLayer.repaint();
        }
    }

    public void setMarkers(double[] xs) {
        markers.clear();
        for (double m : xs) {
            markers.add(m);
        }
        repaint();
    }

    public void setLogY(boolean logY) {
        this.logY = logY;
        recomputeBounds();
        repaint();
    }

    /**
     * Rounds the y axis out to round bounds (whole decades on a log axis; multiples of a 1-2-5 step of the data's
     * magnitude otherwise), so that appended points seldom change it. Off by default: the axis fits the data.
     */
    public void setNiceYRange(boolean nice) {
        this.niceY = nice;
        repaint();
    }

    public void setTitle(String title) {
        this.title = title;
        repaint();
    }

    public void setTheme(GridTheme theme) {
        this.theme = theme;
        repaint();
    }

    /** Fixes the x range; NaN bounds fit the data. Redraws when it changes. */
    public void setXRange(double min, double max) {
        if (Double.compare(min, xMin) == 0 && Double.compare(max, xMax) == 0) {
            return;
        }
        xMin = min;
        xMax = max;
        repaint();
    }

    /** Full redraws of the plot body so far (a diagnostic: appends that keep the axes draw only their points). */
    public long fullPaints() {
        return fullPaints;
    }

    /** Points drawn so far, by full redraws and appends together (a diagnostic). */
    public long pointsPainted() {
        return pointsPainted;
    }

    private static double[] emptyBounds() {
        return new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
    }

    private void recomputeBounds() {
        System.arraycopy(emptyBounds(), 0, data, 0, 4);
        for (var l : lines) {
            for (int i = 0; i < l.xs.size; i++) {
                include(l.xs.v[i], l.ys.v[i]);
            }
        }
    }

    private void include(double x, double y) {
        if (Double.isFinite(y) && (!logY || y > 0)) {
            data[0] = Math.min(data[0], x);
            data[1] = Math.max(data[1], x);
            data[2] = Math.min(data[2], y);
            data[3] = Math.max(data[3], y);
        }
    }

    /** The axis bounds {xMin, xMax, yMin, yMax}: the data's, the fixed x range and nice y bounds applied. */
    private double[] axes() {
        double[] r = data.clone();
        if (!Double.isNaN(xMin)) {
            r[0] = xMin;
        }
        if (!Double.isNaN(xMax)) {
            r[1] = xMax;
        }
        if (niceY && Double.isFinite(r[2])) {
            if (logY) {
                r[2] = Math.pow(10, Math.floor(Math.log10(r[2])));
                r[3] = Math.pow(10, Math.ceil(Math.log10(r[3])));
            } else {
                double step = PlotScale.niceStep(Math.max(Math.abs(r[2]), Math.abs(r[3])));
                r[2] = Math.floor(r[2] / step) * step;
                r[3] = Math.ceil(r[3] / step) * step;
            }
        }
        return r;
    }

    private static boolean hasData(double[] r) {
        return Double.isFinite(r[0]) && Double.isFinite(r[2]);
    }

    private static PlotScale xScale(double[] r, double w) {
        return PlotScale.of(r[0], r[1], LEFT, w - RIGHT, false);
    }

    private PlotScale yScale(double[] r, double h) {
        return PlotScale.of(r[2], r[3], h - BOTTOM, TOP, logY);
    }

    private void paint(GraphicsContext g, double w, double h) {
        fullPaints++;
        double[] r = axes();
        g.setFont(Font.font("System", 11));
        g.setFill(theme.givenText());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, LEFT, 3);
        if (!hasData(r)) {
            g.setFill(theme.gridLine());
            g.fillText("no data yet", LEFT, TOP + 6);
            return;
        }
        var sx = xScale(r, w);
        var sy = yScale(r, h);
        drawAxes(g, sx, sy, w, h);
        g.setStroke(theme.gridLine());
        g.setLineWidth(1);
        for (int i = 0; i < markers.size; i++) {
            double px = Math.round(sx.toPixel(markers.v[i])) + 0.5;
            g.strokeLine(px, TOP, px, h - BOTTOM);
        }
        for (var l : lines) {
            drawSeries(g, l, 0, sx, sy);
        }
        drawLegend(g, w);
    }

    private void paintCursor(GraphicsContext g, double w, double h) {
        double[] r = axes();
        if (!hasData(r) || !Double.isFinite(cursor)) {
            return;
        }
        double px = Math.round(xScale(r, w).toPixel(cursor)) + 0.5;
        g.setStroke(theme.conflict());
        g.setLineWidth(1.5);
        g.strokeLine(px, TOP, px, h - BOTTOM);
    }

    private void drawAxes(GraphicsContext g, PlotScale sx, PlotScale sy, double w, double h) {
        g.setStroke(theme.gridLine());
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, w - LEFT - RIGHT, h - TOP - BOTTOM);
        g.setFill(theme.givenText().deriveColor(0, 1, 1, 0.75));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : sy.ticks(4)) {
            double py = Math.round(sy.toPixel(t)) + 0.5;
            g.fillText(PlotScale.label(t), LEFT - 4, py);
            g.strokeLine(LEFT, py, LEFT + 4, py);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : sx.ticks(Math.max(2, (int) (w / 80)))) {
            double px = Math.round(sx.toPixel(t)) + 0.5;
            g.fillText(PlotScale.label(t), px, h - BOTTOM + 3);
            g.strokeLine(px, h - BOTTOM, px, h - BOTTOM - 4);
        }
    }

    /**
     * Draws the line through points {@code from..} of {@code l} and their dots (the dot at {@code from} again, so a
     * new segment does not cover it).
     */
    private void drawSeries(GraphicsContext g, Line l, int from, PlotScale sx, PlotScale sy) {
        int n = l.xs.size;
        g.setStroke(l.color);
        g.setFill(l.color);
        g.setLineWidth(1.6);
        g.beginPath();
        boolean open = false;
        for (int i = from; i < n; i++) {
            double py = sy.toPixel(l.ys.v[i]);
            if (!Double.isFinite(py)) {
                open = false;
                continue;
            }
            double px = sx.toPixel(l.xs.v[i]);
            if (open) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
                open = true;
            }
        }
        g.stroke();
        if (l.points) {
            for (int i = from; i < n; i++) {
                double py = sy.toPixel(l.ys.v[i]);
                if (Double.isFinite(py)) {
                    g.fillOval(sx.toPixel(l.xs.v[i]) - 2.5, py - 2.5, 5, 5);
                }
            }
        }
        pointsPainted += n - from;
    }

    private void drawLegend(GraphicsContext g, double w) {
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        double x = w - RIGHT;
        for (int i = lines.size() - 1; i >= 0; i--) {
            var l = lines.get(i);
            g.setFill(theme.givenText());
            g.fillText(l.name, x, 17);
            x -= l.name.length() * 6.2 + 4;
            g.setFill(l.color);
            g.fillRect(x - 12, 22, 12, 3);
            x -= 20;
        }
    }

    /** A colour for the {@code k}-th series. */
    public static Color seriesColor(int k) {
        Color[] palette = {Color.web("#2f81f7"), Color.web("#f0883e"), Color.web("#3fb950"), Color.web("#bc8cff"),
            Color.web("#db61a2")};
        return palette[Math.floorMod(k, palette.length)];
    }
}
