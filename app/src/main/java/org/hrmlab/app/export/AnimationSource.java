package org.hrmlab.app.export;

import java.util.List;
import java.util.Objects;

import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.inspector.InspectorViewModel;
import org.hrmlab.app.puzzle.LabPuzzle;

/**
 * A recorded run to animate: the puzzle, every update in order (light frames are enough) and what produced them.
 *
 * @param timeline the recorded updates, update 0 first
 * @param model the model's name as the lab shows it
 * @param checkpoint where the model was read from
 * @param checkpointSha256 the checkpoint file's SHA-256, or null when the source does not know it
 * @param inference cycles, segment limit, Q-halting and the decode mode of the run
 * @param names what the model's states are called (an overlay's legend names them)
 */
public record AnimationSource(LabPuzzle puzzle, List<LabFrame> timeline, String model, String checkpoint,
                              String checkpointSha256, InferenceSettings inference, StateNames names) {
    /** The inspector's recorded run, or null while there is none (no puzzle or model, or nothing recorded). */
    public static AnimationSource ofInspector(InspectorViewModel vm) {
        var model = vm.modelProperty().get();
        if (vm.getPuzzle() == null || vm.timeline().isEmpty() || model == null) {
            return null;
        }
        return new AnimationSource(vm.getPuzzle(), vm.timelineSnapshot(), model.name(), model.source(), model.sha256(),
                vm.getSettings(), model.stateNames());
    }

    /** A run of an HRM (states named zL and zH). */
    public AnimationSource(LabPuzzle puzzle, List<LabFrame> timeline, String model, String checkpoint,
                           String checkpointSha256, InferenceSettings inference) {
        this(puzzle, timeline, model, checkpoint, checkpointSha256, inference, StateNames.HRM);
    }

    public AnimationSource {
        Objects.requireNonNull(puzzle, "puzzle");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(inference, "inference");
        Objects.requireNonNull(names, "names");
        timeline = List.copyOf(timeline);
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.get(i).index() != i) {
                throw new IllegalArgumentException("timeline entry " + i + " is update " + timeline.get(i).index());
            }
        }
    }
}
