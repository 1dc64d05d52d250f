package org.hrmlab.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.StepperPort;
import org.hrmlab.app.engine.fake.FakeStepper;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.app.engine.hrm.HrmEngineStepper;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.shell.FxTestSupport;
import org.hrmlab.app.shell.LabWindow;
import org.hrmlab.app.training.FakeTrainMain;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.io.HrmLabModelFile;
import org.hrmlab.engine.model.HrmInitializer;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Measures the FX thread while frames stream (not a unit test: no assertions, run it on purpose with
 * {@code -Dtest=PulseBenchmark}). Each run goes through three phases in the real lab window (headless Monocle):
 * <ol>
 *   <li>stream: run to the halt with streaming;</li>
 *   <li>playback: play at 60 updates/s, restarting when the end is reached, for {@code hrmlab.pulse.playSeconds}:
 *   from update 0 on a short run, over the last {@value #LONG_PLAY_SPAN} updates of a long one;</li>
 *   <li>scrub: one seek per ~16 ms, scattered over the whole timeline (at most {@value #MAX_SEEKS}).</li>
 * </ol>
 * For each phase it records the gaps between consecutive pulses seen by an AnimationTimer (an upper bound of the
 * longest pulse, rendering included), the <b>FX pulse</b> itself (from the first animation timer to the end of
 * layout, wall time and FX-thread CPU; rendering runs on its own thread), the CPU the FX thread used between pulses,
 * and the time each engine delivery and each seek takes on the FX thread (listeners and redraws included); during
 * playback also the pulses per second, the cursor moves per second and the heat-map (full-frame) updates per second.
 * Writes {@code target/pulse-report.txt}.
 * <p>
 * The fake engine also runs the <b>long</b> scenario: {@value #LONG_SEGMENTS} segments x {@value #LONG_H} H-cycles
 * x {@value #LONG_L} L-steps (16 * 8 * 17 = 2,176 updates after the initial state, Q-halting off) on the Sudoku and
 * the maze, where work that grows with the timeline shows.
 * <p>
 * System properties: {@code hrmlab.pulse.engine} = {@code fake} (scripted {@link FakeStepper}, Sudoku and the 30x30
 * maze, default and long schedules), {@code real} ({@link HrmEngineStepper} on a freshly initialised, untrained model
 * of the reference 27M shape, the 30x30 maze) or {@code fake,real}; {@code hrmlab.pulse.hidden} (512; 8 heads, 4+4
 * layers, 2x2 cycles); {@code hrmlab.pulse.segments} (ACT segments of the real run, 16);
 * {@code hrmlab.pulse.playSeconds} (5); {@code hrmlab.pulse.long} ({@code true}: run the long scenario with the fake).
 */
class PulseBenchmark {
    private final ConcurrentLinkedQueue<Long> handlerNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> gapNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> fxCpuNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> renderCpuNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> pulseNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> pulseCpuNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> seekNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> allPulseNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> allPulseCpuNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> longPulseNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> longPulseCpuNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> longFxCpuNanos = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pulses = new AtomicInteger();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private static final int HIDDEN = Integer.getInteger("hrmlab.pulse.hidden", 512);
    private static final int SEGMENTS = Integer.getInteger("hrmlab.pulse.segments", 16);
    private static final double PLAY_SECONDS = Double.parseDouble(System.getProperty("hrmlab.pulse.playSeconds", "5"));
    private static final boolean LONG = Boolean.parseBoolean(System.getProperty("hrmlab.pulse.long", "true"));
    static final int LONG_SEGMENTS = 16;
    static final int LONG_H = 8;
    static final int LONG_L = 16;
    /** Updates a long run's playback goes over, at its end. */
    static final int LONG_PLAY_SPAN = 300;
    static final int MAX_SEEKS = 600;
    /** The schedule: 16 segments x 8 H-cycles x 16 L-steps, every segment run (no Q-halting). */
    private static final InferenceSettings LONG_SETTINGS =
            new InferenceSettings(LONG_H, LONG_L, LONG_SEGMENTS, false, DecodeMode.DIRECT);

    @Test
    void measure() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        var report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "cores %d, load average at start %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage()));
        for (String engine : System.getProperty("hrmlab.pulse.engine", "fake").split(",")) {
            boolean real = engine.trim().equals("real");
            StepperPort port = real ? new HrmEngineStepper(new DefaultModels(Map.of())) : new FakeStepper(0, HIDDEN);
            report.append(real
                    ? String.format(Locale.ROOT, "== real engine: untrained HRM, hidden %d, 8 heads, 4+4 layers, "
                            + "H_cycles 2, L_cycles 2, %d segments%n", HIDDEN, SEGMENTS)
                    : String.format(Locale.ROOT, "== scripted FakeStepper, hidden %d%n", HIDDEN));
            var ctx = FxTestSupport.onFx(() -> {
                var c = new LabContext(port, FakeTrainMain.command(), r -> Platform.runLater(() -> {
                    long t0 = System.nanoTime();
                    r.run();
                    handlerNanos.add(System.nanoTime() - t0);
                }));
                var window = new LabWindow(c);
                stage.setScene(window.createScene(1280, 800));
                stage.show();
                return c;
            });
            if (real) {
                Path model = untrainedModel();
                FxTestSupport.fx(() -> ctx.inspector().loadModel(model));
                FxTestSupport.waitUntil(() -> ctx.inspector().modelProperty().get().name().equals(
                        model.getFileName().toString()), 120);
            }
            var puzzles = real ? List.of(SamplePuzzles.maze()) : List.of(SamplePuzzles.sudoku(), SamplePuzzles.maze());
            for (LabPuzzle p : puzzles) {
                report.append(run(ctx, stage.getScene(), p, null));
            }
            if (!real && LONG) {
                for (LabPuzzle p : puzzles) {
                    report.append(run(ctx, stage.getScene(), p, LONG_SETTINGS));
                }
            }
            FxTestSupport.fx(ctx::close);
        }
        report.append(String.format(Locale.ROOT, "FX pulse over every phase: %s%n"
                + "FX pulse CPU over every phase: %s%n", stats(allPulseNanos), stats(allPulseCpuNanos)));
        if (!longPulseNanos.isEmpty()) {
            report.append(String.format(Locale.ROOT, "long runs (%d x %d x %d), every phase: FX pulse %s%n"
                    + "                   FX pulse CPU %s%n                   FX thread CPU per pulse %s%n",
                    LONG_SEGMENTS, LONG_H, LONG_L, stats(longPulseNanos), stats(longPulseCpuNanos),
                    stats(longFxCpuNanos)));
        }
        report.append(String.format(Locale.ROOT, "load average at end %s%n", loadAverage()));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "pulse-report.txt"), report.toString());
        System.out.print(report);
    }

    /** A freshly initialised model of the reference shape for the 30x30 maze, written as an HRM Lab model file. */
    private static Path untrainedModel() throws Exception {
        var maze = SamplePuzzles.maze();
        var config = HrmConfig.builder().seqLen(maze.input().size()).vocabSize(6).hiddenSize(HIDDEN)
                .haltMaxSteps(SEGMENTS).build();
        Path file = Path.of("target", "pulse-model-" + HIDDEN + "-" + SEGMENTS + ".safetensors");
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(file.getParent());
            HrmLabModelFile.write(file, config, HrmInitializer.init(config, 7L), Map.of("origin", "PulseBenchmark"));
        }
        return file.toAbsolutePath();
    }

    /**
     * The three phases on {@code puzzle}: with the model's settings ({@code settings} null, the run loaded and then
     * run to the halt) or with {@code settings} applied (a rerun to the halt).
     */
    private String run(LabContext ctx, Scene scene, LabPuzzle puzzle, InferenceSettings settings) throws Exception {
        var vm = ctx.inspector();
        var out = new StringBuilder();
        FxTestSupport.fx(() -> vm.loadPuzzle(puzzle));
        FxTestSupport.waitUntil(() -> puzzle.equals(vm.getPuzzle()) && !vm.busyProperty().get(), 120);
        var pulseStart = new long[] {-1, 0};
        Runnable pulseEnd = () -> {
            if (pulseStart[0] >= 0) {
                long wall = System.nanoTime() - pulseStart[0];
                long cpu = threads.getCurrentThreadCpuTime() - pulseStart[1];
                pulseNanos.add(wall);
                pulseCpuNanos.add(cpu);
                allPulseNanos.add(wall);
                allPulseCpuNanos.add(cpu);
                if (settings != null) {
                    longPulseNanos.add(wall);
                    longPulseCpuNanos.add(cpu);
                }
                pulseStart[0] = -1;
            }
        };
        FxTestSupport.fx(() -> scene.addPostLayoutPulseListener(pulseEnd));
        long renderThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(-1);
        var timer = new AnimationTimer() {
            private long last = -1;
            private long lastFxCpu;
            private long lastRenderCpu;

            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                long fxCpu = threads.getCurrentThreadCpuTime();
                pulseStart[0] = t;
                pulseStart[1] = fxCpu;
                long renderCpu = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
                if (last >= 0) {
                    gapNanos.add(t - last);
                    fxCpuNanos.add(fxCpu - lastFxCpu);
                    if (settings != null) {
                        longFxCpuNanos.add(fxCpu - lastFxCpu);
                    }
                    renderCpuNanos.add(renderCpu - lastRenderCpu);
                }
                last = t;
                lastFxCpu = fxCpu;
                lastRenderCpu = renderCpu;
                pulses.incrementAndGet();
            }
        };
        FxTestSupport.fx(timer::start);

        reset();
        long t0 = System.nanoTime();
        FxTestSupport.fx(settings == null ? vm::runToHalt : () -> vm.applySettings(settings));
        FxTestSupport.waitUntil(() -> vm.haltedProperty().get() && !vm.busyProperty().get(), 540);
        int n = FxTestSupport.onFx(() -> vm.timeline().size());
        var s = FxTestSupport.onFx(vm::getSettings);
        out.append(String.format(Locale.ROOT, "%s, %d segments x %d H-cycles x %d L-steps%s, %d updates%n"
                + "  stream   (%.1f s): deliveries %s%n                   pulse gaps %s%n%s", puzzle.name(),
                s.maxSegments(), s.hCycles(), s.lCycles(), s.qHalting() ? " (Q-halting)" : "", n,
                (System.nanoTime() - t0) / 1e9, stats(handlerNanos), stats(gapNanos), cpu()));

        reset();
        var cursorMoves = new AtomicInteger();
        var statesShown = new AtomicInteger();
        FxTestSupport.fx(() -> {
            vm.cursorProperty().addListener((o, was, now) -> cursorMoves.incrementAndGet());
            vm.statesFrameProperty().addListener((o, was, now) -> statesShown.incrementAndGet());
            vm.speedProperty().set(60);
        });
        int playFrom = settings == null ? 0 : Math.max(0, n - 1 - LONG_PLAY_SPAN);
        long p0 = System.nanoTime();
        while ((System.nanoTime() - p0) / 1e9 < PLAY_SECONDS) {
            FxTestSupport.fx(() -> {
                vm.seek(playFrom);
                vm.playingProperty().set(true);
            });
            FxTestSupport.waitUntil(() -> !vm.playingProperty().get(), 60);
        }
        double played = (System.nanoTime() - p0) / 1e9;
        out.append(String.format(Locale.ROOT, "  playback (%.1f s at 60 updates/s from update %d): %.1f pulses/s,"
                + " %.1f cursor moves/s, %.1f heat-map updates/s%n                   deliveries %s%n"
                + "                   pulse gaps %s%n%s", played, playFrom, pulses.get() / played,
                cursorMoves.get() / played, statesShown.get() / played, stats(handlerNanos), stats(gapNanos), cpu()));

        reset();
        long s0 = System.nanoTime();
        int moves = Math.min(Math.max(3 * n, 300), MAX_SEEKS);
        for (int i = 0; i < moves; i++) {
            int target = (i * 7) % n;
            Platform.runLater(() -> {
                long t = System.nanoTime();
                vm.seek(target);
                seekNanos.add(System.nanoTime() - t);
            });
            Thread.sleep(16);
        }
        Thread.sleep(300);
        FxTestSupport.fx(() -> {
            timer.stop();
            scene.removePostLayoutPulseListener(pulseEnd);
        });
        out.append(String.format(Locale.ROOT, "  scrub    (%.1f s, %d seeks): deliveries %s%n"
                + "                   seeks %s%n                   pulse gaps %s%n%s", (System.nanoTime() - s0) / 1e9,
                moves, stats(handlerNanos), stats(seekNanos), stats(gapNanos), cpu()));
        return out.toString();
    }

    /** CPU time the FX thread and the render thread used between consecutive pulses (what load cannot inflate). */
    private String cpu() {
        return String.format(Locale.ROOT, "                   FX pulse (timers to layout) %s%n"
                + "                   FX pulse CPU %s%n"
                + "                   FX thread CPU per pulse %s%n"
                + "                   render thread CPU per pulse %s%n", stats(pulseNanos), stats(pulseCpuNanos),
                stats(fxCpuNanos), stats(renderCpuNanos));
    }

    private void reset() {
        handlerNanos.clear();
        gapNanos.clear();
        fxCpuNanos.clear();
        renderCpuNanos.clear();
        pulseNanos.clear();
        pulseCpuNanos.clear();
        seekNanos.clear();
        pulses.set(0);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String stats(ConcurrentLinkedQueue<Long> nanos) {
        double[] ms = nanos.stream().mapToDouble(v -> v / 1e6).sorted().toArray();
        if (ms.length == 0) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        parts.add("n=" + ms.length);
        parts.add(String.format(Locale.ROOT, "median %.2f", ms[ms.length / 2]));
        parts.add(String.format(Locale.ROOT, "p95 %.2f", percentile(ms, 0.95)));
        parts.add(String.format(Locale.ROOT, "p99 %.2f", percentile(ms, 0.99)));
        parts.add(String.format(Locale.ROOT, "max %.2f ms", Arrays.stream(ms).max().orElse(0)));
        parts.add(String.format(Locale.ROOT, "(%d over 16 ms, %d over 25 ms)", Arrays.stream(ms).filter(v -> v > 16).count(),
                Arrays.stream(ms).filter(v -> v > 25).count()));
        return String.join(", ", parts);
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
