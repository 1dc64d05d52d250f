package org.hrmlab.app.inspector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.EngineEvent;
import org.hrmlab.app.engine.EngineRunner;
import org.hrmlab.app.engine.FrameReading;
import org.hrmlab.app.engine.FrameStats;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.ModelInfo;
import org.hrmlab.app.engine.OverlayScale;
import org.hrmlab.app.engine.PooledStateRecorder;
import org.hrmlab.app.engine.SnapshotBridge;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.engine.StepperPort;
import org.hrmlab.app.engine.TrajectoryPca;
import org.hrmlab.app.engine.TrajectoryPcaService;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.shell.Notices;
import org.hrmlab.engine.io.ModelInputs;
import org.hrmlab.viz.fx.TimelineMarker;
import org.hrmlab.viz.grid.HeatOverlay;

/**
 * State and commands of the inspector. One time cursor over the recorded updates drives everything: the board,
 * the frame with hidden states, the plots and the readings. Engine work goes through an {@link EngineRunner};
 * results come back on the FX thread through a {@link SnapshotBridge}, each recorded frame with its
 * {@link FrameReading} made on the engine thread. Nothing here grows with the length of the timeline: a cursor move
 * looks readings up ({@link Boards#at}) and builds the board's overlay from values already in the frame
 * ({@link BoardOverlays}), and new updates append to the markers and plot data ({@link PlotSet.Builder},
 * {@link TimelineMarkers.Log}) and widen the overlay's scale ({@link OverlayScale#including}), which views observe as
 * immutable snapshots. No nodes here, so tests run without a toolkit (same-thread executors and a fake stepper).
 */
public final class InspectorViewModel implements AutoCloseable {
    // Properties

    private final ReadOnlyObjectWrapper<LabPuzzle> puzzle = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ModelInfo> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<InferenceSettings> settings =
            new ReadOnlyObjectWrapper<>(InferenceSettings.DEFAULTS);
    private final ObservableList<LabFrame> timeline = FXCollections.observableArrayList();
    private final ObservableList<LabFrame> timelineView = FXCollections.unmodifiableObservableList(timeline);
    /** The reading of each recorded frame, index for index with {@link #timeline}. */
    private final List<FrameReading> frameReadings = new ArrayList<>();
    private TimelineMarkers.Log markerLog = new TimelineMarkers.Log();
    private PlotSet.Builder plotLog = new PlotSet.Builder();
    private final ReadOnlyIntegerWrapper cursor = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<LabFrame> cursorFrame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LabFrame> statesFrame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FrameStats> stats = new ReadOnlyObjectWrapper<>(FrameStats.NONE);
    private final ReadOnlyObjectWrapper<BoardSnapshot> board = new ReadOnlyObjectWrapper<>(new BoardSnapshot.Empty());
    private final ObjectProperty<OverlayLayer> overlayLayer = new SimpleObjectProperty<>(OverlayLayer.NONE);
    private final ReadOnlyObjectWrapper<HeatOverlay> overlay = new ReadOnlyObjectWrapper<>(HeatOverlay.NONE);
    private OverlayScale overlayScale = OverlayScale.NONE;
    private final ReadOnlyObjectWrapper<List<TimelineMarker>> markers = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<PlotSet> plots = new ReadOnlyObjectWrapper<>(PlotSet.EMPTY);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper halted = new ReadOnlyBooleanWrapper();
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final DoubleProperty speed = new SimpleDoubleProperty(8);
    private final ReadOnlyStringWrapper readings = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TrajectoryPca> pca =
            new ReadOnlyObjectWrapper<>(TrajectoryPca.notFitted(0, 0, new int[0]));

    private final Notices notices;
    private final Supplier<List<LabPuzzle>> bundled;
    private final EngineRunner runner;
    private int run;
    private int restoreCursor = -1;
    private final ReadOnlyStringWrapper deviceStatus = new ReadOnlyStringWrapper("device: not chosen yet");
    private boolean rerunOnDevice;

