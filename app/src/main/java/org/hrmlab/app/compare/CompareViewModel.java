package org.hrmlab.app.compare;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.ModelInfo;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.app.puzzle.LabPuzzle;

/**
 * State and commands of the Compare screen: two slots, A and B, each a model with its own run on one shared puzzle
 * (offered only when both models take it), and one cursor for both, aligned by ACT segment ({@link AlignedCursor}):
 * it steps by A's updates or by segments, and each side shows its latest update at or before it. A cursor move is a
 * lookup on each side; the models run on workers of their own. No nodes; FX thread only.
 */
public final class CompareViewModel implements AutoCloseable {
    /** How the cursor moves. */
    public enum Move {
        /** One update of the driving model (A, or B while A has no run). */
        UPDATE,
        /** To a segment end. */
        SEGMENT
    }

    private final ExecutorService pcaWorker = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "hrm-compare-pca");
        t.setDaemon(true);
        return t;
    });
    private final CompareSlot a;
    private final CompareSlot b;
    private final ObservableList<LabPuzzle> puzzles;
    private final Supplier<ModelInfo> labModel;
    private final Supplier<LabPuzzle> labPuzzle;
    private final Consumer<Path> rememberModel;
    private SlotModel knownA;
    private SlotModel knownB;
    private int loadsA;
    private int loadsB;

    // Properties

    private final ObservableList<LabPuzzle> offered = FXCollections.observableArrayList();
    private final ObservableList<LabPuzzle> offeredView = FXCollections.unmodifiableObservableList(offered);
    private final ReadOnlyObjectWrapper<LabPuzzle> puzzle = new ReadOnlyObjectWrapper<>();
    /** The shipped TRMs' folders under {@code org/hrmlab/puzzles/models/}: 4×4 and 9×9 Sudoku. */
    static final String SHIPPED_TRM = "trm-sudoku";
    static final String SHIPPED_TRM_9X9 = "trm-sudoku-9x9";
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AlignedCursor> cursor = new ReadOnlyObjectWrapper<>(AlignedCursor.START);
    private final ReadOnlyStringWrapper cursorLine = new ReadOnlyStringWrapper("");
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final DoubleProperty speed = new SimpleDoubleProperty(4);
    private final ReadOnlyObjectWrapper<DecodeMode> decodeMode = new ReadOnlyObjectWrapper<>(DecodeMode.DIRECT);

    /**
     * @param puzzles       the puzzles the lab offers (bundled and opened); those both models take are offered here
     * @param labModel      the inspector's model (the default for A)
     * @param labPuzzle     the inspector's puzzle (the first choice when both models take it)
     * @param rememberModel records an opened checkpoint among the recent files
     * @param fx            the FX executor ({@code Platform::runLater})
     */
    public CompareViewModel(ObservableList<LabPuzzle> puzzles, Supplier<ModelInfo> labModel,
                            Supplier<LabPuzzle> labPuzzle, Consumer<Path> rememberModel, Executor fx) {
        this.puzzles = Objects.requireNonNull(puzzles, "puzzles");
        this.labModel = Objects.requireNonNull(labModel, "labModel");
        this.labPuzzle = Objects.requireNonNull(labPuzzle, "labPuzzle");
        this.rememberModel = Objects.requireNonNull(rememberModel, "rememberModel");
        a = new CompareSlot("A", fx, pcaWorker, () -> slotChanged());
        b = new CompareSlot("B", fx, pcaWorker, () -> slotChanged());
        puzzles.addListener((ListChangeListener<LabPuzzle>) c -> refreshOffered());
        message.set("Open a model in A and in B: Open checkpoint\u2026 or drop a checkpoint on a side");
    }

    public CompareSlot a() {
        return a;
    }

    public CompareSlot b() {
        return b;
    }

    /** The puzzles both models take (read only). */
    public ObservableList<LabPuzzle> offeredPuzzles() {
        return offeredView;
    }

    /** The shared puzzle, null before both models take one. */
    public ReadOnlyObjectProperty<LabPuzzle> puzzleProperty() {
        return puzzle.getReadOnlyProperty();
    }

    public LabPuzzle getPuzzle() {
        return puzzle.get();
    }

    /** One line for the screen: what to do next, or why a puzzle or a model was refused. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AlignedCursor> cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    public AlignedCursor getCursor() {
        return cursor.get();
    }

    /** One line: where the cursor is and which update each side shows. */
    public ReadOnlyStringProperty cursorLineProperty() {
        return cursorLine.getReadOnlyProperty();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Playback speed in updates of A per second. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** How both sides decode their grids (and so what the confidence of a cell is). */
    public ReadOnlyObjectProperty<DecodeMode> decodeModeProperty() {
        return decodeMode.getReadOnlyProperty();
    }

    public DecodeMode getDecodeMode() {
        return decodeMode.get();
    }

    // Commands

    /** Decodes both sides' grids as {@code mode} from now on: reruns both models on the shared puzzle. */
    public void setDecodeMode(DecodeMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (mode == decodeMode.get()) {
            return;
        }
        decodeMode.set(mode);
        var p = puzzle.get();
        if (p != null) {
            start(p);
        }
    }

    /** The screen is shown: A starts with the inspector's model unless it holds one already. */
    public void activate() {
        if (a.getModel() == null && !a.busyProperty().get() && a.statusProperty().get().isEmpty()) {
            useLabModel(a);
        }
    }

    /** Loads the inspector's model into {@code slot}: its checkpoint, or the shipped models. */
    public void useLabModel(CompareSlot slot) {
        ModelInfo info = labModel.get();
        if (info == null || info.sha256() == null) {
            slot.open(SlotEngine.Source.shipped());
            return;
        }
        try {
            slot.open(SlotEngine.Source.checkpoint(DefaultModels.checkpointPath(info.source()), info.name()));
        } catch (java.io.IOException | InvalidPathException e) {
            slot.open(SlotEngine.Source.shipped());
        }
    }

    /** Loads the shipped TRM (4×4 Sudoku, the data of the shipped HRM Sudoku model) into {@code slot}. */
    public void useShippedTrm(CompareSlot slot) {
        useShipped(slot, SHIPPED_TRM, "shipped TRM (4x4 Sudoku)");
    }

    /** Loads the shipped 9×9 TRM (the data and held-out set of the shipped 9×9 HRM) into {@code slot}. */
    public void useShippedTrm9x9(CompareSlot slot) {
        useShipped(slot, SHIPPED_TRM_9X9, "shipped TRM (9x9 Sudoku)");
    }

    private void useShipped(CompareSlot slot, String folder, String label) {
        playing.set(false);
        try {
            slot.open(SlotEngine.Source.checkpoint(org.hrmlab.app.engine.hrm.DefaultModels.extracted(folder), label));
        } catch (java.io.IOException e) {
            message.set("the " + label + " cannot be read: " + e.getMessage());
        }
    }

    /** Loads the shipped models (per puzzle kind and size) into {@code slot}. */
    public void useShippedModels(CompareSlot slot) {
        slot.open(SlotEngine.Source.shipped());
    }

    /** Loads a checkpoint (HRM Lab model, or a reference checkpoint with its all_config.yaml) into {@code slot}. */
    public void open(CompareSlot slot, Path checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        playing.set(false);
        slot.open(SlotEngine.Source.checkpoint(checkpoint, null));
        rememberModel.accept(checkpoint);
    }

    /**
     * Runs both models on {@code p}, or refuses it in one line when a model does not take it.
     *
     * @return whether {@code p} is now the shared puzzle
     */
    public boolean choosePuzzle(LabPuzzle p) {
        Objects.requireNonNull(p, "puzzle");
        if (a.getModel() == null || b.getModel() == null) {
            message.set("Open a model in " + (a.getModel() == null ? "A" : "B") + " first");
            return false;
        }
        String refused = refusal(p);
        if (refused != null) {
            message.set(p.name() + " refused: " + refused);
            return false;
        }
        message.set("");
        start(p);
        return true;
    }

    /** Tries the inspector's puzzle. */
    public boolean chooseLabPuzzle() {
        var p = labPuzzle.get();
        if (p == null) {
            message.set("the inspector has no puzzle");
            return false;
        }
        return choosePuzzle(p);
    }

    public void forward(Move move) {
        var c = cursor.get();
        var end = end();
        var next = move == Move.UPDATE ? c.nextUpdate(drivingSteps()) : c.nextSegmentEnd();
        if (next.compareTo(end) > 0) {
            next = end;
        }
        if (next.compareTo(c) > 0) {
            moveTo(next);
        }
    }

    public void back(Move move) {
        var c = cursor.get();
        moveTo(move == Move.UPDATE ? c.previousUpdate(drivingSteps()) : c.previousSegmentEnd());
    }

    /** To the initial state. */
    public void home() {
        moveTo(AlignedCursor.START);
    }

    /** To the furthest point either run reached. */
    public void toEnd() {
        moveTo(end());
    }

    public void togglePlay() {
        playing.set(!playing.get());
        if (playing.get() && cursor.get().compareTo(end()) >= 0 && !running()) {
            home();
        }
    }

    /** One playback tick (the view's clock calls it at the playback speed): one update of A forward. */
    public void tick() {
        if (!playing.get()) {
            return;
        }
        if (cursor.get().compareTo(end()) >= 0) {
            if (!running()) {
                playing.set(false);
            }
            return;
        }
        forward(Move.UPDATE);
    }

    @Override
    public void close() {
        playing.set(false);
        a.close();
        b.close();
        pcaWorker.shutdown();
    }

    // Internals

    /** @return the furthest point either run reached */
    public AlignedCursor end() {
        return AlignedCursor.max(a.end(), b.end());
    }

    /** @return why the two models do not both take {@code p} (one line), or null */
    public String refusal(LabPuzzle p) {
        for (var slot : List.of(a, b)) {
            var m = slot.getModel();
            String why = m == null ? "no model" : m.refuses(p);
            if (why != null) {
                return slot.label() + ": " + why;
            }
        }
        return null;
    }

    private boolean running() {
        return a.busyProperty().get() || b.busyProperty().get();
    }

    private int drivingSteps() {
        return a.hasRun() ? a.updatesPerSegment() : b.hasRun() ? b.updatesPerSegment() : 1;
    }

    private void start(LabPuzzle p) {
        playing.set(false);
        puzzle.set(p);
        a.run(p, decodeMode.get());
        b.run(p, decodeMode.get());
        moveTo(AlignedCursor.START);
    }

    private void moveTo(AlignedCursor c) {
        cursor.set(c);
        a.show(c);
        b.show(c);
        cursorLine.set(describeCursor(c));
    }

    private String describeCursor(AlignedCursor c) {
        String where = c.segment() == 0 ? "initial state"
                : "segment " + c.segment() + " \u00b7 " + c.step() + "/" + c.steps() + " of its updates";
        return where + " \u00b7 A shows update " + shownText(a) + ", B shows update " + shownText(b);
    }

    private static String shownText(CompareSlot s) {
        return s.getShown() < 0 ? "\u2014" : Integer.toString(s.getShown());
    }

    /** A slot's model or run changed. */
    private void slotChanged() {
        if (a.loads() != loadsA || b.loads() != loadsB) {
            loadsA = a.loads();
            loadsB = b.loads();
            knownA = a.getModel();
            knownB = b.getModel();
            modelsChanged();
            for (var slot : List.of(a, b)) {
                if (slot.loadError() != null && slot.getModel() != null) {
                    message.set(slot.label() + ": " + slot.statusProperty().get());
                }
            }
        }
        var c = cursor.get();
        var end = end();
        moveTo(c.compareTo(end) > 0 ? end : c);
    }

    /** Offers the puzzles both models take; keeps the shared puzzle if both still take it, else picks another. */
    private void modelsChanged() {
        playing.set(false);
        refreshOffered();
        if (knownA == null || knownB == null) {
            String empty = knownA == null ? "A" : "B";
            CompareSlot slot = knownA == null ? a : b;
            if (!slot.busyProperty().get() && slot.statusProperty().get().isEmpty()) {
                message.set("Open a model in " + empty + ": Open checkpoint\u2026 or drop a checkpoint on " + empty);
            } else if (!slot.busyProperty().get()) {
                message.set(empty + ": " + slot.statusProperty().get());
            }
            return;
        }
        var current = puzzle.get();
        if (current != null && refusal(current) == null) {
            rerunWhereNeeded(current);
            return;
        }
        var lab = labPuzzle.get();
        LabPuzzle next = lab != null && refusal(lab) == null ? lab : offered.isEmpty() ? null : offered.get(0);
        if (next == null) {
            puzzle.set(null);
            a.clearRun();
            b.clearRun();
            moveTo(AlignedCursor.START);
            message.set("No puzzle fits both models: A (" + knownA.name() + ") takes " + knownA.takes() + "; B ("
                    + knownB.name() + ") takes " + knownB.takes());
            return;
        }
        message.set(current == null ? "" : current.name() + " does not fit both models: switched to " + next.name());
        start(next);
    }

    private void rerunWhereNeeded(LabPuzzle p) {
        boolean restarted = false;
        for (var slot : List.of(a, b)) {
            if (slot.puzzle() != p || slot.decodeMode() != decodeMode.get()) {
                slot.run(p, decodeMode.get());
                restarted = true;
            }
        }
        if (restarted) {
            moveTo(AlignedCursor.START);
        }
    }

    private void refreshOffered() {
        if (a.getModel() == null || b.getModel() == null) {
            offered.clear();
            return;
        }
        offered.setAll(puzzles.stream().filter(p -> refusal(p) == null).toList());
    }
}
