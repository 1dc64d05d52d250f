package org.hrmlab.viz.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;

import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The path up to the cursor over a 2,177-point trajectory: a cursor move draws at most a chunk or two. */
class PathProgressLayerTest {
    private static final int POINTS = 2177;

    @BeforeAll
    static void toolkit() {
        FxThread.start();
    }

    private static <T> T onFx(Callable<T> call) throws Exception {
        return FxThread.call(call);
    }

    private static PathProgressLayer layer() {
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double t = i / (double) POINTS;
            x[i] = 200 + 150 * t * Math.cos(12 * t);
            y[i] = 120 + 100 * t * Math.sin(12 * t);
        }
        var layer = new PathProgressLayer();
        layer.setStyle(Color.web("#e36c0a"), 2, 3, Color.BLACK);
        layer.resize(400, 240);
        layer.setPoints(x, y);
        return layer;
    }

    @Test
    void aCursorMoveDrawsAtMostTheChunksItTouches() throws Exception {
        var layer = onFx(PathProgressLayerTest::layer);
        long first = onFx(() -> {
            layer.setCursor(POINTS - 1);
            return layer.pointsPainted();
        });
        assertTrue(first <= POINTS + POINTS / PathProgressLayer.CHUNK + 1, "the whole path once: " + first);
        long most = onFx(() -> {
            long m = 0;
            for (int i = 0; i < 300; i++) {
                long before = layer.pointsPainted();
                layer.setCursor((i * 997) % POINTS);
                m = Math.max(m, layer.pointsPainted() - before);
            }
            return m;
        });
        assertTrue(most <= 2 * (PathProgressLayer.CHUNK + 1), "one far jump: " + most + " points drawn");
        long step = onFx(() -> {
            layer.setCursor(1000);
            long m = 0;
            for (int c = 1001; c < 1300; c++) {
                long before = layer.pointsPainted();
                layer.setCursor(c);
                m = Math.max(m, layer.pointsPainted() - before);
            }
            return m;
        });
        assertTrue(step <= 2, "playback appends one segment: " + step);
        assertEquals(1299, (int) onFx(layer::cursor));
    }

    @Test
    void afterJumpsItLooksLikeDrawingTheCursorAtOnce() throws Exception {
        var jumped = onFx(() -> {
            var l = layer();
            for (int c : new int[] {POINTS - 1, 300, 1700, 5, 1234, 900, 1234}) {
                l.setCursor(c);
            }
            return l;
        });
        var direct = onFx(() -> {
            var l = layer();
            l.setCursor(1234);
            return l;
        });
        var a = onFx(() -> jumped.snapshot(new SnapshotParameters(), null));
        var b = onFx(() -> direct.snapshot(new SnapshotParameters(), null));
        assertEquals(0, differingPixels(a, b), "the same path up to the cursor, and the ring");
        assertTrue(onFx(() -> jumped.snapshot(new SnapshotParameters(), null)).getWidth() > 0);
    }

    private static int differingPixels(WritableImage a, WritableImage b) {
        int w = (int) Math.min(a.getWidth(), b.getWidth());
        int h = (int) Math.min(a.getHeight(), b.getHeight());
        int differ = Math.abs((int) a.getWidth() - (int) b.getWidth()) + Math.abs((int) a.getHeight()
                - (int) b.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!a.getPixelReader().getColor(x, y).equals(b.getPixelReader().getColor(x, y))) {
                    differ++;
                }
            }
        }
        return differ;
    }
}
