package org.hrmlab.app.engine;

import java.util.List;

import org.hrmlab.app.puzzle.LabPuzzle;

/** Ordered messages from the engine thread to the FX thread (every one is delivered, unlike frames). */
public sealed interface EngineEvent {
    /**
     * A new run started: the timeline restarts at {@code first}, read as {@code reading}; {@code model} is the model it
     * runs on (a shipped default model is only known once a puzzle picks it).
     */
    record RunStarted(int run, LabPuzzle puzzle, InferenceSettings settings, LabFrame first, FrameReading reading,
                      ModelInfo model) implements EngineEvent {
    }

    /**
     * Updates appended to run {@code run}, as light frames, each with its reading; {@code halted} tells whether the
     * run is over.
     */
    record Recorded(int run, List<LabFrame> frames, List<FrameReading> readings, boolean halted)
            implements EngineEvent {
        public Recorded {
            frames = List.copyOf(frames);
            readings = List.copyOf(readings);
            if (readings.size() != frames.size()) {
                throw new IllegalArgumentException(frames.size() + " frames with " + readings.size() + " readings");
            }
        }
    }

    /** A model was loaded. */
    record ModelLoaded(ModelInfo model) implements EngineEvent {
    }

    /** The device changed; {@code status} is one line for the status bar. */
    record DeviceChanged(String status) implements EngineEvent {
    }

    /** A call failed; {@code message} is one line for the user. */
    record Failed(String message) implements EngineEvent {
    }

    /** The engine thread started or finished a piece of work. */
    record Busy(boolean busy) implements EngineEvent {
    }
}
