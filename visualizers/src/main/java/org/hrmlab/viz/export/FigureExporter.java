package org.hrmlab.viz.export;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Writes one chart to SVG, PDF and PNG. The chart draws itself once per format into a {@code Graphics2D}: the same
 * code path as on screen. Sizes are in points (1/72 inch); a PNG has {@code size × dpi / 72} pixels and records
 * its DPI in the pHYs chunk. Files appear atomically (temporary file, then rename). Headless-safe.
 */
public final class FigureExporter {
    /** The default figure width in points (about 16.9 cm). */
    public static final double DEFAULT_WIDTH_PT = 480;
    /** The default figure height in points. */
    public static final double DEFAULT_HEIGHT_PT = 320;
    /** The default PNG resolution. */
    public static final int DEFAULT_DPI = 300;
    private static final double METRES_PER_INCH = 0.0254;

    private FigureExporter() {
    }

    /**
     * Writes {@code dir/baseName.<ext>} for each format.
     *
     * @return the files written, in format order
     */
    public static List<Path> export(JFreeChart chart, Path dir, String baseName, Set<FigureFormat> formats,
            double widthPt, double heightPt, int dpi) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (FigureFormat f : formats) {
            Path file = dir.resolve(baseName + "." + f.extension());
            switch (f) {
                case SVG -> writeSvg(chart, file, widthPt, heightPt);
                case PDF -> writePdf(chart, file, widthPt, heightPt);
                case PNG -> writePng(chart, file, widthPt, heightPt, dpi);
                default -> throw new IllegalStateException(f.name());
            }
            out.add(file);
        }
        return out;
    }

    /** Writes an SVG whose text is {@code <text>} elements (searchable, editable). */
    public static void writeSvg(JFreeChart chart, Path file, double widthPt, double heightPt) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(widthPt, heightPt);
        g2.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        chart.draw(g2, new Rectangle2D.Double(0, 0, widthPt, heightPt));
        byte[] bytes = g2.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        writeAtomically(file, out -> out.write(bytes));
    }

    /** Writes a one-page vector PDF of the given size. */
    public static void writePdf(JFreeChart chart, Path file, double widthPt, double heightPt) throws IOException {
        PDFDocument doc = new PDFDocument();
        doc.setTitle(chart.getTitle() == null ? "HRM Lab figure" : chart.getTitle().getText());
        doc.setAuthor("HRM Lab");
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, widthPt, heightPt));
        PDFGraphics2D g2 = page.getGraphics2D();
        chart.draw(g2, new Rectangle2D.Double(0, 0, widthPt, heightPt));
        byte[] bytes = doc.getPDFBytes();
        writeAtomically(file, out -> out.write(bytes));
    }

    /** Writes a PNG of {@code size × dpi / 72} pixels with the DPI recorded in its pHYs chunk. */
    public static void writePng(JFreeChart chart, Path file, double widthPt, double heightPt, int dpi)
            throws IOException {
        if (dpi < 1) {
            throw new IllegalArgumentException("dpi must be positive: " + dpi);
        }
        double scale = dpi / 72.0;
        int w = (int) Math.round(widthPt * scale);
        int h = (int) Math.round(heightPt * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, widthPt, heightPt));
        } finally {
            g2.dispose();
        }
        writeAtomically(file, out -> writePngWithDpi(image, dpi, out));
    }

    /** @return the DPI recorded in a PNG's pHYs chunk, or -1 when it has none */
    public static double readPngDpi(Path file) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                IIOMetadata meta = reader.getImageMetadata(0);
                org.w3c.dom.Node root = meta.getAsTree("javax_imageio_png_1.0");
                for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n.getNodeName().equals("pHYs")) {
                        org.w3c.dom.NamedNodeMap a = n.getAttributes();
                        double perMetre = Double.parseDouble(a.getNamedItem("pixelsPerUnitXAxis").getNodeValue());
                        return perMetre * METRES_PER_INCH;
                    }
                }
                return -1;
            } finally {
                reader.dispose();
            }
        }
    }

    /** Writes {@code image} as PNG to {@code out}, with {@code dpi} recorded in its pHYs chunk (the one PNG writer). */
    public static void writePngWithDpi(BufferedImage image, int dpi, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            String perMetre = Long.toString(Math.round(dpi / METRES_PER_INCH));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            try {
                meta.mergeTree("javax_imageio_png_1.0", root);
            } catch (IIOInvalidTreeException e) {
                throw new IOException("cannot record the PNG resolution: " + e.getMessage(), e);
            }
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    /** Writes bytes to a temporary file beside the target, then renames it into place. */
    static void writeAtomically(Path file, org.hrmlab.puzzles.io.AtomicFiles.Body body) throws IOException {
        org.hrmlab.puzzles.io.AtomicFiles.write(file, body);
    }
}
