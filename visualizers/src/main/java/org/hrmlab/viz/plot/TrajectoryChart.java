package org.hrmlab.viz.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import org.hrmlab.viz.color.SeriesPalette;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDrawableAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A chart of one projected trajectory with a time cursor: the whole path faint, the path up to the cursor strong,
 * segment ends as squares, the start as a triangle and the cursor's point ringed. The axes cover the whole path, so
 * they stay put while the cursor moves; {@link #setCursor} changes one series and one annotation and redraws once.
 * The same chart draws on screen (in a ChartViewer) and into exported figures. Not thread-safe: use it on one thread.
 */
public final class TrajectoryChart {
    private static final Font LABEL = new Font("SansSerif", Font.PLAIN, 10);
    private static final int PATH = 0;
    private static final int TO_CURSOR = 1;
    private static final int SEGMENT_ENDS = 2;
    private static final int START = 3;

    private final TrajectoryPlotData data;
    private final JFreeChart chart;
    private final XYSeries toCursor = new XYSeries("up to the cursor", false, true);
    private int cursor = -1;
    private Color ringColour = Color.BLACK;
    private CursorRing ring;

    /** Builds the chart with the cursor on the last point. */
    public TrajectoryChart(TrajectoryPlotData data) {
        this.data = data;
        var path = new XYSeries("whole run", false, true);
        var ends = new XYSeries("segment end", false, true);
        var start = new XYSeries("start", false, true);
        for (int i = 0; i < data.size(); i++) {
            path.add(data.x()[i], data.y()[i], false);
        }
        for (int end : data.segmentEnds()) {
            ends.add(data.x()[end], data.y()[end], false);
        }
        if (data.size() > 0) {
            start.add(data.x()[0], data.y()[0], false);
        }
        var dataset = new XYSeriesCollection();
        dataset.addSeries(path);
        dataset.addSeries(toCursor);
        dataset.addSeries(ends);
        dataset.addSeries(start);
        var xAxis = new NumberAxis(data.xLabel());
        var yAxis = new NumberAxis(data.yLabel());
        for (NumberAxis axis : new NumberAxis[] {xAxis, yAxis}) {
            axis.setAutoRangeIncludesZero(false);
            axis.setLabelFont(LABEL);
            axis.setTickLabelFont(LABEL);
            axis.setLowerMargin(0.06);
            axis.setUpperMargin(0.06);
        }
        var plot = new XYPlot(dataset, xAxis, yAxis, renderer(data.colour()));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        chart = new JFreeChart(data.title(), new Font("SansSerif", Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        if (data.subtitle() != null && !data.subtitle().isBlank()) {
            chart.addSubtitle(new TextTitle(data.subtitle(), new Font("SansSerif", Font.PLAIN, 9)));
        }
        setCursor(data.size() - 1);
    }

    /** @return the chart; draw it, do not change its data */
    public JFreeChart chart() {
        return chart;
    }

    /** @return the data behind the chart */
    public TrajectoryPlotData data() {
        return data;
    }

    /** @return the update index the cursor is on, -1 when the trajectory is empty */
    public int cursor() {
        return cursor;
    }

    /** @return the number of points drawn strong (the path up to and including the cursor) */
    public int strongPoints() {
        return toCursor.getItemCount();
    }

    /**
     * Moves the cursor to update {@code index} (clamped to the trajectory); redraws once, and not at all when it
     * is already there.
     */
    public void setCursor(int index) {
        int c = Math.min(index, data.size() - 1);
        if (c == cursor) {
            return;
        }
        cursor = c;
        chart.setNotify(false);
        try {
            toCursor.clear();
            for (int i = 0; i <= c; i++) {
                toCursor.add(data.x()[i], data.y()[i], false);
            }
            toCursor.fireSeriesChanged();
            moveRing();
        } finally {
            chart.setNotify(true);
        }
    }

    /** @return the ring on the cursor's point, or null when the trajectory is empty */
    public CursorRing ring() {
        return ring;
    }

    /**
     * Screen style: no title, subtitle or legend (the panel shows them); the theme's colours for the background, the
     * plot area, grid lines, text and the cursor ring.
     */
    public void useCompactStyle(Color background, Color plotArea, Color gridLines, Color text) {
        chart.setNotify(false);
        try {
            chart.setTitle((TextTitle) null);
            chart.clearSubtitles();
            chart.removeLegend();
            chart.setBackgroundPaint(background);
            var plot = chart.getXYPlot();
            plot.setBackgroundPaint(plotArea);
            plot.setDomainGridlinePaint(gridLines);
            plot.setRangeGridlinePaint(gridLines);
            plot.setOutlinePaint(gridLines);
            for (var axis : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
                axis.setLabelPaint(text);
                axis.setTickLabelPaint(text);
                axis.setAxisLinePaint(gridLines);
                axis.setTickMarkPaint(gridLines);
            }
            ((XYLineAndShapeRenderer) plot.getRenderer()).setSeriesPaint(START, text);
            ringColour = text;
            moveRing();
        } finally {
            chart.setNotify(true);
        }
    }

    private void moveRing() {
        XYPlot plot = chart.getXYPlot();
        if (ring != null) {
            plot.removeAnnotation(ring, false);
            ring = null;
        }
        if (cursor >= 0) {
            ring = new CursorRing(data.x()[cursor], data.y()[cursor], ringColour);
            plot.addAnnotation(ring, true);
        }
    }

    /** The ring on the cursor's point: fixed screen size, drawn over the path. */
    public static final class CursorRing extends XYDrawableAnnotation {
        private static final long serialVersionUID = 1L;

        CursorRing(double x, double y, Color colour) {
            super(x, y, 12, 12, (g2, area) -> {
                g2.setPaint(colour);
                g2.setStroke(new BasicStroke(2f));
                g2.draw(new Ellipse2D.Double(area.getX(), area.getY(), area.getWidth(), area.getHeight()));
            });
        }
    }

    private static XYLineAndShapeRenderer renderer(Color colour) {
        var r = new XYLineAndShapeRenderer();
        r.setDrawSeriesLineAsPath(true);
        r.setSeriesPaint(PATH, SeriesPalette.withAlpha(colour, 0.3));
        r.setSeriesStroke(PATH, new BasicStroke(1f));
        r.setSeriesShapesVisible(PATH, false);
        r.setSeriesPaint(TO_CURSOR, colour);
        r.setSeriesStroke(TO_CURSOR, new BasicStroke(2f));
        r.setSeriesShape(TO_CURSOR, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        r.setSeriesShapesVisible(TO_CURSOR, true);
        r.setSeriesPaint(SEGMENT_ENDS, colour.darker());
        r.setSeriesLinesVisible(SEGMENT_ENDS, false);
        r.setSeriesShape(SEGMENT_ENDS, new Rectangle2D.Double(-3.5, -3.5, 7, 7));
        r.setSeriesShapesFilled(SEGMENT_ENDS, false);
        r.setUseOutlinePaint(false);
        r.setSeriesPaint(START, Color.DARK_GRAY);
        r.setSeriesLinesVisible(START, false);
        r.setSeriesShape(START, triangle(5));
        r.setDefaultShapesFilled(true);
        r.setSeriesShapesFilled(SEGMENT_ENDS, false);
        return r;
    }

    private static Path2D triangle(double half) {
        var t = new Path2D.Double();
        t.moveTo(0, -half);
        t.lineTo(half, half);
        t.lineTo(-half, half);
        t.closePath();
        return t;
    }
}
