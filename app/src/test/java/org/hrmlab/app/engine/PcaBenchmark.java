package org.hrmlab.app.engine;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.hrmlab.app.LabContext;
import org.hrmlab.app.engine.fake.FakeStepper;
import org.hrmlab.app.inspector.PcaChartData;
import org.hrmlab.app.inspector.PcaPanel;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.shell.FxTestSupport;
import org.hrmlab.app.shell.LabWindow;
import org.hrmlab.app.training.FakeTrainMain;
import org.hrmlab.viz.plot.TrajectoryChart;
import org.junit.jupiter.api.Test;

/**
 * Times the PCA panel's two costs (not a unit test: no assertions, run it on purpose with
 * {@code -Dtest=PcaBenchmark}): a refit of both latents on the worker thread, for runs of several lengths and hidden
 * sizes; one cursor move on the chart (strong path and ring moved, the chart drawn once into a panel-sized image);
 * and the same in the lab window, where the chart viewer redraws on the FX thread. Writes
 * {@code target/pca-report.txt}.
 */
class PcaBenchmark {
    private static final int REPEATS = 15;

    @Test
    void measure() throws Exception {
        var report = new StringBuilder();
        for (int hidden : new int[] {64, 512}) {
            for (int updates : new int[] {25, 97, 385}) {
                PooledTrajectory t = trajectory(updates, hidden);
                TrajectoryPcaFit.fit(t);
                double[] ms = new double[REPEATS];
                for (int r = 0; r < REPEATS; r++) {
                    long t0 = System.nanoTime();
                    TrajectoryPcaFit.fit(t);
                    ms[r] = (System.nanoTime() - t0) / 1e6;
                }
                report.append(String.format(Locale.ROOT, "fit both latents, hidden %d, %d updates: %s%n", hidden,
                        updates, stats(ms)));
            }
        }
        for (int updates : new int[] {97, 385}) {
            var chart = new TrajectoryChart(PcaChartData.of(TrajectoryPcaFit.fit(trajectory(updates, 512)), "zH"));
            var image = new BufferedImage(360, 160, BufferedImage.TYPE_INT_ARGB);
            var g = image.createGraphics();
            double[] ms = new double[4 * REPEATS];
            for (int r = -REPEATS; r < ms.length; r++) {
                long t0 = System.nanoTime();
                chart.setCursor(Math.floorMod(r * 7, updates));
                chart.chart().draw(g, new Rectangle2D.Double(0, 0, 360, 160));
                if (r >= 0) {
                    ms[r] = (System.nanoTime() - t0) / 1e6;
                }
            }
            g.dispose();
            report.append(String.format(Locale.ROOT, "cursor move + one draw (360x160 px, AWT), %d points: %s%n",
                    updates, stats(ms)));
        }
        report.append(onScreen());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "pca-report.txt"), report.toString());
    }

    /** The lab window (hidden 512, the 30x30 maze run to its halt): a cursor move's cost in the PCA panel. */
    private static String onScreen() throws Exception {
        javafx.stage.Stage stage = org.testfx.api.FxToolkit.registerPrimaryStage();
        var ctx = FxTestSupport.onFx(() -> {
            var c = new LabContext(new FakeStepper(0, 512), FakeTrainMain.command());
            var window = new LabWindow(c);
            stage.setScene(window.createScene(1280, 800));
            stage.show();
            return c;
        });
        var vm = ctx.inspector();
        FxTestSupport.fx(() -> vm.loadPuzzle(SamplePuzzles.maze()));
        FxTestSupport.fx(vm::runToHalt);
        FxTestSupport.waitUntil(() -> vm.haltedProperty().get() && !vm.busyProperty().get()
                && vm.pcaProperty().get().updates() == vm.timeline().size(), 60);
        var panel = (PcaPanel) stage.getScene().lookup("#pca-panel");
        int n = FxTestSupport.onFx(() -> vm.timeline().size());
        double[] ms = new double[10 * n];
        FxTestSupport.fx(() -> {
            for (int r = -n; r < ms.length; r++) {
                long t0 = System.nanoTime();
                panel.progressLayer().setCursor(Math.floorMod(r * 7, n));
                if (r >= 0) {
                    ms[r] = (System.nanoTime() - t0) / 1e6;
                }
            }
        });
        FxTestSupport.fx(ctx::close);
        return String.format(Locale.ROOT, "cursor move on screen (the path layer over the chart, FX thread), %d points:"
                + " %s%n",
                n, stats(ms));
    }

    private static PooledTrajectory trajectory(int updates, int hidden) {
        var random = new Random(updates + hidden);
        List<double[]> zL = new ArrayList<>();
        List<double[]> zH = new ArrayList<>();
        double[] l = new double[hidden];
        double[] h = new double[hidden];
        for (int i = 0; i < updates; i++) {
            for (int d = 0; d < hidden; d++) {
                l[d] = 0.9 * l[d] + random.nextGaussian();
                h[d] = 0.98 * h[d] + 0.3 * random.nextGaussian();
            }
            zL.add(l.clone());
            zH.add(h.clone());
        }
        int[] ends = new int[(updates - 1) / 6];
        for (int s = 0; s < ends.length; s++) {
            ends[s] = 6 * (s + 1);
        }
        return new PooledTrajectory(1, zL, zH, ends, 1);
    }

    private static String stats(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "median %.2f ms, p95 %.2f ms, max %.2f ms", s[s.length / 2],
                s[(int) Math.min(s.length - 1, Math.floor(0.95 * s.length))], s[s.length - 1]);
    }
}
