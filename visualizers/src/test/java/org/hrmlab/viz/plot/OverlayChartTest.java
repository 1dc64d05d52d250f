package org.hrmlab.viz.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.hrmlab.viz.color.Viridis;
import org.hrmlab.viz.export.FigureExporter;
import org.hrmlab.viz.export.FigureFormat;
import org.hrmlab.viz.grid.HeatOverlay;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayChartTest {
    private static OverlayFigureData data() {
        var overlay = new HeatOverlay(2, 2, new float[] {0, 1, 2, Float.NaN}, 2, "p(decoded token)", "fixed 0 to 1");
        return new OverlayFigureData(overlay, new String[] {"4", "", "S", "#"}, "Confidence at update 7",
                "model m, puzzle p");
    }

    @Test
    void oneBlockPerCellInTheOverlaysColoursWithItsTextAndAColourBar() {
        var chart = OverlayChart.create(data());
        var plot = chart.getXYPlot();
        assertEquals(4, plot.getDataset().getItemCount(0));
        assertEquals(1.0, plot.getDataset().getXValue(0, 1), "cell 1 is column 1");
        assertEquals(1.0, plot.getDataset().getYValue(0, 2), "cell 2 is row 1");
        assertTrue(plot.getRangeAxis().isInverted(), "row 0 at the top, as on the board");
        var scale = ((XYBlockRenderer) plot.getRenderer()).getPaintScale();
        assertEquals(new Color(Viridis.argb(0.5)), scale.getPaint(1));
        assertEquals(new Color(Viridis.argb(1)), scale.getPaint(2));
        assertEquals(3, plot.getAnnotations().size(), "the three non-empty labels");
        assertTrue(chart.getSubtitles().stream().anyMatch(t -> t instanceof PaintScaleLegend));
        assertThrows(IllegalArgumentException.class, () -> new OverlayFigureData(data().overlay(), new String[3], "t",
                ""));
    }

    @Test
    void exportsAsVectorFiguresWithTheCellTextAsText(@TempDir Path tmp) throws Exception {
        var files = FigureExporter.export(OverlayChart.create(data()), tmp, "overlay",
                EnumSet.allOf(FigureFormat.class), 300, 300, 96);
        assertEquals(3, files.size());
        String svg = Files.readString(tmp.resolve("overlay.svg"));
        assertTrue(svg.contains(">S</text>") && svg.contains("p(decoded token)"), "labels and legend are text");
        assertTrue(Files.size(tmp.resolve("overlay.pdf")) > 500);
    }
}
