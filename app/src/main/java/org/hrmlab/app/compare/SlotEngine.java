package org.hrmlab.app.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.EngineRunner;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.ModelInfo;
import org.hrmlab.app.engine.PooledStateRecorder;
import org.hrmlab.app.engine.SnapshotBridge;
import org.hrmlab.app.engine.StepperException;
import org.hrmlab.app.engine.TrajectoryPca;
import org.hrmlab.app.engine.TrajectoryPcaService;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.app.engine.hrm.HrmEngineStepper;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.engine.HaltRule;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.io.CheckpointException;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.io.ModelInputs;
import org.hrmlab.puzzles.PuzzleKind;

/**
 * The engine side of one Compare slot: a stepper on the real engine on a worker thread of its own, wrapped as the
 * inspector's is (a {@link PooledStateRecorder} for the PCA, an {@link EngineRunner} that reads every recorded frame
 * and hands results to the FX thread through a {@link SnapshotBridge}). One engine per model: choosing another model
 * closes this one without waiting for it.
 */
final class SlotEngine {
    private static final System.Logger LOG = System.getLogger(SlotEngine.class.getName());

    /** What to load: a checkpoint file, or the shipped models (per puzzle kind and size) when {@code file} is null. */
    record Source(Path file, String name) {
        static Source shipped() {
            return new Source(null, "shipped models");
        }

        static Source checkpoint(Path file, String name) {
            return new Source(Objects.requireNonNull(file, "file"), name == null ? nameOf(file) : name);
        }

        /**
         * @return the file's name; a reference {@code step_N} with the run's folder ("trm-sudoku-small/step_0"), the
         *         nearest one above it that is not a {@code checkpoint(s)} folder
         */
        static String nameOf(Path file) {
            String name = file.getFileName().toString();
            if (!name.matches("step_\\d+")) {
                return name;
            }
            for (Path up = file.getParent(); up != null && up.getFileName() != null; up = up.getParent()) {
                String dir = up.getFileName().toString();
                if (!dir.equals("checkpoint") && !dir.equals("checkpoints")) {
                    return dir + "/" + name;
                }
            }
            return name;
        }
    }

    private final ExecutorService worker;
    private final Executor fx;
    private final HrmEngineStepper stepper = new HrmEngineStepper(DefaultModels.shipped());
    private final EngineRunner runner;
    private volatile boolean closed;

    /**
     * @param threadName the worker's name
     * @param fx         the FX executor ({@code Platform::runLater})
     * @param pcaWorker  where the PCA of the run is fitted
     * @param deliveries receives the runner's deliveries on the FX thread
     * @param pca        receives each PCA fit on the FX thread
     */
    SlotEngine(String threadName, Executor fx, Executor pcaWorker, Consumer<SnapshotBridge.Delivery> deliveries,
               Consumer<TrajectoryPca> pca) {
        this.fx = fx;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            var t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        var bridge = new SnapshotBridge(fx, deliveries);
        var pcaService = new TrajectoryPcaService(pcaWorker, fx, pca);
        runner = new EngineRunner(new PooledStateRecorder(stepper, pcaService::offer), worker, bridge);
    }

    /** Loads {@code source} on the worker; {@code loaded} or {@code failed} (one line) is called on the FX thread. */
    void load(Source source, Consumer<SlotModel> loaded, Consumer<String> failed) {
        execute(() -> {
            SlotModel model;
            try {
                model = source.file() == null ? shipped() : checkpoint(source);
            } catch (CheckpointException | StepperException e) {
                fx.execute(() -> failed.accept(e.getMessage()));
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "loading a model to compare failed", e);
                fx.execute(() -> failed.accept("cannot open " + source.name() + ": " + e));
                return;
            }
            fx.execute(() -> loaded.accept(model));
        });
    }

    /** Starts a run on {@code puzzle} and runs it to its halt, streaming every update. */
    void run(LabPuzzle puzzle, InferenceSettings settings) {
        runner.start(puzzle, settings);
        runner.runToHalt();
    }

    /** Stops the run after the segment in progress and lets the worker end; returns at once. */
    void close() {
        closed = true;
        runner.cancel();
        try {
            worker.execute(stepper::close);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "compare worker already stopped");
        }
        worker.shutdown();
    }

    private void execute(Runnable task) {
        if (closed) {
            return;
        }
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "compare worker stopped; dropped a load");
        }
    }

    private SlotModel checkpoint(Source source) throws CheckpointException {
        ModelCheckpoint cp = CheckpointLoader.load(source.file());
        ModelInfo info = stepper.useModel(cp, source.name());
        HrmConfig c = cp.config();
        InferenceSettings own = info.defaults();
        return new SlotModel(source.name(), source.file().toString(), cp.sha256(), c.family(), c.haltRule(),
                info.inputs().describe(), p -> refusal(info, p), p -> own);
    }

    /** The shipped models, each loaded here once, so that the FX thread's look-ups only read them. */
    private static SlotModel shipped() {
        DefaultModels shipped = DefaultModels.shipped();
        Map<ModelCheckpoint, InferenceSettings> settings = new java.util.IdentityHashMap<>();
        ModelFamily family = ModelFamily.HRM;
        HaltRule rule = HaltRule.HALT_ABOVE_CONTINUE;
        List<String> takes = new ArrayList<>();
        for (PuzzleKind kind : PuzzleKind.values()) {
            for (ModelCheckpoint m : shipped.allOfKind(kind)) {
                HrmConfig c = m.config();
                takes.add(ModelInputs.of(m).describe());
                settings.put(m, new InferenceSettings(c.hCycles(), c.lCycles(), c.haltMaxSteps(), true,
                        DecodeMode.DIRECT));
                family = c.family();
                rule = c.haltRule();
            }
        }
        Function<LabPuzzle, String> refusal = p -> {
            try {
                shipped.forPuzzle(p);
                return null;
            } catch (StepperException e) {
                return e.getMessage();
            }
        };
        return new SlotModel("shipped models", "shipped with HRM Lab (per puzzle kind and size)", null, family, rule,
                String.join(", ", takes), refusal, p -> {
                    try {
                        return settings.getOrDefault(shipped.forPuzzle(p), InferenceSettings.DEFAULTS);
                    } catch (StepperException e) {
                        return InferenceSettings.DEFAULTS;
                    }
                });
    }

    /** @return why the model of {@code info} does not take {@code p}: it does not fit, or its file does not say */
    static String refusal(ModelInfo info, LabPuzzle p) {
        var fit = info.fit(p);
        if (fit == ModelInputs.Fit.FITS) {
            return null;
        }
        if (fit == ModelInputs.Fit.DOES_NOT_FIT) {
            return info.mismatch(p);
        }
        return info.name() + " does not say which puzzles it takes (" + info.inputs().describeWithBasis() + ")";
    }
}
