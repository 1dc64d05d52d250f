package org.hrmlab.app.engine.hrm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.engine.StepperException;
import org.hrmlab.engine.compute.DeviceUnavailableException;
import org.hrmlab.engine.compute.Devices;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The lab's device choice on the real engine: the CPU on request, a GPU that cannot be used refused in one line. */
class HrmEngineStepperDeviceTest {
    static final InferenceSettings SETTINGS = new InferenceSettings(2, 2, 2, false, DecodeMode.DIRECT);

    @Test
    void switchingDeviceKeepsTheModelAndGivesTheSameStates() throws Exception {
        try (HrmEngineStepper s = HrmEngineStepperTest.loaded()) {
            assertTrue(s.useDevice("auto").startsWith("device: "));
            s.start(HrmEngineStepperTest.goldenPuzzle(), SETTINGS);
            LabFrame before = s.step(StepAction.SEGMENT).current();
            assertTrue(s.useDevice("cpu").startsWith("device: cpu"));
            s.start(HrmEngineStepperTest.goldenPuzzle(), SETTINGS);
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
        try (HrmEngineStepper s = HrmEngineStepperTest.loaded()) {
            s.useDevice("cpu");
            StepperException e = assertThrows(StepperException.class, () -> s.useDevice("cuda:0"));
            assertTrue(e.getMessage().startsWith("cuda"), e.getMessage());
            assertTrue(e.getMessage().endsWith("the model stays on cpu"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            s.start(HrmEngineStepperTest.goldenPuzzle(), SETTINGS);
            assertEquals(1, s.step(StepAction.L_UPDATE).current().index());
        }
    }
}
