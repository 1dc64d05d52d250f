package org.hrmlab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.hrmlab.app.engine.fake.FakeStepper;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.shell.FxTestSupport;
import org.hrmlab.app.shell.LabWindow;
import org.hrmlab.app.training.FakeTrainMain;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Measures the FX thread while frames stream (not a unit test: no assertions, run it on purpose with
 * {@code -Dtest=PulseBenchmark}). For each puzzle (hidden 512, so a maze frame carries 2 x 901 x 512 floats) it runs
 * to the halt with streaming, plays back at 60 updates/s and scrubs once per pulse, and records (a) the time each
 * engine delivery takes on the FX thread, listeners and canvas/heat-map redraws included, and (b) the gaps between
 * consecutive pulses seen by an AnimationTimer (an upper bound of the longest pulse, rendering included).
 * Writes {@code target/pulse-report.txt}.
 */
class PulseBenchmark {
    private final ConcurrentLinkedQueue<Long> handlerNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> gapNanos = new ConcurrentLinkedQueue<>();

    @Test
    void measure() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        var ctx = FxTestSupport.onFx(() -> {
            var c = new LabContext(new FakeStepper(0, 512), FakeTrainMain.command(), r -> Platform.runLater(() -> {
                long t0 = System.nanoTime();
                r.run();
                handlerNanos.add(System.nanoTime() - t0);
            }));
            var window = new LabWindow(c);
            stage.setScene(window.createScene(1280, 800));
            stage.show();
            return c;
        });
        var report = new StringBuilder();
        for (LabPuzzle p : new LabPuzzle[] {SamplePuzzles.sudoku(), SamplePuzzles.maze()}) {
            report.append(run(ctx, p));
        }
        FxTestSupport.fx(ctx::close);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "pulse-report.txt"), report.toString());
    }

    private String run(LabContext ctx, LabPuzzle puzzle) throws Exception {
        var vm = ctx.inspector();
        FxTestSupport.fx(() -> vm.loadPuzzle(puzzle));
        FxTestSupport.waitUntil(() -> puzzle.equals(vm.getPuzzle()) && !vm.busyProperty().get(), 30);
        handlerNanos.clear();
        gapNanos.clear();
        var timer = new AnimationTimer() {
            private long last = -1;

            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (last >= 0) {
                    gapNanos.add(t - last);
                }
                last = t;
            }
        };
        FxTestSupport.fx(timer::start);
        FxTestSupport.fx(vm::runToHalt);
        FxTestSupport.waitUntil(() -> vm.haltedProperty().get() && !vm.busyProperty().get(), 60);
        FxTestSupport.fx(() -> {
            vm.seek(0);
            vm.speedProperty().set(60);
            vm.togglePlay();
        });
        FxTestSupport.waitUntil(() -> !vm.playingProperty().get(), 60);
        int n = FxTestSupport.onFx(() -> vm.timeline().size());
        for (int i = 0; i < 3 * n; i++) {
            int target = (i * 7) % n;
            Platform.runLater(() -> vm.seek(target));
            Thread.sleep(16);
        }
        FxTestSupport.waitUntil(() -> true, 5);
        Thread.sleep(300);
        FxTestSupport.fx(timer::stop);
        return String.format(Locale.ROOT, "%s (%d updates): deliveries %s; pulse gaps %s%n", puzzle.name(), n,
                stats(handlerNanos), stats(gapNanos));
    }

    private static String stats(ConcurrentLinkedQueue<Long> nanos) {
        double[] ms = nanos.stream().mapToDouble(v -> v / 1e6).sorted().toArray();
        if (ms.length == 0) {
            return "none";
        }
        return String.format(Locale.ROOT, "n=%d median %.2f ms, p95 %.2f ms, max %.2f ms", ms.length,
                ms[ms.length / 2], ms[(int) Math.min(ms.length - 1, Math.floor(0.95 * ms.length))],
                Arrays.stream(ms).max().orElse(0));
    }
}
