package org.hrmlab.viz.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

class AnalysisChartsTest {
    private static void draws(JFreeChart chart) {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        var g2 = img.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, 400, 300));
        g2.dispose();
    }

    @Test
    void everyFigureBuildsAndDraws() {
        double[] x = {0, 1, 2};
        XySeriesData a = new XySeriesData("zL trained", x, new double[] {1, 2, 3});
        XySeriesData b = new XySeriesData("zH trained", x, new double[] {2, 3, 4});
        PcaPlotData pca = new PcaPlotData("zH PCA", "PC1 (40 %)", "PC2 (20 %)", List.of(a, b), "pooled fit");
        JFreeChart p = AnalysisCharts.pcaTrajectories(pca);
        AnalysisCharts.highlightPoint(p, 1, 2);
        AnalysisCharts.highlightPoint(p, 2, 3);
        assertEquals(1, p.getXYPlot().getAnnotations().stream()
                .filter(o -> o instanceof AnalysisCharts.HighlightAnnotation).count(), "the mark moves, not piles up");
        draws(p);
        JFreeChart bars = AnalysisCharts.participationRatios(new PrBarData(List.of(new PrBar("trained", "zL", 30, 100),
                new PrBar("trained", "zH", 90, 100), new PrBar("untrained", "zL", 42, 100),
                new PrBar("untrained", "zH", 40, 100)), "naive", "settings"));
        CategoryPlot cp = bars.getCategoryPlot();
        assertEquals(2, cp.getDataset().getRowCount());
        assertEquals("30.00 (N=100)", cp.getRenderer().getDefaultItemLabelGenerator()
                .generateLabel(cp.getDataset(), 0, 0));
        draws(bars);
        draws(AnalysisCharts.prVersusTrajectories(new PrCurveData(List.of(a, b), List.of("zH trained"), "s")));
        draws(AnalysisCharts.qValues(new QPlotData("t", new double[] {0.1, 0.9}, new double[] {0.8, 0.2},
                new boolean[] {false, true}, new boolean[] {false, true}, "s")));
        JFreeChart acc = AnalysisCharts.stepAccuracy(new AccuracyPlotData(List.of(a), null, new double[] {1}, "s"));
        assertNotNull(acc.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND));
        draws(acc);
    }
}
