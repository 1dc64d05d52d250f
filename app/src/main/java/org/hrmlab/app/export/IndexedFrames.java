package org.hrmlab.app.export;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an RGB frame into a GIF's 256-colour indexed image without dithering. Boards are flat colours with a little
 * anti-aliasing at edges and text: every colour is kept exactly when there are at most 256; otherwise the 256 most
 * frequent colours are kept exactly (the fills) and the rest (edge pixels) take the nearest of those.
 */
final class IndexedFrames {
    static final int MAX_COLOURS = 256;

    private IndexedFrames() {
    }

    /** @return {@code image} as an 8-bit indexed image; alpha is dropped (frames are opaque) */
    static BufferedImage toIndexed(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        int[] palette = palette(rgb);
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < palette.length; i++) {
            index.put(palette[i], i);
        }
        byte[] r = new byte[palette.length];
        byte[] g = new byte[palette.length];
        byte[] b = new byte[palette.length];
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        var model = new IndexColorModel(8, palette.length, r, g, b);
        var out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
        byte[] pixels = new byte[w * h];
        int last = -1;
        int lastIndex = 0;
        for (int p = 0; p < pixels.length; p++) {
            int c = rgb[p] & 0xFFFFFF;
            if (c != last) {
                last = c;
                lastIndex = index.computeIfAbsent(c, k -> nearest(palette, k));
            }
            pixels[p] = (byte) lastIndex;
        }
        out.getRaster().setDataElements(0, 0, w, h, pixels);
        return out;
    }

    /** The colours of {@code rgb}, most frequent first, at most {@link #MAX_COLOURS}. */
    static int[] palette(int[] rgb) {
        Map<Integer, int[]> counts = new HashMap<>();
        int p = 0;
        while (p < rgb.length) {
            int c = rgb[p] & 0xFFFFFF;
            int run = 1;
            while (p + run < rgb.length && (rgb[p + run] & 0xFFFFFF) == c) {
                run++;
            }
            counts.computeIfAbsent(c, k -> new int[1])[0] += run;
            p += run;
        }
        List<Map.Entry<Integer, int[]>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Integer.compare(b.getValue()[0], a.getValue()[0])
                : Integer.compare(a.getKey(), b.getKey()));
        int n = Math.max(1, Math.min(MAX_COLOURS, byCount.size()));
        int[] palette = new int[n];
        for (int i = 0; i < byCount.size() && i < n; i++) {
            palette[i] = byCount.get(i).getKey();
        }
        return palette;
    }

    private static int nearest(int[] palette, int c) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            int dr = ((palette[i] >> 16) & 0xFF) - ((c >> 16) & 0xFF);
            int dg = ((palette[i] >> 8) & 0xFF) - ((c >> 8) & 0xFF);
            int db = (palette[i] & 0xFF) - (c & 0xFF);
            long d = (long) dr * dr + (long) dg * dg + (long) db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
