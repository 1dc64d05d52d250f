package org.hrmlab.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.EngineEvent;
import org.hrmlab.app.engine.FrameReading;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.SnapshotBridge;
import org.hrmlab.app.engine.TrajectoryPca;
import org.hrmlab.app.inspector.BoardSnapshot;
import org.hrmlab.app.inspector.Boards;
import org.hrmlab.app.inspector.PlotSet;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.engine.HaltRule;

/**
 * One side of the Compare screen (A or B): its model, its run on the shared puzzle recorded update by update, and
 * what it shows at the aligned cursor. Results arrive on the FX thread from its {@link SlotEngine}; each new update is
 * appended once (its reading was made on the worker). {@link #show} is a lookup: the update index is arithmetic on
 * the schedule, the board looks at the last few readings only ({@link Boards#at}), the Q line reads one segment. No
 * nodes; FX thread only.
 */
public final class CompareSlot {
    private final String label;
    private final Executor fx;
    private final Executor pcaWorker;
    private final Runnable changed;

    // Properties

    private final ReadOnlyObjectWrapper<SlotModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<BoardSnapshot> board = new ReadOnlyObjectWrapper<>(new BoardSnapshot.Empty());
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper qLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SlotTrace> trace = new ReadOnlyObjectWrapper<>(SlotTrace.EMPTY);
    private final ReadOnlyObjectWrapper<TrajectoryPca> pca =
            new ReadOnlyObjectWrapper<>(TrajectoryPca.notFitted(0, 0, new int[0]));

    // The run

    private SlotEngine engine;
    /** Identifies the engine in use: deliveries from an earlier one carry another token and are dropped. */
    private Object token;
    /** The load in progress, if any (a newer open supersedes it). */
    private Object loading;
    /** Loads finished (model or error), to tell a new model from a grown run. */
    private int loads;
    private String loadError;
    private int run = -1;
    private LabPuzzle puzzle;
    private DecodeMode decode = DecodeMode.DIRECT;
    private final List<LabFrame> timeline = new ArrayList<>();
    private final List<FrameReading> readings = new ArrayList<>();
    private PlotSet.Builder plotLog = new PlotSet.Builder();
    private SegmentQ.Builder qLog = new SegmentQ.Builder(HaltRule.HALT_ABOVE_CONTINUE);
    private int updatesPerSegment = 1;
    private int maxSegments;
    private boolean halted;

    /**
     * @param label     "A" or "B"
     * @param fx        the FX executor
     * @param pcaWorker where the PCA of the run is fitted
     * @param changed   called on the FX thread after the model or the run changed
     */
    CompareSlot(String label, Executor fx, Executor pcaWorker, Runnable changed) {
        this.label = label;
        this.fx = fx;
        this.pcaWorker = pcaWorker;
        this.changed = changed;
    }

    public String label() {
        return label;
    }

    /** The model in this slot; null before one is loaded (or after it failed to load). */
    public ReadOnlyObjectProperty<SlotModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public SlotModel getModel() {
        return model.get();
    }

    /** One line: loading, running, halted, or what went wrong. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the worker is loading or running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The update shown at the cursor, -1 for none. */
    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public int getShown() {
        return shown.get();
    }

    public ReadOnlyObjectProperty<BoardSnapshot> boardProperty() {
        return board.getReadOnlyProperty();
    }

    /** One line about the update shown: which it is, in the family's names. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** One line: the Q logits of the last segment end at or before the update shown, and the model's decision. */
    public ReadOnlyStringProperty qLineProperty() {
        return qLine.getReadOnlyProperty();
    }

    /** What the plots draw: a new immutable snapshot whenever the run grows. */
    public ReadOnlyObjectProperty<SlotTrace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    /** The PCA of this run's states, refitted off the FX thread as the run grows. */
    public ReadOnlyObjectProperty<TrajectoryPca> pcaProperty() {
        return pca.getReadOnlyProperty();
    }

    /** @return the puzzle of the current run, or null */
    public DecodeMode decodeMode() {
        return decode;
    }

    public LabPuzzle puzzle() {
        return puzzle;
    }

    /** @return how many loads have finished in this slot, each with a model or an error */
    public int loads() {
        return loads;
    }

    /** @return why the latest load failed (one line), or null when it succeeded */
    public String loadError() {
        return loadError;
    }

    /** @return whether a run started (its initial state is recorded) */
    public boolean hasRun() {
        return !timeline.isEmpty();
    }

    /** @return H_cycles × (L_cycles + 1) of the current run (1 without one) */
    public int updatesPerSegment() {
        return updatesPerSegment;
    }

    /** @return updates recorded, counting the initial state */
    public int recorded() {
        return timeline.size();
    }

    public boolean halted() {
        return halted;
    }

    /** @return the light frame of recorded update {@code index} */
    public LabFrame frame(int index) {
        return timeline.get(index);
    }

    /** @return the latest point this run reached on the aligned cursor */
    public AlignedCursor end() {
        return timeline.isEmpty() ? AlignedCursor.START
                : AlignedCursor.ofUpdate(timeline.size() - 1, updatesPerSegment);
    }

