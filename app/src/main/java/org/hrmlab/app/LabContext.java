package org.hrmlab.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;

import org.hrmlab.app.engine.EngineRunner;
import org.hrmlab.app.engine.StepperPort;
import org.hrmlab.app.export.AnimationExporter;
import org.hrmlab.app.export.GridExporter;
import org.hrmlab.app.export.OverlayExporter;
import org.hrmlab.app.export.PcaExporter;
import org.hrmlab.app.inspector.InspectorViewModel;
import org.hrmlab.app.puzzle.PuzzleEditorViewModel;
import org.hrmlab.app.shell.Notices;
import org.hrmlab.app.shell.ThemeModel;
import org.hrmlab.app.training.TrainingCommand;
import org.hrmlab.app.training.TrainingViewModel;
import org.hrmlab.app.training.newrun.NewRunViewModel;

/** The lab's view models and services, wired once: the engine thread, an IO thread and the FX hand-over. */
public final class LabContext implements AutoCloseable {
    private final Notices notices = new Notices();
    private final ThemeModel theme = new ThemeModel();
    private final ExecutorService engineThread = EngineRunner.newEngineThread();
    private final ExecutorService ioThread = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "hrm-io");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService datasetThread = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "hrm-dataset");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService pcaThread = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "hrm-pca");
        t.setDaemon(true);
        return t;
    });
    private final InspectorViewModel inspector;
    private final PuzzleEditorViewModel editor;
    private final TrainingViewModel training;
    private final NewRunViewModel newRun;
    private final GridExporter exporter;
    private final PcaExporter pcaExporter;
    private final OverlayExporter overlayExporter;
    private final AnimationExporter animations;
    private final org.hrmlab.app.puzzle.PuzzleLibrary library;
    private final org.hrmlab.app.compare.CompareViewModel compare;

    /** Wires everything around {@code port}; call on the FX thread. */
    public LabContext(StepperPort port, TrainingCommand trainingCommand) {
        this(port, trainingCommand, Platform::runLater);
    }

    /** As above, with the executor that hands engine results to the FX thread (tests wrap it to time the work). */
    public LabContext(StepperPort port, TrainingCommand trainingCommand, java.util.concurrent.Executor fxExecutor) {
        this(port, trainingCommand, fxExecutor, org.hrmlab.app.puzzle.RecentFiles.inMemory());
    }

    /** As above, remembering recent models and puzzle files in {@code recent} (the app: the user's preferences). */
    public LabContext(StepperPort port, TrainingCommand trainingCommand, java.util.concurrent.Executor fxExecutor,
                      org.hrmlab.app.puzzle.RecentFiles recent) {
        inspector = new InspectorViewModel(port, engineThread, pcaThread, fxExecutor, notices);
        editor = new PuzzleEditorViewModel(notices, inspector::loadPuzzle);
        training = new TrainingViewModel(trainingCommand, ioThread, Platform::runLater, notices,
                inspector::loadModel);
        newRun = new NewRunViewModel(training, datasetThread, Platform::runLater);
        exporter = new GridExporter(ioThread, notices);
        pcaExporter = new PcaExporter(ioThread, Platform::runLater, notices);
        overlayExporter = new OverlayExporter(ioThread, Platform::runLater, notices);
        animations = new AnimationExporter(ioThread, "HRM Lab " + org.hrmlab.app.cli.HrmLabCommand.VERSION);
        library = new org.hrmlab.app.puzzle.PuzzleLibrary(org.hrmlab.app.puzzle.BundledLabPuzzles.catalogue(), ioThread,
                Platform::runLater, notices, recent);
        compare = new org.hrmlab.app.compare.CompareViewModel(library.puzzles(), () -> inspector.modelProperty().get(),
                inspector::getPuzzle, recent::addModel, Platform::runLater);
    }

    /** Two models side by side on one puzzle (the Compare screen). */
    public org.hrmlab.app.compare.CompareViewModel compare() {
        return compare;
    }

    /** @return the puzzles the lab offers (bundled and opened) and the recent files */
    public org.hrmlab.app.puzzle.PuzzleLibrary library() {
        return library;
    }

    public Notices notices() {
        return notices;
    }

    public ThemeModel theme() {
        return theme;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public PuzzleEditorViewModel editor() {
        return editor;
    }

    public TrainingViewModel training() {
        return training;
    }

    /** The "New training run" wizard of the training screen. */
    public NewRunViewModel newRun() {
        return newRun;
    }

    public GridExporter exporter() {
        return exporter;
    }

    /** Writes the PCA panel's figures and data. */
    public PcaExporter pcaExporter() {
        return pcaExporter;
    }

    /** Writes the board's overlay at the cursor: board PNG, figures, data and manifest. */
    public OverlayExporter overlayExporter() {
        return overlayExporter;
    }

    /** Animated GIF and PNG-sequence exports of the inspector's run. */
    public AnimationExporter animations() {
        return animations;
    }

    /** Stops a training child, the engine thread, the PCA thread, the dataset thread and the IO thread. */
    @Override
    public void close() {
        training.stop();
        compare.close();
        inspector.close();
        pcaThread.shutdown();
        datasetThread.shutdown();
        ioThread.shutdown();
    }
}
