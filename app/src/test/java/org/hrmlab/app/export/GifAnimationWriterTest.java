package org.hrmlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifAnimationWriterTest {
    @TempDir
    Path dir;

    /** A flat board: background, one coloured cell, and a stripe of the frame's own colour. */
    private static BufferedImage frame(int background, int cell, int stripe) {
        var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(background));
        g.fillRect(0, 0, 40, 30);
        g.setColor(new Color(cell));
        g.fillRect(10, 10, 10, 10);
        g.setColor(new Color(stripe));
        g.fillRect(0, 25, 40, 5);
        g.dispose();
        return image;
    }

    @Test
    void writesThreeFramesWithTheirDelayAnInfiniteLoopAndExactColours() throws Exception {
        var frames = List.of(frame(0xffffff, 0x0969da, 0xcf222e), frame(0xf6f8fa, 0x1a7f37, 0x8250df),
                frame(0x0d1117, 0xfff8c5, 0x2f81f7));
        var file = dir.resolve("anim.gif");
        try (var writer = new GifAnimationWriter(file, 5)) {
            for (var f : frames) {
                writer.add(f);
            }
            assertEquals(3, writer.frameCount());
            writer.finish();
        }
        var gif = GifFrames.read(file);
        assertEquals(3, gif.count());
        assertEquals(List.of(20, 20, 20), gif.delays());
        assertEquals(0, gif.loops(), "0 = loop forever");
        for (int i = 0; i < 3; i++) {
            var want = frames.get(i);
            var got = gif.images().get(i);
            assertEquals(40, got.getWidth());
            assertEquals(30, got.getHeight());
            for (int[] p : new int[][] {{0, 0}, {15, 15}, {5, 27}, {39, 29}}) {
                assertEquals(want.getRGB(p[0], p[1]) & 0xFFFFFF, got.getRGB(p[0], p[1]) & 0xFFFFFF,
                        "frame " + i + " at " + p[0] + "," + p[1]);
            }
        }
        try (var stray = Files.list(dir)) {
            assertEquals(List.of(file), stray.toList(), "no temporary file left");
        }
    }

    @Test
    void keepsTheFillsExactWhenAntiAliasingMakesMoreThan256Colours() throws Exception {
        var image = frame(0xffffff, 0x0969da, 0xcf222e);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 8; y++) {
                g.setColor(new Color(x * 6, y * 30, 128));
                g.fillRect(x, y, 1, 1);
            }
        }
        g.dispose();
        var file = dir.resolve("many.gif");
        try (var writer = new GifAnimationWriter(file, 10)) {
            writer.add(image);
            writer.finish();
        }
        var got = GifFrames.read(file).images().get(0);
        assertEquals(0xffffff, got.getRGB(30, 15) & 0xFFFFFF);
        assertEquals(0x0969da, got.getRGB(15, 15) & 0xFFFFFF);
        assertEquals(0xcf222e, got.getRGB(5, 27) & 0xFFFFFF);
        int far = 0;
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 8; y++) {
                int a = image.getRGB(x, y);
                int b = got.getRGB(x, y);
                int d = Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)) + Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF))
                        + Math.abs((a & 0xFF) - (b & 0xFF));
                far += d > 60 ? 1 : 0;
            }
        }
        assertTrue(far < 20, far + " gradient pixels far from their colour");
    }

    @Test
    void closingWithoutFinishingLeavesNoFile() throws Exception {
        var file = dir.resolve("cancelled.gif");
        try (var writer = new GifAnimationWriter(file, 4)) {
            writer.add(frame(0xffffff, 0, 0));
        }
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void storesTheDelayInHundredthsOfASecond() {
        assertEquals(25, GifAnimationWriter.delayCentiseconds(4));
        assertEquals(100, GifAnimationWriter.delayCentiseconds(1));
        assertEquals(3, GifAnimationWriter.delayCentiseconds(30));
        assertEquals(2, GifAnimationWriter.delayCentiseconds(50));
        assertThrows(IllegalArgumentException.class, () -> GifAnimationWriter.delayCentiseconds(0));
        assertThrows(IllegalArgumentException.class, () -> GifAnimationWriter.delayCentiseconds(51));
        assertThrows(IllegalArgumentException.class, () -> GifAnimationWriter.delayCentiseconds(Double.NaN));
    }
}
