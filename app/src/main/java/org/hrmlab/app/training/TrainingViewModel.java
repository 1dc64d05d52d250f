package org.hrmlab.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.hrmlab.app.shell.Notices;
import org.hrmlab.engine.train.TrainingEvent;

/**
 * A training run as a child process: configuration, the device it trains on, state, live metrics (decimated to at
 * most {@value #MAX_POINTS} train events), progress (step / total steps) with the trainer's ETA, stop, resume and the newest checkpoint. The
 * child's stdout lines are {@link TrainingEvent}s, read with {@link TrainingEvent#parse}; they arrive on reader threads
 * and are applied on the FX thread in batches.
 */
public final class TrainingViewModel {
    /** Where a run is. */
    public enum State {
        IDLE, STARTING, RUNNING, STOPPING, FINISHED, STOPPED, CRASHED
    }

    static final int MAX_POINTS = 2000;
    private static final long STOP_GRACE_MILLIS = 3000;

    // Properties

    private final ObjectProperty<Path> config = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> outDir = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>(DeviceChoice.AUTO);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No run yet.");
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> latestCheckpoint = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrainingEvent> latest = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TrainingEvent.Train> trainLines = FXCollections.observableArrayList();
    private final ObservableList<TrainingEvent.Eval> evalLines = FXCollections.observableArrayList();
    private final ObservableList<TrainingEvent.Train> trainLinesView =
            FXCollections.unmodifiableObservableList(trainLines);
    private final ObservableList<TrainingEvent.Eval> evalLinesView = FXCollections.unmodifiableObservableList(evalLines);

    private final TrainingCommand command;
    private final Executor background;
    private final Notices notices;
    private final Consumer<Path> checkpointOpener;
    private final FxBatcher<Object> batcher;
    private TrainingProcess process;
    private int runId;

    /**
     * @param background where the process is launched (not the FX thread)
     * @param fxExecutor where process events are applied ({@code Platform::runLater}; same-thread in tests)
     * @param checkpointOpener opens a checkpoint in the inspector
     */
    public TrainingViewModel(TrainingCommand command, Executor background, Executor fxExecutor, Notices notices,
                             Consumer<Path> checkpointOpener) {
        this.command = Objects.requireNonNull(command, "command");
        this.background = Objects.requireNonNull(background, "background");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.checkpointOpener = Objects.requireNonNull(checkpointOpener, "checkpointOpener");
        this.batcher = new FxBatcher<>(fxExecutor, this::apply);
    }

    public ObjectProperty<Path> configProperty() {
        return config;
    }

    public ObjectProperty<Path> outDirProperty() {
        return outDir;
    }

