package org.hrmlab.viz.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hrmlab.viz.color.SeriesPalette;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYDrawableAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds the analysis figures as JFreeChart charts from plain data records. One chart serves the screen
 * ({@code ChartViewer}) and every export format; nothing here draws or writes files. Rotated text is drawn with
 * {@code drawString} (JFreeChart's TextLayout workaround is switched off) and log-axis ticks are plain strings, so
 * that SVG exports keep every label as a {@code <text>} element.
 */
public final class AnalysisCharts {
    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 14);
    private static final Font SUBTITLE = new Font("SansSerif", Font.PLAIN, 9);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final int MAX_LEGEND_SERIES = 10;
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    static {
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private AnalysisCharts() {
    }

    /** Forward residuals of zL and zH against the global update index; log y axis when asked. */
    public static JFreeChart forwardResiduals(ResidualPlotData data) {
        XYSeriesCollection ds = new XYSeriesCollection();
        List<Color> colours = new java.util.ArrayList<>();
        addAll(ds, colours, data.zL(), SeriesPalette.Z_L, data.logScale());
        addAll(ds, colours, data.zH(), SeriesPalette.Z_H, data.logScale());
        // log scale: values are plotted as log10 on a linear axis whose ticks read as powers of ten, so that every
        // tick label stays plain text in vector exports
        JFreeChart chart = ChartFactory.createXYLineChart("Forward residuals", "update index", data.yLabel(), ds,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        if (data.logScale()) {
            NumberAxis axis = new NumberAxis(data.yLabel() + " (log scale)");
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis.setNumberFormatOverride(new PowerOfTenFormat());
            axis.setAutoRangeIncludesZero(false);
            axis.setAutoRangeMinimumSize(2.0);
            plot.setRangeAxis(axis);
        }
        XYLineAndShapeRenderer r = lines(colours, true);
        plot.setRenderer(r);
        integerDomain(plot);
        return finish(chart, data.subtitle(), ds.getSeriesCount());
    }

    /** Trajectories on two principal components, each puzzle its own colour, its start marked. */
    public static JFreeChart pcaTrajectories(PcaPlotData data) {
        XYSeriesCollection ds = new XYSeriesCollection();
        List<Color> colours = new java.util.ArrayList<>();
        for (int i = 0; i < data.trajectories().size(); i++) {
            ds.addSeries(series(data.trajectories().get(i), false));
            colours.add(SeriesPalette.colour(i));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(data.title(), data.xLabel(), data.yLabel(), ds,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = lines(colours, true);
        plot.setRenderer(r);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        plot.getDomainAxis().setLowerMargin(0.06);
        plot.getDomainAxis().setUpperMargin(0.1);
        for (int i = 0; i < data.trajectories().size(); i++) {
            XySeriesData s = data.trajectories().get(i);
            if (s.x().length > 0) {
                XYTextAnnotation start = new XYTextAnnotation("start", s.x()[0], s.y()[0]);
                start.setFont(SUBTITLE);
                start.setTextAnchor(TextAnchor.BOTTOM_LEFT);
                start.setPaint(colours.get(i));
                if (i < MAX_LEGEND_SERIES) {
                    plot.addAnnotation(start);
                }
            }
        }
        return finish(chart, data.subtitle(), ds.getSeriesCount());
    }

    /**
     * Marks one point of a PCA chart (the animation's current step), replacing the previous mark. The fit and the
     * axes stay as they are.
     */
    public static void highlightPoint(JFreeChart chart, double x, double y) {
        XYPlot plot = chart.getXYPlot();
        for (Object a : List.copyOf(plot.getAnnotations())) {
            if (a instanceof HighlightAnnotation h) {
                plot.removeAnnotation(h);
            }
        }
        plot.addAnnotation(new HighlightAnnotation(x, y));
    }

    /** Participation ratios of zL and zH, trained beside control, each bar labelled with its value and N. */
    public static JFreeChart participationRatios(PrBarData data) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        Map<String, Long> samples = new HashMap<>();
        for (PrBar bar : data.bars()) {
            ds.addValue(bar.value(), bar.group(), bar.latent());
            samples.put(bar.group() + "|" + bar.latent(), bar.samples());
        }
        JFreeChart chart = ChartFactory.createBarChart("Participation ratio (" + data.estimate() + ")", "state",
                "participation ratio", ds, PlotOrientation.VERTICAL, true, false, false);
        BarRenderer r = labelledBars(chart.getCategoryPlot(), new StandardCategoryItemLabelGenerator() {
            private static final long serialVersionUID = 1L;

            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                Number v = dataset.getValue(row, column);
                Long n = samples.get(dataset.getRowKey(row) + "|" + dataset.getColumnKey(column));
                return v == null ? "" : new DecimalFormat("0.00").format(v.doubleValue()) + " (N=" + n + ")";
            }
        });
        for (int i = 0; i < ds.getRowCount(); i++) {
            boolean control = !ds.getRowKey(i).toString().equals("trained") && i > 0;
            r.setSeriesPaint(i, control ? SeriesPalette.CONTROL : SeriesPalette.colour(4 + i));
        }
        return finish(chart, data.subtitle(), ds.getRowCount());
    }

    /** Flat bars labelled by {@code labels}, white background, grey grid, room above the tallest label. */
    private static BarRenderer labelledBars(CategoryPlot plot, StandardCategoryItemLabelGenerator labels) {
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDefaultItemLabelGenerator(labels);
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(SUBTITLE);
        plot.setRangeGridlinePaint(GRID);
        plot.setBackgroundPaint(Color.WHITE);
        plot.getRangeAxis().setUpperMargin(0.15);
        return r;
    }

    /** PR against the number of trajectories; control series dashed. */
    public static JFreeChart prVersusTrajectories(PrCurveData data) {
        XYSeriesCollection ds = new XYSeriesCollection();
        List<Color> colours = new java.util.ArrayList<>();
        for (XySeriesData s : data.series()) {
            ds.addSeries(series(s, false));
            colours.add(s.name().contains("zL") ? SeriesPalette.Z_L : s.name().contains("zH") ? SeriesPalette.Z_H
                    : SeriesPalette.colour(colours.size()));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Participation ratio vs number of trajectories",
                "trajectories", "participation ratio", ds, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = lines(colours, true);
        for (int i = 0; i < data.series().size(); i++) {
            if (data.dashed().contains(data.series().get(i).name())) {
                r.setSeriesStroke(i, DASHED);
            }
        }
        plot.setRenderer(r);
        integerDomain(plot);
        return finish(chart, data.subtitle(), ds.getSeriesCount());
    }

    /** sigmoid(q_halt) and sigmoid(q_continue) per segment, halting decisions and answer correctness marked. */
    public static JFreeChart qValues(QPlotData data) {
        XYSeriesCollection ds = new XYSeriesCollection();
        int n = data.haltProbability().length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        ds.addSeries(series(new XySeriesData("sigmoid(q_halt)", x, data.haltProbability()), false));
        ds.addSeries(series(new XySeriesData("sigmoid(q_continue)", x, data.continueProbability()), false));
        List<Color> colours = new java.util.ArrayList<>(List.of(SeriesPalette.colour(5), SeriesPalette.colour(2)));
        if (data.correct() != null) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = data.correct()[i] ? 1 : 0;
            }
            ds.addSeries(series(new XySeriesData("answer right (1) / wrong (0)", x, y), false));
            colours.add(SeriesPalette.colour(7));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Q head per segment: " + data.title(), "segment",
                "probability", ds, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = lines(colours, true);
        if (data.correct() != null) {
            r.setSeriesLinesVisible(2, false);
        }
        plot.setRenderer(r);
        plot.getRangeAxis().setRange(-0.05, 1.12);
        integerDomain(plot);
        for (int i = 0; i < n; i++) {
            if (data.halts()[i]) {
                XYTextAnnotation halt = new XYTextAnnotation("halt", x[i], 1.07);
                halt.setFont(SUBTITLE);
                plot.addAnnotation(halt);
            }
        }
        return finish(chart, data.subtitle(), ds.getSeriesCount());
    }

    /** Per-step token accuracy (and the fraction exactly right), segment ends marked. */
    public static JFreeChart stepAccuracy(AccuracyPlotData data) {
        XYSeriesCollection ds = new XYSeriesCollection();
        List<Color> colours = new java.util.ArrayList<>();
        for (XySeriesData s : data.series()) {
            ds.addSeries(series(s, false));
            colours.add(SeriesPalette.colour(colours.size()));
        }
        if (data.exact() != null) {
            ds.addSeries(series(data.exact(), false));
            colours.add(SeriesPalette.colour(7));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Decoded accuracy per update", "update index",
                "accuracy", ds, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(lines(colours, true));
        plot.getRangeAxis().setRange(0, 1.02);
        integerDomain(plot);
        for (double end : data.segmentEnds()) {
            ValueMarker m = new ValueMarker(end, GRID.darker(), new BasicStroke(0.8f));
            plot.addDomainMarker(m);
        }
        return finish(chart, data.subtitle(), ds.getSeriesCount());
    }

    /**
     * Participation ratios of several models: per model, its high-level state (zH, or TRM's y) beside its low-level
     * state (zL, or z), trained in colour and the untrained control in grey.
     */
    public static JFreeChart participationRatioComparison(ModelComparisonData data) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        String high = "high-level state, trained";
        String low = "low-level state, trained";
        String highControl = "high-level state, untrained";
        String lowControl = "low-level state, untrained";
        for (ComparedModel m : data.models()) {
            String column = m.name() + "\n(" + m.highState() + " / " + m.lowState() + ")";
            ds.addValue(m.prHigh(), high, column);
            ds.addValue(m.prLow(), low, column);
            if (m.hasControl()) {
                ds.addValue(m.controlHigh(), highControl, column);
                ds.addValue(m.controlLow(), lowControl, column);
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Participation ratio by model (" + data.estimate() + ")",
                "model (high-level / low-level state)", "participation ratio", ds, PlotOrientation.VERTICAL, true,
                false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        BarRenderer r = labelledBars(plot, new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.00")));
        Map<String, Color> paint = Map.of(high, SeriesPalette.Z_H, low, SeriesPalette.Z_L,
                highControl, SeriesPalette.blend(SeriesPalette.Z_H, SeriesPalette.CONTROL, 0.7),
                lowControl, SeriesPalette.blend(SeriesPalette.Z_L, SeriesPalette.CONTROL, 0.7));
        for (int i = 0; i < ds.getRowCount(); i++) {
            r.setSeriesPaint(i, paint.get(ds.getRowKey(i).toString()));
        }
        return finish(chart, data.subtitle(), ds.getRowCount());
    }

    /**
     * Mean relative forward residual within each ACT segment, per model: the high-level state solid, the low-level
     * state dashed, one colour per model; log scale. The data's subtitle should say how the means were taken.
     */
    public static JFreeChart residualsBySegment(ModelComparisonData data) {
        XYSeriesCollection ds = new XYSeriesCollection();
        List<Color> colours = new java.util.ArrayList<>();
        List<Boolean> dashed = new java.util.ArrayList<>();
        for (int i = 0; i < data.models().size(); i++) {
            ComparedModel m = data.models().get(i);
            Color c = SeriesPalette.colour(i);
            addAll(ds, colours, List.of(new XySeriesData(m.name() + " " + m.highState(), m.segments(),
                    m.residualHigh())), c, true);
            dashed.add(false);
            addAll(ds, colours, List.of(new XySeriesData(m.name() + " " + m.lowState(), m.segments(),
                    m.residualLow())), c, true);
            dashed.add(true);
        }
        String label = "mean relative residual";
        JFreeChart chart = ChartFactory.createXYLineChart("Forward residuals per segment", "ACT segment", label, ds,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        NumberAxis axis = new NumberAxis(label + " (log scale)");
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setNumberFormatOverride(new PowerOfTenFormat());
        axis.setAutoRangeIncludesZero(false);
        axis.setAutoRangeMinimumSize(1.0);
        plot.setRangeAxis(axis);
        XYLineAndShapeRenderer r = lines(colours, true);
        for (int i = 0; i < dashed.size(); i++) {
            if (dashed.get(i)) {
                r.setSeriesStroke(i, DASHED);
            }
        }
        plot.setRenderer(r);
        integerDomain(plot);
        return finish(chart, data.subtitle(), ds.getSeriesCount());
    }

    private static void addAll(XYSeriesCollection ds, List<Color> colours, List<XySeriesData> list, Color base,
            boolean log10) {
        for (int i = 0; i < list.size(); i++) {
            XySeriesData d = list.get(i);
            double[] y = d.y().clone();
            if (log10) {
                for (int k = 0; k < y.length; k++) {
                    y[k] = y[k] > 0 ? Math.log10(y[k]) : Double.NaN;
                }
            }
            ds.addSeries(series(new XySeriesData(d.name(), d.x(), y), false));
            colours.add(list.size() == 1 ? base : SeriesPalette.withAlpha(base, 0.35 + 0.65 / list.size()));
        }
    }

    private static XYSeries series(XySeriesData data, boolean positiveOnly) {
        XYSeries s = new XYSeries(data.name(), false, true);
        for (int i = 0; i < data.x().length; i++) {
            double y = data.y()[i];
            s.add(data.x()[i], positiveOnly && !(y > 0) ? Double.NaN : y);
        }
        return s;
    }

    private static XYLineAndShapeRenderer lines(List<Color> colours, boolean shapes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        for (int i = 0; i < colours.size(); i++) {
            r.setSeriesPaint(i, colours.get(i));
            r.setSeriesStroke(i, new BasicStroke(1.5f));
            r.setSeriesShape(i, new Ellipse2D.Double(-2, -2, 4, 4));
        }
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    private static void integerDomain(XYPlot plot) {
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    private static JFreeChart finish(JFreeChart chart, String subtitle, int seriesCount) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        if (subtitle != null && !subtitle.isBlank()) {
            TextTitle t = new TextTitle(subtitle, SUBTITLE);
            chart.addSubtitle(t);
        }
        if (chart.getLegend() != null && seriesCount > MAX_LEGEND_SERIES) {
            chart.removeLegend();
        }
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setBackgroundPaint(Color.WHITE);
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
        }
        return chart;
    }

    /** Formats a log10 tick value v as 10^v in plain text: 1E-3 for whole v, else 10^-2.5. */
    static final class PowerOfTenFormat extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double v, StringBuffer to, java.text.FieldPosition pos) {
            long whole = Math.round(v);
            return Math.abs(v - whole) < 1e-9 ? to.append("1E").append(whole) : to.append("10^").append(v);
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, java.text.FieldPosition pos) {
            return to.append("1E").append(v);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("format only");
        }
    }

    /** The mark on the current point of an animated chart: a ring of fixed screen size. */
    static final class HighlightAnnotation extends XYDrawableAnnotation implements XYAnnotation {
        private static final long serialVersionUID = 1L;

        HighlightAnnotation(double x, double y) {
            super(x, y, 12, 12, (g2, area) -> {
                g2.setPaint(Color.BLACK);
                g2.setStroke(new BasicStroke(2f));
                g2.draw(new Ellipse2D.Double(area.getX(), area.getY(), area.getWidth(), area.getHeight()));
            });
        }
    }
}