    /**
     * @param engineExecutor where stepper calls run ({@link EngineRunner#newEngineThread()}, or same-thread in tests)
     * @param fxExecutor where results are delivered ({@code Platform::runLater}, or same-thread in tests)
     */
    public InspectorViewModel(StepperPort port, Executor engineExecutor, Executor fxExecutor, Notices notices) {
        this(port, engineExecutor, engineExecutor, fxExecutor, notices);
    }

    /**
     * As above, with the executor that fits the PCA trajectories ({@code pcaExecutor}: a background thread of its own
     * in the app, so fits never hold up stepping).
     */
    public InspectorViewModel(StepperPort port, Executor engineExecutor, Executor pcaExecutor, Executor fxExecutor,
            Notices notices) {
        this(port, engineExecutor, pcaExecutor, fxExecutor, notices, BundledLabPuzzles::catalogue);
    }

    /**
     * As above, with the puzzles to switch to when a loaded model does not take the one on screen (the bundled
     * puzzles in the app).
     */
    public InspectorViewModel(StepperPort port, Executor engineExecutor, Executor pcaExecutor, Executor fxExecutor,
            Notices notices, Supplier<List<LabPuzzle>> bundled) {
        this.notices = Objects.requireNonNull(notices, "notices");
        this.bundled = Objects.requireNonNull(bundled, "bundled");
        var bridge = new SnapshotBridge(fxExecutor, this::onDelivery);
        var pcaService = new TrajectoryPcaService(pcaExecutor, fxExecutor, pca::set);
        this.runner = new EngineRunner(new PooledStateRecorder(port, pcaService::offer), engineExecutor, bridge);
        this.model.set(port.model());
        cursor.addListener((o, was, now) -> cursorMoved());
        overlayLayer.addListener((o, was, now) -> refreshOverlay());
        runner.useDevice("auto");
    }

    public ReadOnlyObjectProperty<LabPuzzle> puzzleProperty() {
        return puzzle.getReadOnlyProperty();
    }

    public LabPuzzle getPuzzle() {
        return puzzle.get();
    }

    public ReadOnlyObjectProperty<ModelInfo> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InferenceSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public InferenceSettings getSettings() {
        return settings.get();
    }

    /** Every recorded update of the current run, as light frames (read only). */
    public ObservableList<LabFrame> timeline() {
        return timelineView;
    }

    public ReadOnlyIntegerProperty cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    public int getCursor() {
        return cursor.get();
    }

    /** The light frame at the cursor (immediate). */
    public ReadOnlyObjectProperty<LabFrame> cursorFrameProperty() {
        return cursorFrame.getReadOnlyProperty();
    }