    // Commands

    /**
     * Loads a model into this slot on a new worker. When it is loaded, the model before it and its run are dropped;
     * when it fails, they stay and the status says why in one line.
     */
    void open(SlotEngine.Source source) {
        var next = new Object();
        loading = next;
        var nextEngine = new SlotEngine("hrm-compare-" + label.toLowerCase(Locale.ROOT), fx, pcaWorker, d -> {
            if (token == next) {
                deliver(d);
            }
        }, fit -> {
            if (token == next) {
                pca.set(fit);
            }
        });
        busy.set(true);
        status.set("opening " + source.name() + "\u2026");
        nextEngine.load(source, m -> {
            if (loading != next) {
                nextEngine.close();
                return;
            }
            if (engine != null) {
                engine.close();
            }
            engine = nextEngine;
            token = next;
            loading = null;
            loadError = null;
            loads++;
            busy.set(false);
            clearRun();
            model.set(m);
            status.set("");
            changed.run();
        }, message -> {
            nextEngine.close();
            if (loading != next) {
                return;
            }
            loading = null;
            loadError = message;
            loads++;
            busy.set(false);
            status.set(model.get() == null ? message : message + " (" + model.get().name() + " stays)");
            changed.run();
        });
    }

    /** Runs this slot's model on {@code p} to its halt, decoding its grids as {@code mode}; the model must take it. */
    void run(LabPuzzle p, DecodeMode mode) {
        clearRun();
        puzzle = p;
        decode = mode;
        var m = model.get();
        if (m == null || engine == null) {
            return;
        }
        var settings = m.settingsFor(p).withDecodeMode(mode);
        updatesPerSegment = settings.updatesPerSegment();
        maxSegments = settings.maxSegments();
        qLog = new SegmentQ.Builder(m.haltRule());
        status.set("running " + p.name() + "\u2026");
        engine.run(p, settings);
    }

    /** Drops the run (the model stays). */
    void clearRun() {
        run = -1;
        puzzle = null;
        halted = false;
        timeline.clear();
        readings.clear();
        plotLog = new PlotSet.Builder();
        qLog = new SegmentQ.Builder(model.get() == null ? HaltRule.HALT_ABOVE_CONTINUE : model.get().haltRule());
        trace.set(SlotTrace.EMPTY);
        pca.set(TrajectoryPca.notFitted(0, 0, new int[0]));
        show(AlignedCursor.START);
    }

    /** Shows the latest update at or before {@code cursor}: a lookup. */
    void show(AlignedCursor cursor) {
        int i = cursor.shownIndex(updatesPerSegment, timeline.size());
        shown.set(i);
        if (i < 0) {
            board.set(new BoardSnapshot.Empty());
            readout.set("");
            qLine.set("");
            return;
        }
        var f = timeline.get(i);
        board.set(Boards.at(puzzle, timeline, readings, i));
        readout.set(SlotReadout.update(f, timeline.size() - 1, model.get()));
        qLine.set(SlotReadout.q(f, trace.get().q()));
    }

    void close() {
        token = null;
        loading = null;
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    // Delivery from the worker

    /** Deliveries of the engine in use (those of an engine no longer in use are dropped before they get here). */
    private void deliver(SnapshotBridge.Delivery delivery) {
        boolean grew = false;
        for (var event : delivery.events()) {
            grew |= apply(event);
        }
        if (grew) {
            publish();
        }
        changed.run();
    }

    private boolean apply(EngineEvent event) {
        if (event instanceof EngineEvent.RunStarted e) {
            if (puzzle == null || e.puzzle() != puzzle) {
                return false;
            }
            run = e.run();
            halted = false;
            timeline.clear();
            readings.clear();
            plotLog = new PlotSet.Builder();
            qLog = new SegmentQ.Builder(model.get() == null ? HaltRule.HALT_ABOVE_CONTINUE : model.get().haltRule());
            append(e.first(), e.reading());
            return true;
        }
        if (event instanceof EngineEvent.Recorded e) {
            if (e.run() != run) {
                return false;
            }
            for (int i = 0; i < e.frames().size(); i++) {
                append(e.frames().get(i), e.readings().get(i));
            }
            halted = e.halted();
            return true;
        }
        if (event instanceof EngineEvent.Failed e) {
            status.set(e.message());
        } else if (event instanceof EngineEvent.Busy e) {
            busy.set(e.busy());
        }
        return false;
    }

    private void append(LabFrame frame, FrameReading reading) {
        timeline.add(frame);
        readings.add(reading);
        plotLog.add(frame, reading.accuracy());
        if (frame.segmentEnd()) {
            qLog.add(frame.qHalt(), frame.qContinue());
        }
    }

    private void publish() {
        var t = new SlotTrace(plotLog.snapshot(), qLog.snapshot(), updatesPerSegment, maxSegments, timeline.size(),
                halted);
        trace.set(t);
        status.set(halted ? SlotReadout.runLine(t) : "running\u2026 " + (timeline.size() - 1) + " updates");
    }

    @Override
    public String toString() {
        return label + ": " + (model.get() == null ? "no model" : model.get().name());
    }
}
