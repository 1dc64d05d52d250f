package org.hrmlab.viz.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

class TrajectoryChartTest {
    private static TrajectoryPlotData data() {
        double[] x = {0, 1, 2, 3, 4, 5, 6};
        double[] y = {0, 1, 0, -1, 0, 2, 3};
        return new TrajectoryPlotData("zH", "PC1 (60.0 %)", "PC2 (30.0 %)", x, y, new int[] {3, 6}, Color.RED,
                "fit: test");
    }

    private static void draw(TrajectoryChart c) {
        var image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        c.chart().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 300, 200));
        g.dispose();
    }

    @Test
    void theCursorMovesTheStrongPathAndTheRingButNotTheAxes() {
        var c = new TrajectoryChart(data());
        draw(c);
        XYPlot plot = c.chart().getXYPlot();
        Range x = plot.getDomainAxis().getRange();
        Range y = plot.getRangeAxis().getRange();
        assertEquals(7, c.strongPoints(), "starts on the last point");
        c.setCursor(2);
        draw(c);
        assertEquals(3, c.strongPoints());
        assertEquals(2, c.cursor());
        assertEquals(x, plot.getDomainAxis().getRange());
        assertEquals(y, plot.getRangeAxis().getRange());
        var rings = plot.getAnnotations().stream().filter(a -> a instanceof TrajectoryChart.CursorRing)
                .map(a -> (TrajectoryChart.CursorRing) a).toList();
        assertEquals(1, rings.size());
        assertEquals(2.0, rings.get(0).getX());
        assertEquals(0.0, rings.get(0).getY());
        c.setCursor(100);
        assertEquals(7, c.strongPoints(), "clamped to the trajectory");
    }

    @Test
    void segmentEndsAndStartAreTheirOwnSeries() {
        var c = new TrajectoryChart(data());
        var ds = c.chart().getXYPlot().getDataset();
        assertEquals(4, ds.getSeriesCount());
        assertEquals(7, ds.getItemCount(0));
        assertEquals(2, ds.getItemCount(2));
        assertEquals(3.0, ds.getXValue(2, 0));
        assertEquals(1, ds.getItemCount(3));
    }

    @Test
    void theCompactStyleDropsTitleSubtitleAndLegend() {
        var c = new TrajectoryChart(data());
        c.setCursor(3);
        c.useCompactStyle(Color.BLACK, Color.DARK_GRAY, Color.GRAY, Color.WHITE);
        assertNull(c.chart().getTitle());
        assertNull(c.chart().getLegend());
        assertEquals(0, c.chart().getSubtitleCount());
        assertEquals(1, c.chart().getXYPlot().getAnnotations().size(), "one ring, still on the cursor");
        assertEquals(3.0, c.ring().getX());
    }

    @Test
    void segmentEndsOutsideTheTrajectoryAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TrajectoryPlotData("t", "x", "y", new double[2],
                new double[2], new int[] {2}, Color.RED, ""));
    }

}
