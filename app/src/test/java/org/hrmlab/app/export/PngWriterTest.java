package org.hrmlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngWriterTest {
    @TempDir
    Path dir;

    @Test
    void recordsTheResolutionAndKeepsThePixels() throws Exception {
        var image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(3, 2, 0xff0074d9);
        var file = dir.resolve("sub/grid.png");
        PngWriter.write(image, file, 300);
        assertEquals(300, PngWriter.readDpi(file), 0.1);
        var back = ImageIO.read(file.toFile());
        assertEquals(7, back.getWidth());
        assertEquals(0xff0074d9, back.getRGB(3, 2));
    }
}
