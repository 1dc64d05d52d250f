package org.hrmlab.app.engine;

import java.nio.file.Path;

import org.hrmlab.app.puzzle.LabPuzzle;

/**
 * The lab's view of a steppable HRM. Every call happens on the one {@code hrm-engine} thread (see
 * {@link EngineRunner}); implementations need not be thread-safe. The stepper records every update of the current
 * run so that {@link #seek} can return any of them again.
 */
public interface StepperPort extends AutoCloseable {

    /** Loads a checkpoint (reference or HRM Lab format). The current run is discarded. */
    ModelInfo loadModel(Path checkpoint);

    /**
     * Uses the models shipped with the lab: with a name ({@code trm-sudoku-9x9}), that one for every puzzle; with
     * null, each puzzle on the shipped model that fits it, as the lab starts. The current run is discarded.
     *
     * @throws StepperException when this engine ships no such model
     */
    default ModelInfo useShipped(String name) {
        throw new StepperException("this engine has no shipped models");
    }

    /** The model in use (a built-in one until {@link #loadModel} succeeds). */
    ModelInfo model();

    /** Starts a run on {@code puzzle} with {@code settings}; returns the initial state as update 0. */
    LabFrame start(LabPuzzle puzzle, InferenceSettings settings);

    /**
     * The settings the current run uses: those {@link #start} was given, unless an implementation that picks the
     * model by puzzle moved to another model and gave the run that model's own cycles.
     */
    InferenceSettings settings();

    /** Advances the run; an empty result when it has already halted. */
    StepResult step(StepAction action);

    /** Whether the run halted (Q-halt or the segment limit). */
    boolean halted();

    /** Updates recorded in this run, counting the initial state. */
    int recordedCount();

    /** Recorded update {@code index} (0 .. recordedCount-1) with its hidden states. */
    LabFrame seek(int index);

    /**
     * Chooses where the model runs ({@code auto}, {@code cpu}, {@code cuda[:N]}); the next {@link #start} uses it.
     *
     * @return one line saying which device is used and why
     * @throws StepperException when that device cannot be used (the current one stays)
     */
    default String useDevice(String spec) {
        if (!spec.equals("cpu") && !spec.equals("auto")) {
            throw new StepperException("this engine runs on the CPU only");
        }
        return "device: cpu";
    }

    /** Steps whole segments until the run halts. */
    default StepResult runToHalt() {
        var all = new java.util.ArrayList<LabFrame>();
        LabFrame last = null;
        while (!halted()) {
            var r = step(StepAction.SEGMENT);
            if (r.isEmpty()) {
                break;
            }
            all.addAll(r.recorded());
            last = r.current();
        }
        return new StepResult(all, last == null ? seek(recordedCount() - 1) : last);
    }

    @Override
    default void close() {
    }
}
