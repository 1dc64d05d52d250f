package org.hrmlab.app.engine.hrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.StepperException;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.junit.jupiter.api.Test;

/** The lab opens a bundled ARC task with the shipped ARC model, on its small canvas, under the task's identifier. */
class ShippedArcModelInTheLabTest {
    private static LabPuzzle bundled(String name) {
        return BundledLabPuzzles.named(name);
    }

    @Test
    void aBundledTaskRunsToItsAnswerOnTheModelsCanvas() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle task = bundled("arc/25ff71a9 #1");
        assertTrue(models.fits(task));
        HrmEngineStepper s = new HrmEngineStepper(models);
        s.start(task, new InferenceSettings(2, 2, 4, true, DecodeMode.DIRECT));
        LabFrame last = s.runToHalt().current();
        assertEquals(task.answer(), last.decoded());
    }

    @Test
    void aTaskLargerThanTheCanvasIsNotOfferedToTheModel() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle big = bundled("arc/007bbfb7");
        assertFalse(models.fits(big));
        StepperException e = assertThrows(StepperException.class,
                () -> new HrmEngineStepper(models).start(big, InferenceSettings.DEFAULTS));
        assertTrue(e.getMessage().contains("canvas"), e.getMessage());
    }
}
