package org.hrmlab.app.engine.hrm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.engine.compute.Devices;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.step.HrmStepper;
import org.hrmlab.engine.step.StateChange;
import org.junit.jupiter.api.Test;

/**
 * The per-cell overlay values the engine thread puts in every frame: each cell's state change (the written state's
 * per-position change, read at the cell's position) and the probability of the decoded token, on real models.
 */
class CellOverlayOnTheEngineTest {
    @Test
    void eachCellsChangeIsTheWrittenStatesChangeAtItsPosition() throws Exception {
        HrmEngineStepper s = HrmEngineStepperTest.loaded();
        LabFrame before = s.start(HrmEngineStepperTest.goldenPuzzle(),
                new InferenceSettings(2, 2, 2, false, DecodeMode.DIRECT));
        assertTrue(before.stateChange().isEmpty(), "no update, no change");
        int prefix = s.model().puzzlePrefix();
        int hidden = s.model().hiddenSize();
        for (int i = 1; i <= 6; i++) {
            var result = s.step(StepAction.L_UPDATE);
            LabFrame now = result.current();
            boolean l = now.kind() == UpdateKind.L;
            float[] want = StateChange.perPosition(l ? now.zL().values() : now.zH().values(),
                    l ? before.zL().values() : before.zH().values(), hidden, prefix);
            assertArrayEquals(want, now.stateChange().values(), "update " + i + " (" + now.kind() + ")");
            assertEquals(now.stateChange(), result.recorded().get(0).stateChange(), "the light frame keeps it");
            before = now;
        }
        assertEquals(UpdateKind.H, before.kind(), "update 6 is the second H-update: zH's change was checked");
        assertEquals(s.step(StepAction.L_UPDATE).current().stateChange(), s.seek(7).stateChange(),
                "a seek gives the same values");
        assertTrue(s.seek(7).stateChange().max() > 0);
    }

    @Test
    void anArcCellReadsTheCanvasPositionOfItsRowAndColumn() {
        LabPuzzle task = BundledLabPuzzles.named("arc/25ff71a9 #1");
        HrmEngineStepper s = new HrmEngineStepper(DefaultModels.shipped());
        LabFrame before = s.start(task, new InferenceSettings(2, 2, 2, false, DecodeMode.DIRECT));
        int prefix = s.model().puzzlePrefix();
        int hidden = s.model().hiddenSize();
        int side = (int) Math.round(Math.sqrt(before.zL().rows() - prefix));
        int checked = 0;
        for (int i = 1; i <= 4; i++) {
            LabFrame now = s.step(StepAction.L_UPDATE).current();
            boolean l = now.kind() == UpdateKind.L;
            float[] perPosition = StateChange.perPosition(l ? now.zL().values() : now.zH().values(),
                    l ? before.zL().values() : before.zH().values(), hidden, prefix);
            var grid = now.decoded();
            assertEquals(grid.size(), now.stateChange().size());
            for (int r = 0; r < grid.rows(); r++) {
                for (int c = 0; c < grid.cols(); c++) {
                    assertEquals(perPosition[r * side + c], now.stateChange().at(r * grid.cols() + c),
                            "cell (" + r + ", " + c + ") of update " + i);
                    checked++;
                }
            }
            before = now;
        }
        assertTrue(side > 3 && checked > 0, "a canvas wider than the 3x3 answer, and cells checked: " + checked);
    }

    @Test
    void thePaperDecodesConfidenceIsTheProbabilityOfItsOwnTokens() throws Exception {
        var puzzle = HrmEngineStepperTest.goldenPuzzle();
        HrmEngineStepper lab = HrmEngineStepperTest.loaded();
        lab.start(puzzle, new InferenceSettings(2, 2, 2, false, DecodeMode.PAPER_FIG7));
        var ckpt = CheckpointLoader.load(HrmEngineStepperTest.CASE.resolve("checkpoint/step_0"));
        int[] tokens = LabPuzzleTokens.encode(puzzle, 0);
        var config = ckpt.config().withSeqLen(tokens.length).withCycles(2, 2, 2);
        try (var model = Devices.select("cpu").device().open(config, ckpt.weights())) {
            var reference = new HrmStepper(model, tokens, 0, 2);
            reference.setReadout(org.hrmlab.engine.step.Readout.PREVIEW_H_UPDATE);
            boolean differs = false;
            for (int i = 1; i <= 5; i++) {
                var snap = reference.step();
                LabFrame frame = lab.step(StepAction.L_UPDATE).current();
                assertArrayEquals(snap.readoutConfidence(), frame.confidence(), "update " + i);
                differs |= !java.util.Arrays.equals(snap.confidence(), snap.readoutConfidence());
            }
            assertTrue(differs, "the direct decode's probabilities would have been other numbers");
        }
    }
}
