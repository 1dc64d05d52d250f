package org.hrmlab.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadataNode;

/** Reads an animated GIF back with the JDK's reader: every frame, its delay and the loop count. */
public record GifFrames(List<BufferedImage> images, List<Integer> delays, List<String> disposals, int loops) {
    /** The loop count of a GIF without the NETSCAPE2.0 extension (it plays once). */
    public static final int NO_LOOP_EXTENSION = -1;

    public static GifFrames read(Path file) throws IOException {
        var reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<BufferedImage> images = new ArrayList<>();
            List<Integer> delays = new ArrayList<>();
            List<String> disposals = new ArrayList<>();
            int loops = NO_LOOP_EXTENSION;
            for (int i = 0; i < n; i++) {
                images.add(reader.read(i));
                var tree = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                var control = (IIOMetadataNode) tree.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(Integer.parseInt(control.getAttribute("delayTime")));
                disposals.add(control.getAttribute("disposalMethod"));
                var apps = tree.getElementsByTagName("ApplicationExtension");
                for (int a = 0; a < apps.getLength(); a++) {
                    var app = (IIOMetadataNode) apps.item(a);
                    if ("NETSCAPE".equals(app.getAttribute("applicationID"))) {
                        byte[] data = (byte[]) app.getUserObject();
                        loops = (data[1] & 0xFF) | (data[2] & 0xFF) << 8;
                    }
                }
            }
            return new GifFrames(images, delays, disposals, loops);
        } finally {
            reader.dispose();
        }
    }

    public int count() {
        return images.size();
    }
}
