package org.hrmlab.viz.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hrmlab.viz.plot.AnalysisCharts;
import org.hrmlab.viz.plot.ResidualPlotData;
import org.hrmlab.viz.plot.XySeriesData;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class FigureExporterTest {
    private static final String Y_LABEL = "relative residual";

    private static JFreeChart chart() {
        double[] x = {1, 2, 3, 4};
        return AnalysisCharts.forwardResiduals(new ResidualPlotData(
                List.of(new XySeriesData("zL", x, new double[] {0.5, 0.1, 0.02, 0.4})),
                List.of(new XySeriesData("zH", x, new double[] {0.3, 0.2, 0.1, 0.05})), Y_LABEL, true,
                "unit test settings"));
    }

    @Test
    void writesSvgWithRealTextPdfAndPngWithDpi(@TempDir Path tmp) throws Exception {
        List<Path> files = FigureExporter.export(chart(), tmp, "residuals", EnumSet.allOf(FigureFormat.class), 480,
                320, 150);
        assertEquals(3, files.size());

        Path svg = tmp.resolve("residuals.svg");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        boolean found = false;
        for (int i = 0; i < texts.getLength(); i++) {
            found |= texts.item(i).getTextContent().contains(Y_LABEL);
        }
        assertTrue(found, "the axis label is a <text> element");

        byte[] pdf = Files.readAllBytes(tmp.resolve("residuals.pdf"));
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));

        Path png = tmp.resolve("residuals.png");
        assertEquals(150.0, FigureExporter.readPngDpi(png), 0.02, "pHYs holds whole pixels per metre");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(667, image.getHeight());
    }

    @Test
    void parsesFormatLists() {
        assertEquals(EnumSet.of(FigureFormat.SVG, FigureFormat.PNG), FigureFormat.parseList("svg, PNG"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FigureFormat.parseList("svg,gif"));
        assertTrue(e.getMessage().contains("gif"));
    }

    @Test
    void csvHasAHeaderAndQuotesWhereNeeded(@TempDir Path tmp) throws IOException {
        CsvTable t = new CsvTable("name", "value").add("a,b", 0.1).add("plain", Double.NaN);
        t.write(tmp.resolve("t.csv"));
        assertEquals("name,value\n\"a,b\",0.1\nplain,\n", Files.readString(tmp.resolve("t.csv")));
    }
}
