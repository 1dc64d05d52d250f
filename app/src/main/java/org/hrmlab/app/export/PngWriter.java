package org.hrmlab.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadataNode;

/** Writes PNG files whose pHYs chunk records the resolution, so that {@code dpi} survives into documents. */
public final class PngWriter {
    private static final double INCH_PER_METRE = 39.3700787;

    private PngWriter() {
    }

    /** Writes {@code image} to {@code file} (via a temporary file and a rename) at {@code dpi}. Not the FX thread. */
    public static void write(BufferedImage image, Path file, double dpi) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName("png").next();
        var type = ImageTypeSpecifier.createFromRenderedImage(image);
        var meta = writer.getDefaultImageMetadata(type, writer.getDefaultWriteParam());
        int ppm = (int) Math.round(dpi * INCH_PER_METRE);
        var phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", Integer.toString(ppm));
        phys.setAttribute("pixelsPerUnitYAxis", Integer.toString(ppm));
        phys.setAttribute("unitSpecifier", "meter");
        var root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        try {
            meta.mergeTree("javax_imageio_png_1.0", root);
        } catch (IIOInvalidTreeException e) {
            throw new IOException(file + ": cannot record the resolution: " + e.getMessage(), e);
        }
        var dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        var tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = ImageIO.createImageOutputStream(tmp.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, meta), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
