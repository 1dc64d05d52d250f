package org.hrmlab.viz.fx;

import java.util.ArrayList;
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
 * plot, so moving it repaints one line, not the axes, labels and series.
 */
public final class SeriesPlot extends LayeredRegion {
    /** One line. Arrays are not copied: hand in fresh arrays and do not modify them afterwards. */
    public record Series(String name, Color color, double[] x, double[] y, boolean points) {
    }

    private static final double LEFT = 46;
    private static final double RIGHT = 18;
    private static final double TOP = 34;
    private static final double BOTTOM = 22;

    private List<Series> series = List.of();
    private double cursor = Double.NaN;
    private double[] markers = new double[0];
    private boolean logY;
    private String title = "";
    private GridTheme theme = GridTheme.LIGHT;
    private double xMin = Double.NaN;
    private double xMax = Double.NaN;
    private final ResizableCanvas body = new ResizableCanvas();
    private final ResizableCanvas cursorLayer = new ResizableCanvas();

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

    public void setSeries(List<Series> series) {
        this.series = List.copyOf(series);
        repaint();
    }

    public List<Series> getSeries() {
        return series;
    }

    /** The x of the vertical cursor line, NaN for none. */
    public void setCursor(double x) {
        if (Double.compare(x, cursor) != 0) {
            cursor = x;
            cursorLayer.repaint();
        }
    }

    public void setMarkers(double[] xs) {
        markers = xs.clone();
        repaint();
    }

    public void setLogY(boolean logY) {
        this.logY = logY;
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

    /** Fixes the x range; NaN bounds fit the data. */
    public void setXRange(double min, double max) {
        xMin = min;
        xMax = max;
        repaint();
    }

    /** The x and y data ranges {xMin, xMax, yMin, yMax}, the fixed x range applied; infinite when no data. */
    private double[] ranges() {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (var s : series) {
            for (int i = 0; i < Math.min(s.x().length, s.y().length); i++) {
                double y = s.y()[i];
                if (Double.isFinite(y) && (!logY || y > 0)) {
                    r[0] = Math.min(r[0], s.x()[i]);
                    r[1] = Math.max(r[1], s.x()[i]);
                    r[2] = Math.min(r[2], y);
                    r[3] = Math.max(r[3], y);
                }
            }
        }
        if (!Double.isNaN(xMin)) {
            r[0] = xMin;
        }
        if (!Double.isNaN(xMax)) {
            r[1] = xMax;
        }
        return r;
    }

    private static boolean hasData(double[] r) {
        return Double.isFinite(r[0]) && Double.isFinite(r[2]);
    }

    private void paint(GraphicsContext g, double w, double h) {
        double[] r = ranges();
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
        var sx = PlotScale.of(r[0], r[1], LEFT, w - RIGHT, false);
        var sy = PlotScale.of(r[2], r[3], h - BOTTOM, TOP, logY);
        drawAxes(g, sx, sy, w, h);
        g.setStroke(theme.gridLine());
        g.setLineWidth(1);
        for (double m : markers) {
            double px = Math.round(sx.toPixel(m)) + 0.5;
            g.strokeLine(px, TOP, px, h - BOTTOM);
        }
        for (var s : series) {
            drawSeries(g, s, sx, sy);
        }
        drawLegend(g, w);
    }

    private void paintCursor(GraphicsContext g, double w, double h) {
        double[] r = ranges();
        if (!hasData(r) || !Double.isFinite(cursor)) {
            return;
        }
        var sx = PlotScale.of(r[0], r[1], LEFT, w - RIGHT, false);
        double px = Math.round(sx.toPixel(cursor)) + 0.5;
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

    private void drawSeries(GraphicsContext g, Series s, PlotScale sx, PlotScale sy) {
        int n = Math.min(s.x().length, s.y().length);
        g.setStroke(s.color());
        g.setFill(s.color());
        g.setLineWidth(1.6);
        var xs = new ArrayList<double[]>();
        g.beginPath();
        boolean open = false;
        for (int i = 0; i < n; i++) {
            double py = sy.toPixel(s.y()[i]);
            if (!Double.isFinite(py)) {
                open = false;
                continue;
            }
            double px = sx.toPixel(s.x()[i]);
            if (open) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
                open = true;
            }
            if (s.points()) {
                xs.add(new double[] {px, py});
            }
        }
        g.stroke();
        for (double[] p : xs) {
            g.fillOval(p[0] - 2.5, p[1] - 2.5, 5, 5);
        }
    }

    private void drawLegend(GraphicsContext g, double w) {
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        double x = w - RIGHT;
        for (int i = series.size() - 1; i >= 0; i--) {
            var s = series.get(i);
            g.setFill(theme.givenText());
            g.fillText(s.name(), x, 17);
            x -= s.name().length() * 6.2 + 4;
            g.setFill(s.color());
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
