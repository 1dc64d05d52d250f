package org.hrmlab.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Writes PNG files whose pHYs chunk records the resolution, so that {@code dpi} survives into documents. */
public final class PngWriter {
    private static final double INCH_PER_METRE = 39.3700787;

    private PngWriter() {
    }

    /** Writes {@code image} to {@code file} (via a temporary file and a rename) at {@code dpi}. Not the FX thread. */
    public static void write(BufferedImage image, Path file, double dpi) throws IOException {
        org.hrmlab.puzzles.io.AtomicFiles.write(file,
                out -> org.hrmlab.viz.export.FigureExporter.writePngWithDpi(image, (int) Math.round(dpi), out));
    }

    /** The resolution recorded in a PNG file, or NaN when it has none. */
    public static double readDpi(Path file) throws IOException {
        try (var in = ImageIO.createImageInputStream(file.toFile())) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            var tree = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            for (var n = tree.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("pHYs")) {
                    var attr = n.getAttributes();
                    double ppm = Double.parseDouble(attr.getNamedItem("pixelsPerUnitXAxis").getNodeValue());
                    return ppm / INCH_PER_METRE;
                }
            }
            return Double.NaN;
        }
    }
}
