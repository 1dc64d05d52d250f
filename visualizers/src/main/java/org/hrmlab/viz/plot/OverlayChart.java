package org.hrmlab.viz.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;

import org.hrmlab.viz.color.Viridis;
import org.hrmlab.viz.grid.HeatOverlay;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A board overlay as a JFreeChart heat map: one block per cell in the overlay's {@link Viridis} colours (opaque, as
 * there is no board beneath), row 0 at the top, each cell's text on it and a colour bar from 0 to the top of the
 * scale. The chart the export writes as SVG, PDF and PNG ({@link org.hrmlab.viz.export.FigureExporter}).
 */
public final class OverlayChart {
    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 14);
    private static final Font SUBTITLE = new Font("SansSerif", Font.PLAIN, 9);
    private static final Color NOTHING = new Color(0xEEEEEE);

    static {
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private OverlayChart() {
    }

    /** @return the heat map of {@code data} */
    public static JFreeChart create(OverlayFigureData data) {
        HeatOverlay o = data.overlay();
        int n = o.rows() * o.cols();
        double[][] xyz = new double[3][n];
        for (int i = 0; i < n; i++) {
            xyz[0][i] = i % o.cols();
            xyz[1][i] = i / o.cols();
            xyz[2][i] = o.at(i);
        }
        var dataset = new DefaultXYZDataset();
        dataset.addSeries("overlay", xyz);
        var scale = new ViridisScale(o.max());
        var renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        var x = axis("column", o.cols());
        var y = axis("row", o.rows());
        y.setInverted(true);
        var plot = new XYPlot(dataset, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        addLabels(plot, data.labels(), o);
        var chart = new JFreeChart(data.title(), TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        if (!data.subtitle().isBlank()) {
            chart.addSubtitle(new TextTitle(data.subtitle(), SUBTITLE));
        }
        var barAxis = new NumberAxis(o.title());
        barAxis.setRange(0, o.max());
        var legend = new PaintScaleLegend(scale, barAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setMargin(new RectangleInsets(4, 8, 4, 4));
        legend.setStripWidth(12);
        chart.addSubtitle(legend);
        return chart;
    }

    private static NumberAxis axis(String label, int cells) {
        var axis = new NumberAxis(label);
        axis.setRange(-0.5, Math.max(0.5, cells - 0.5));
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }

    private static void addLabels(XYPlot plot, String[] labels, HeatOverlay o) {
        if (labels.length == 0) {
            return;
        }
        var font = new Font("SansSerif", Font.PLAIN, (int) Math.max(5, Math.min(12, 240.0 / Math.max(1, o.cols()))));
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].isEmpty()) {
                continue;
            }
            var a = new XYTextAnnotation(labels[i], i % o.cols(), i / o.cols());
            a.setFont(font);
            a.setTextAnchor(TextAnchor.CENTER);
            double t = o.fraction(i);
            a.setPaint(Double.isNaN(t) || t > 0.55 ? Color.BLACK : Color.WHITE);
            plot.addAnnotation(a, false);
        }
    }

    /** {@link Viridis} from 0 to the top of the scale; NaN (nothing drawn) is a light grey. */
    static final class ViridisScale implements PaintScale, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final double upper;

        ViridisScale(double upper) {
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            return Double.isNaN(value) ? NOTHING : new Color(Viridis.argb(value / upper));
        }
    }
}
