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

/**
 * The lab opens a bundled ARC task with the shipped ARC model that fits it and learned it, on its canvas, under the
 * task's identifier: the 3×3 tasks on {@code arc} (4×4 canvas), the 10×10 evaluation tasks on {@code arc-10x10}.
 */
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
    void aTaskLargerThanEveryCanvasIsNotOfferedToTheModels() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle big = bundled("arc/00d62c1b");
        assertFalse(models.fits(big));
        StepperException e = assertThrows(StepperException.class,
                () -> new HrmEngineStepper(models).start(big, InferenceSettings.DEFAULTS));
        assertTrue(e.getMessage().contains("canvases are 4x4 and 10x10"), e.getMessage());
    }

    @Test
    void aTenByTenEvaluationTaskRunsToItsAnswerOnTheTenByTenModel() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle task = bundled("arc/bbb1b8b6 #0");
        assertEquals(java.util.Optional.of("arc-10x10"), models.fitting(task));
        assertTrue(models.forPuzzle(task).puzzleIdFor(task.name()) > 0);
        HrmEngineStepper s = new HrmEngineStepper(models);
        s.start(task, new InferenceSettings(2, 2, 8, true, DecodeMode.DIRECT));
        LabFrame last = s.runToHalt().current();
        assertEquals(task.answer(), last.decoded());
    }

    @Test
    void aThreeByThreeTaskBothModelsLearnedStaysOnTheSmallOne() {
        assertEquals(java.util.Optional.of("arc"), DefaultModels.shipped().fitting(bundled("arc/6ea4a07e #0")));
    }

    @Test
    void aTaskThatFitsButNoShippedModelLearnedIsNotRun() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle unknown = bundled("arc/3aa6fb7a");
        assertFalse(models.fits(unknown));
        StepperException e = assertThrows(StepperException.class,
                () -> new HrmEngineStepper(models).start(unknown, InferenceSettings.DEFAULTS));
        assertTrue(e.getMessage().startsWith("no shipped ARC model learned the task 3aa6fb7a"), e.getMessage());
    }
}