    /** Where the next start or resume trains ({@code --device}); null means {@link DeviceChoice#AUTO}. */
    public ObjectProperty<DeviceChoice> deviceProperty() {
        return device;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    /** Steps done / total steps (0..1), or -1 until the run's first train event says how long it is. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "ETA 1m 05s" while a run goes, from the trainer's estimate; empty otherwise. */
    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    /** The child's last stdout or stderr line, shown when it crashes. */
    public ReadOnlyStringProperty lastLineProperty() {
        return lastLine.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> latestCheckpointProperty() {
        return latestCheckpoint.getReadOnlyProperty();
    }

    /** The child's last event. */
    public ReadOnlyObjectProperty<TrainingEvent> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public ObservableList<TrainingEvent.Train> trainLines() {
        return trainLinesView;
    }

    public ObservableList<TrainingEvent.Eval> evalLines() {
        return evalLinesView;
    }

    public boolean isActive() {
        var s = state.get();
        return s == State.STARTING || s == State.RUNNING || s == State.STOPPING;
    }

    // Commands

    public void start() {
        launch(false);
    }

    /** Continues the run in the output folder from its newest checkpoint. */
    public void resume() {
        launch(true);
    }

    /** Ends the child process tree (politely, then by force). */
    public void stop() {
        if (process != null && isActive()) {
            state.set(State.STOPPING);
            status.set("Stopping pid " + process.pid() + "...");
            process.stop(STOP_GRACE_MILLIS);
        }
    }

    /** Opens the newest checkpoint of the run in the inspector. */
    public void openLatestCheckpoint() {
        var ckpt = latestCheckpoint.get();
        if (ckpt == null) {
            notices.error("no checkpoint written by this run yet");
            return;
        }
        checkpointOpener.accept(ckpt);
    }

    public void openCheckpoint(Path checkpoint) {
        checkpointOpener.accept(Objects.requireNonNull(checkpoint, "checkpoint"));
    }

    private void launch(boolean resume) {
        if (isActive()) {
            return;
        }
        var cfg = config.get();
        var out = outDir.get();
        if (cfg == null || out == null) {
            notices.error("choose a config file and an output folder first");
            return;
        }
        var cmd = command.build(cfg, out, resume, device.get() == null ? DeviceChoice.AUTO : device.get());
        int id = ++runId;
        if (!resume) {
            trainLines.clear();
            evalLines.clear();
            latestCheckpoint.set(null);
        }
        progress.set(-1);
        eta.set("");
        lastLine.set("");
        state.set(State.STARTING);
        status.set((resume ? "Resuming" : "Starting") + ": " + String.join(" ", cmd.subList(Math.max(0,
                cmd.indexOf("train")), cmd.size())));
        background.execute(() -> {
            try {
                var p = TrainingProcess.start(cmd, null, new TrainingProcess.Listener() {
                    @Override
                    public void onLine(String line) {
                        batcher.add(new Line(id, line));
                    }

                    @Override
                    public void onExit(int exitCode, List<String> stderrTail) {
                        batcher.add(new Exit(id, exitCode, stderrTail));
                    }
                });
                batcher.add(new Started(id, p));
            } catch (IOException | RuntimeException e) {
                batcher.add(new Exit(id, -1, List.of("could not start " + cmd.get(0) + ": " + e.getMessage())));
            }
        });
    }

    private record Started(int run, TrainingProcess process) {
    }

    private record Line(int run, String text) {
    }

    private record Exit(int run, int code, List<String> stderrTail) {
    }

    private void apply(List<Object> batch) {
        var newTrain = new java.util.ArrayList<TrainingEvent.Train>();
        for (Object o : batch) {
            if (o instanceof Started s && s.run() == runId) {
                process = s.process();
                if (state.get() == State.STARTING) {
                    state.set(State.RUNNING);
                    status.set("Running, pid " + process.pid());
                }
            } else if (o instanceof Line l && l.run() == runId) {
                onLine(l.text(), newTrain);
            } else if (o instanceof Exit e && e.run() == runId) {
                trainLines.addAll(newTrain);
                newTrain.clear();
                onExit(e);
            }
        }
        trainLines.addAll(newTrain);
        decimate();
    }

    private void onLine(String text, List<TrainingEvent.Train> newTrain) {
        lastLine.set(text);
        TrainingEvent event;
        try {
            event = TrainingEvent.parse(text);
        } catch (IllegalArgumentException e) {
            return;
        }
        latest.set(event);
        if (event instanceof TrainingEvent.Train t) {
            newTrain.add(t);
            showProgress(t);
        } else if (event instanceof TrainingEvent.Eval e) {
            evalLines.add(e);
        } else if (event instanceof TrainingEvent.Checkpoint c) {
            var out = outDir.get();
            latestCheckpoint.set(out == null ? Path.of(c.path()) : out.resolve(c.path()));
        } else if (event instanceof TrainingEvent.Failed f) {
            notices.error("training: " + f.message());
        }
    }

    private void showProgress(TrainingEvent.Train t) {
        var sb = new StringBuilder(String.format(Locale.ROOT, "step %d", t.step()));
        double done = t.fractionDone();
        if (done >= 0) {
            progress.set(done);
            sb.append(" / ").append(t.totalSteps());
            eta.set(Double.isFinite(t.etaSeconds()) && t.etaSeconds() >= 0 ? "ETA " + duration(t.etaSeconds()) : "");
        }
        if (Double.isFinite(t.loss())) {
            sb.append(String.format(Locale.ROOT, " \u00b7 loss %.4g", t.loss()));
        }
        if (t.exactAccuracy() != null) {
            sb.append(String.format(Locale.ROOT, " \u00b7 exact %.1f%%", 100 * t.exactAccuracy()));
        }
        if (Double.isFinite(t.examplesPerSecond())) {
            sb.append(String.format(Locale.ROOT, " \u00b7 %.1f ex/s", t.examplesPerSecond()));
        }
        status.set(sb.toString());
    }

    private void onExit(Exit e) {
        var was = state.get();
        process = null;
        eta.set("");
        if (was == State.STOPPING) {
            state.set(State.STOPPED);
            status.set("Stopped. Resume continues from the newest checkpoint.");
        } else if (e.code() == 0) {
            state.set(State.FINISHED);
            progress.set(1);
            eta.set("");
            status.set("Finished.");
        } else {
            state.set(State.CRASHED);
            String last = e.stderrTail().isEmpty() ? lastLine.get() : e.stderrTail().get(e.stderrTail().size() - 1);
            lastLine.set(last);
            status.set("Crashed with exit status " + e.code() + ": " + last);
            notices.error("training run ended with exit status " + e.code() + ": " + last);
        }
    }

    private void decimate() {
        if (trainLines.size() <= MAX_POINTS) {
            return;
        }
        var kept = new java.util.ArrayList<TrainingEvent.Train>(trainLines.size() / 2 + 1);
        for (int i = 0; i < trainLines.size(); i++) {
            if (i % 2 == 0 || i == trainLines.size() - 1) {
                kept.add(trainLines.get(i));
            }
        }
        trainLines.setAll(kept);
    }

    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s / 60 % 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + "s";
    }

    /** Whether {@code dir} looks like a run folder (for the file chooser's default). */
    static boolean isRunFolder(Path dir) {
        return Files.isDirectory(dir.resolve("checkpoints"));
    }
}
