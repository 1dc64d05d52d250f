package org.hrmlab.app.engine.hrm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.hrmlab.app.TestData;
import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.engine.StepperException;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.engine.compute.DeviceUnavailableException;
import org.hrmlab.engine.compute.Devices;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.io.Npy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The lab's device choice on the real engine: the CPU on request, a GPU that cannot be used refused in one line. */
class HrmEngineStepperDeviceTest {
    static final Path CASE = TestData.SUDOKU_SMALL;
    static final InferenceSettings SETTINGS = new InferenceSettings(2, 2, 2, false, DecodeMode.DIRECT);

    private static LabPuzzle goldenPuzzle() throws Exception {
        int[] tokens = Npy.read(CASE.resolve("golden/inputs.npy")).toInts();
        int[] cells = new int[tokens.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = tokens[i] - 1;
        }
        return new LabPuzzle("golden", PuzzleKind.SUDOKU, new CellGrid(9, 9, cells), CellGrid.EMPTY);
    }

    private static HrmEngineStepper loaded() {
        HrmEngineStepper s = new HrmEngineStepper(new DefaultModels(Map.of()));
        s.loadModel(CASE.resolve("checkpoint/step_0"));
        return s;
    }

    @Test
    void switchingDeviceKeepsTheModelAndGivesTheSameStates() throws Exception {
        try (HrmEngineStepper s = loaded()) {
            assertTrue(s.useDevice("auto").startsWith("device: "));
            s.start(goldenPuzzle(), SETTINGS);
            LabFrame before = s.step(StepAction.SEGMENT).current();
            assertTrue(s.useDevice("cpu").startsWith("device: cpu"));
            s.start(goldenPuzzle(), SETTINGS);
            LabFrame after = s.step(StepAction.SEGMENT).current();
            assertEquals(before.index(), after.index());
            assertEquals(before.qHalt(), after.qHalt(), 1e-4);
            assertArrayEquals(before.decoded().cells(), after.decoded().cells());
        }
    }

    @Test
    void aGpuThatCannotBeUsedIsRefusedAndTheCpuStays() throws Exception {
        try {
            Devices.open("cuda", 0);
            Assumptions.abort("this machine has a usable GPU");
        } catch (DeviceUnavailableException expected) {
            // no GPU here: the refusal is what is tested
        }
        try (HrmEngineStepper s = loaded()) {
            s.useDevice("cpu");
            StepperException e = assertThrows(StepperException.class, () -> s.useDevice("cuda:0"));
            assertTrue(e.getMessage().startsWith("cuda"), e.getMessage());
            assertTrue(e.getMessage().endsWith("the model stays on cpu"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            s.start(goldenPuzzle(), SETTINGS);
            assertEquals(1, s.step(StepAction.L_UPDATE).current().index());
        }
    }
}