    /** The newest full frame at the cursor, with hidden states (arrives shortly after the cursor moves). */
    public ReadOnlyObjectProperty<LabFrame> statesFrameProperty() {
        return statesFrame.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FrameStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BoardSnapshot> boardProperty() {
        return board.getReadOnlyProperty();
    }

    /** What the board's heat overlay shows; {@link OverlayLayer#NONE} by default. */
    public ObjectProperty<OverlayLayer> overlayLayerProperty() {
        return overlayLayer;
    }

    /** The board's overlay at the cursor ({@link HeatOverlay#NONE} when the layer is none). */
    public ReadOnlyObjectProperty<HeatOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** The state-change scale of the current run: the largest per-cell change so far, per update kind. */
    public OverlayScale getOverlayScale() {
        return overlayScale;
    }

    /** The timeline's marks: an immutable {@link TimelineMarkers.Snapshot}, a longer one as the run grows. */
    public ReadOnlyObjectProperty<List<TimelineMarker>> markersProperty() {
        return markers.getReadOnlyProperty();
    }

    /** The plot data: an immutable snapshot that {@link PlotSet#continues} the previous one while the run grows. */
    public ReadOnlyObjectProperty<PlotSet> plotsProperty() {
        return plots.getReadOnlyProperty();
    }

    /**
     * How many updates the timeline and the plots lay out: the run's planned length (max segments times updates per
     * segment, plus the initial state) while it may still grow, what was recorded once it halted. Fixed while a run
     * streams, so new updates are drawn without redrawing the rest.
     */
    public int timelineSpan() {
        int recorded = timeline.size();
        if (halted.get()) {
            return recorded;
        }
        var s = settings.get();
        long planned = (long) s.maxSegments() * s.updatesPerSegment() + 1;
        return (int) Math.max(recorded, Math.min(planned, Integer.MAX_VALUE));
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty haltedProperty() {
        return halted.getReadOnlyProperty();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Playback speed in updates per second. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public ReadOnlyStringProperty readingsProperty() {
        return readings.getReadOnlyProperty();
    }

    /**
     * The PCA trajectories of the current run: refitted off the FX thread when the run grows or restarts, never
     * when only the cursor moves.
     */
    public ReadOnlyObjectProperty<TrajectoryPca> pcaProperty() {
        return pca.getReadOnlyProperty();
    }

    // Commands

    /** Starts a fresh run on {@code newPuzzle} at its initial state. */
    public void loadPuzzle(LabPuzzle newPuzzle) {
        Objects.requireNonNull(newPuzzle, "puzzle");
        playing.set(false);
        runner.start(newPuzzle, settings.get());
    }

    /** @return one line: the device the model runs on, and why (or why the GPU is not used) */
    public ReadOnlyStringProperty deviceStatusProperty() {
        return deviceStatus.getReadOnlyProperty();
    }

    /** Chooses where the model runs; the loaded model and puzzle stay, rerun there up to the same update. */
    public void useDevice(String spec) {
        playing.set(false);
        rerunOnDevice = puzzle.get() != null;
        runner.useDevice(spec);
    }

    public void loadModel(Path checkpoint) {
        playing.set(false);
        runner.loadModel(checkpoint);
    }

    /**
     * Runs on a shipped model by name ({@code trm-sudoku-9x9}), or with null on the shipped model that fits each
     * puzzle, as the lab starts; the current puzzle reruns on it.
     */
    public void useShipped(String name) {
        playing.set(false);
        runner.useShipped(name);
    }

    /** Applies inference overrides and reruns the puzzle to its halt. */
    public void applySettings(InferenceSettings newSettings) {
        settings.set(Objects.requireNonNull(newSettings, "settings"));
        rerun();
    }

    /** Switches the decode mode, reruns and comes back to the same update. */
    public void setDecodeMode(DecodeMode mode) {
        if (settings.get().decodeMode() == mode) {
            return;
        }
        int keep = cursor.get();
        settings.set(settings.get().withDecodeMode(mode));
        rerun(keep);
    }

    /** Restarts the current puzzle with the current settings and runs it to its halt. */
    public void rerun() {
        rerun(-1);
    }

    private void rerun(int cursorAfter) {
        var p = puzzle.get();
        if (p == null) {
            return;
        }
        playing.set(false);
        restoreCursor = cursorAfter;
        runner.start(p, settings.get());
        runner.runToHalt();
    }

    /** Moves forward by {@code action}: through recorded updates first, then by asking the engine. */
    public void forward(StepAction action) {
        int next = nextIndex(action);
        if (next >= 0) {
            cursor.set(next);
        } else if (!halted.get() && !busy.get() && puzzle.get() != null) {
            jumpToEnd();
            runner.step(action);
        }
    }

    /** Moves back by {@code action} through the recorded updates. */
    public void back(StepAction action) {
        int c = cursor.get();
        if (c <= 0) {
            return;
        }
        int target = 0;
        for (int i = c - 1; i > 0; i--) {
            var f = timeline.get(i);
            if (action == StepAction.L_UPDATE || (action == StepAction.H_UPDATE && f.kind() == UpdateKind.H)
                    || (action == StepAction.SEGMENT && f.segmentEnd())) {
                target = i;
                break;
            }
        }
        cursor.set(target);
    }

    public void seek(int index) {
        if (!timeline.isEmpty()) {
            cursor.set(Math.max(0, Math.min(timeline.size() - 1, index)));
        }
    }

    public void runToHalt() {
        if (puzzle.get() == null || halted.get()) {
            jumpToEnd();
            return;
        }
        jumpToEnd();
        runner.runToHalt();
    }

    /** Stops a run to halt and playback. */
    public void stop() {
        playing.set(false);
        runner.cancel();
    }

    public void togglePlay() {
        playing.set(!playing.get());
        if (playing.get() && cursor.get() == timeline.size() - 1 && halted.get()) {
            cursor.set(0);
        }
    }

    /** One playback tick (the view's clock calls it at the playback speed): one update forward. */
    public void tick() {
        if (!playing.get() || busy.get()) {
            return;
        }
        if (cursor.get() >= timeline.size() - 1 && halted.get()) {
            playing.set(false);
            return;
        }
        forward(StepAction.L_UPDATE);
    }

    @Override
    public void close() {
        runner.close();
    }

    // Delivery from the engine

    private void onDelivery(SnapshotBridge.Delivery delivery) {
        for (var event : delivery.events()) {
            apply(event);
        }
        var current = delivery.frame();
        if (current != null && current.run() == run && current.frame().index() == cursor.get()) {
            statesFrame.set(current.frame());
            stats.set(current.stats());
        }
    }

    private void apply(EngineEvent event) {
        if (event instanceof EngineEvent.RunStarted e) {
            run = e.run();
            model.set(e.model());
            puzzle.set(e.puzzle());
            settings.set(e.settings());
            halted.set(false);
            statesFrame.set(null);
            stats.set(FrameStats.NONE);
            timeline.setAll(List.of(e.first()));
            frameReadings.clear();
            overlayScale = OverlayScale.NONE;
            markerLog = new TimelineMarkers.Log();
            plotLog = new PlotSet.Builder();
            record(e.first(), e.reading());
            refreshTimeline();
            cursor.set(-1);
            cursor.set(0);
        } else if (event instanceof EngineEvent.Recorded e) {
            if (e.run() == run) {
                appendRecorded(e);
            }
        } else if (event instanceof EngineEvent.ModelLoaded e) {
            model.set(e.model());
            settings.set(e.model().defaults());
            notices.info("Loaded model " + e.model().name());
            var current = puzzle.get();
            var next = current == null ? null : puzzleFor(e.model(), current);
            if (next != null) {
                runner.start(next, settings.get());
            }
        } else if (event instanceof EngineEvent.DeviceChanged e) {
            deviceStatus.set(e.status());
            if (rerunOnDevice) {
                rerunOnDevice = false;
                rerun(cursor.get());
            }
        } else if (event instanceof EngineEvent.Failed e) {
            rerunOnDevice = false;
            playing.set(false);
            notices.error(e.message());
        } else if (event instanceof EngineEvent.Busy e) {
            busy.set(e.busy());
        }
    }

    /**
     * The puzzle to run after {@code m} was loaded: the one on screen if the model takes it, else the first bundled
     * puzzle it takes (with a notice). When none does, or the model's file does not say which puzzles it takes, the
     * run is cleared and a notice asks the user; Rerun then runs the puzzle on screen anyway.
     *
     * @return the puzzle to start, or null
     */
    private LabPuzzle puzzleFor(ModelInfo m, LabPuzzle current) {
        var fit = m.fit(current);
        if (fit == ModelInputs.Fit.FITS) {
            return current;
        }
        if (fit == ModelInputs.Fit.DOES_NOT_FIT) {
            for (var p : bundled.get()) {
                if (m.fit(p) == ModelInputs.Fit.FITS) {
                    notices.info(m.name() + " takes " + m.inputs().describeWithBasis() + ", not " + current.name()
                            + ": switched to the bundled puzzle " + p.name());
                    return p;
                }
            }
            notices.error(m.mismatch(current) + "; no bundled puzzle fits it: open or draw a puzzle that does");
        } else {
            notices.error(m.name() + " does not say which puzzles it takes (" + m.inputs().describeWithBasis()
                    + "): open a puzzle of its kind, or press Rerun to run it on " + current.name());
        }
        clearRun();
        return null;
    }

    /** Drops the current run (the puzzle stays, for Rerun): nothing is shown until a puzzle is run. */
    private void clearRun() {
        playing.set(false);
        run = -1;
        halted.set(true);
        statesFrame.set(null);
        stats.set(FrameStats.NONE);
        timeline.clear();
        overlayScale = OverlayScale.NONE;
        refreshTimeline();
        cursor.set(-1);
    }

    private void appendRecorded(EngineEvent.Recorded e) {
        boolean following = cursor.get() == timeline.size() - 1;
        int cursorBefore = cursor.get();
        var scaleBefore = overlayScale;
        timeline.addAll(e.frames());
        for (int i = 0; i < e.frames().size(); i++) {
            record(e.frames().get(i), e.readings().get(i));
        }
        halted.set(e.halted());
        refreshTimeline();
        if (e.halted() && restoreCursor >= 0) {
            int target = Math.min(restoreCursor, timeline.size() - 1);
            restoreCursor = -1;
            cursor.set(target);
        } else if (following) {
            cursor.set(timeline.size() - 1);
        }
        if (cursor.get() == cursorBefore && !overlayScale.equals(scaleBefore)) {
            refreshOverlay();
        }
    }

    /** Appends one new update's reading, marks and plot points (constant work). */
    private void record(LabFrame frame, FrameReading reading) {
        frameReadings.add(reading);
        overlayScale = overlayScale.including(frame);
        markerLog.add(frame);
        plotLog.add(frame, reading.accuracy());
    }

    private void refreshTimeline() {
        markers.set(markerLog.snapshot());
        plots.set(plotLog.snapshot());
    }

    private void cursorMoved() {
        int c = cursor.get();
        if (c < 0 || c >= timeline.size()) {
            cursorFrame.set(null);
            board.set(new BoardSnapshot.Empty());
            overlay.set(HeatOverlay.NONE);
            readings.set("");
            return;
        }
        var frame = timeline.get(c);
        cursorFrame.set(frame);
        var snapshot = Boards.at(puzzle.get(), timeline, frameReadings, c);
        overlay.set(BoardOverlays.of(frame, overlayLayer.get(), overlayScale, model.get().stateNames()));
        board.set(snapshot);
        readings.set(FrameReadings.describe(frame, timeline.size(), snapshot, model.get().stateNames()));
        var shown = statesFrame.get();
        if (shown == null || shown.index() != c) {
            runner.seek(c);
        }
    }

    private void refreshOverlay() {
        overlay.set(BoardOverlays.of(cursorFrame.get(), overlayLayer.get(), overlayScale,
                model.get().stateNames()));
    }

    private int nextIndex(StepAction action) {
        for (int i = cursor.get() + 1; i < timeline.size(); i++) {
            var f = timeline.get(i);
            if (action == StepAction.L_UPDATE || (action == StepAction.H_UPDATE && f.kind() == UpdateKind.H)
                    || (action == StepAction.SEGMENT && f.segmentEnd())) {
                return i;
            }
        }
        return -1;
    }

    private void jumpToEnd() {
        if (!timeline.isEmpty()) {
            cursor.set(timeline.size() - 1);
        }
    }

    /** Frames recorded so far (for exports). */
    public List<LabFrame> timelineSnapshot() {
        return new ArrayList<>(timeline);
    }
}
