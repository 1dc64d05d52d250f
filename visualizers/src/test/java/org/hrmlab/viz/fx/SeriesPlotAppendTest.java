package org.hrmlab.viz.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;

import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live data appended to a plot with a fixed x range and round y bounds is drawn point by point: the work of an append
 * does not grow with what the plot already holds, and the result looks like the plot drawn at once.
 */
class SeriesPlotAppendTest {
    private static final int SEGMENTS = 16;
    private static final int H_CYCLES = 8;
    private static final int L_STEPS = 16;
    private static final int UPDATES = 1 + SEGMENTS * H_CYCLES * (L_STEPS + 1);

    @BeforeAll
    static void toolkit() {
        FxThread.start();
    }

    private static <T> T onFx(Callable<T> call) throws Exception {
        T value = FxThread.call(call);
        // repaints are posted with runLater: let them run
        FxThread.flush();
        return value;
    }

    private static SeriesPlot plot() {
        var p = new SeriesPlot();
        p.setLogY(true);
        p.setNiceYRange(true);
        p.setXRange(0, UPDATES - 1);
        p.resize(480, 220);
        p.layout();
        return p;
    }

    private static SeriesPlot.Series series(int k, double[] x, double[] y) {
        return new SeriesPlot.Series(k == 0 ? "zL" : "zH", SeriesPlot.seriesColor(k), x, y, k == 1);
    }

    /** Residual-like values of update {@code t}: L-updates settle within an H cycle, everything damps per segment. */
    private static double residual(int t) {
        int u = t - 1;
        int segment = u / (H_CYCLES * (L_STEPS + 1));
        int pos = u % (L_STEPS + 1);
        double damp = Math.pow(0.8, segment);
        return pos < L_STEPS ? 0.9 * Math.pow(0.7, pos) * damp : 0.5 * damp;
    }

    @Test
    void appendsDrawOnlyTheNewPoints() throws Exception {
        var live = onFx(() -> {
            var p = plot();
            p.setSeries(List.of(series(0, new double[0], new double[0]), series(1, new double[0], new double[0])));
            return p;
        });
        long fullBefore = onFx(live::fullPaints);
        int lPoints = 0;
        int hPoints = 0;
        for (int cycle = 0; cycle < SEGMENTS * H_CYCLES; cycle++) {
            double[] lx = new double[L_STEPS];
            double[] ly = new double[L_STEPS];
            for (int k = 0; k < L_STEPS; k++) {
                int t = 1 + cycle * (L_STEPS + 1) + k;
                lx[k] = t;
                ly[k] = residual(t);
            }
            int h = (cycle + 1) * (L_STEPS + 1);
            lPoints += L_STEPS;
            hPoints++;
            onFx(() -> {
                live.appendPoints(0, lx, ly);
                live.appendPoints(1, new double[] {h}, new double[] {residual(h)});
                return null;
            });
        }
        long full = onFx(live::fullPaints) - fullBefore;
        long painted = onFx(live::pointsPainted);
        int total = lPoints + hPoints;
        assertEquals(UPDATES - 1, total);
        assertTrue(full <= 6, "full redraws only when the y axis gains a decade: " + full);
        assertTrue(painted <= total + 2 * SEGMENTS * H_CYCLES + full * total,
                "each append draws its own points (and the one before): " + painted);
        assertTrue(painted < 5L * total, "drawing did not grow with the plot: " + painted + " for " + total);

        double[][] all = onFx(() -> {
            var s = live.getSeries();
            return new double[][] {s.get(0).x(), s.get(0).y(), s.get(1).x(), s.get(1).y()};
        });
        assertEquals(lPoints, all[0].length);
        var whole = onFx(() -> {
            var p = plot();
            p.setSeries(List.of(series(0, all[0], all[1]), series(1, all[2], all[3])));
            return p;
        });
        var a = onFx(() -> live.snapshot(new SnapshotParameters(), null));
        var b = onFx(() -> whole.snapshot(new SnapshotParameters(), null));
        assertTrue(differingPixels(a, b) < 0.01 * a.getWidth() * a.getHeight(),
                "appended drawing looks like drawing at once: " + differingPixels(a, b) + " pixels differ");
    }

    private static int differingPixels(WritableImage a, WritableImage b) {
        int w = (int) Math.min(a.getWidth(), b.getWidth());
        int h = (int) Math.min(a.getHeight(), b.getHeight());
        int differ = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                Color p = a.getPixelReader().getColor(x, y);
                Color q = b.getPixelReader().getColor(x, y);
                if (Math.abs(p.getRed() - q.getRed()) + Math.abs(p.getGreen() - q.getGreen())
                        + Math.abs(p.getBlue() - q.getBlue()) + Math.abs(p.getOpacity() - q.getOpacity()) > 0.3) {
                    differ++;
                }
            }
        }
        return differ;
    }
}

