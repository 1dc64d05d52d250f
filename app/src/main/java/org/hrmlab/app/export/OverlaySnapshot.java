package org.hrmlab.app.export;

import java.util.Objects;

import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.OverlayScale;
import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.inspector.BoardOverlays;
import org.hrmlab.app.inspector.BoardSnapshot;
import org.hrmlab.app.inspector.InspectorViewModel;
import org.hrmlab.app.inspector.OverlayLayer;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.viz.grid.HeatOverlay;

/**
 * The board's overlay at one update, with what produced it: the puzzle, the frame (its per-cell values), the board the
 * inspector draws, the layer, the run's scale, the model and the inference settings. Immutable.
 *
 * @param model the model's name as the lab shows it
 * @param names what the model's states are called (the legend names them)
 * @param checkpoint where the model was read from
 * @param checkpointSha256 the checkpoint file's SHA-256, or null when unknown
 */
public record OverlaySnapshot(LabPuzzle puzzle, LabFrame frame, BoardSnapshot board, OverlayLayer layer,
                              OverlayScale scale, String model, StateNames names, String checkpoint,
                              String checkpointSha256, InferenceSettings inference) {
    public OverlaySnapshot {
        Objects.requireNonNull(puzzle, "puzzle");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(inference, "inference");
        if (layer == OverlayLayer.NONE) {
            throw new IllegalArgumentException("choose an overlay (state change or confidence) to export");
        }
    }

    /** The inspector's overlay at its cursor, or null when there is nothing to export (no run, or no overlay). */
    public static OverlaySnapshot ofInspector(InspectorViewModel vm) {
        var frame = vm.cursorFrameProperty().get();
        var model = vm.modelProperty().get();
        var layer = vm.overlayLayerProperty().get();
        if (frame == null || model == null || vm.getPuzzle() == null || layer == OverlayLayer.NONE) {
            return null;
        }
        return new OverlaySnapshot(vm.getPuzzle(), frame, vm.boardProperty().get(), layer, vm.getOverlayScale(),
                model.name(), model.stateNames(), model.source(), model.sha256(), vm.getSettings());
    }

    /** @return the overlay the board shows ({@link BoardOverlays}) */
    public HeatOverlay overlay() {
        return BoardOverlays.of(frame, layer, scale, names);
    }
}
