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

    /** Runs a bundled task in the lab, halting on the Q head, and checks the model it ran on and its answer. */
    private static void runsToItsAnswerOn(String name, String model, int maxSegments) {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle task = bundled(name);
        assertEquals(java.util.Optional.of(model), models.fitting(task));
        assertTrue(models.forPuzzle(task).puzzleIdFor(task.name()) > 0, "under the task's own identifier");
        HrmEngineStepper s = new HrmEngineStepper(models);
        s.start(task, new InferenceSettings(2, 2, maxSegments, true, DecodeMode.DIRECT));
        LabFrame last = s.runToHalt().current();
        assertEquals(task.answer(), last.decoded());
    }

    @Test
    void aBundledTaskRunsToItsAnswerOnTheModelsCanvas() {
        runsToItsAnswerOn("arc/25ff71a9 #1", "arc", 4);
    }

    /** @return the one-line refusal of a bundled task that no shipped model takes */
    private static String refusal(String name) {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle task = bundled(name);
        assertFalse(models.fits(task));
        return assertThrows(StepperException.class,
                () -> new HrmEngineStepper(models).start(task, InferenceSettings.DEFAULTS)).getMessage();
    }

    @Test
    void aTaskLargerThanEveryCanvasIsNotOfferedToTheModels() {
        String m = refusal("arc/00d62c1b");
        assertTrue(m.contains("canvases are 4x4 and 10x10"), m);
    }

    @Test
    void aTenByTenEvaluationTaskRunsToItsAnswerOnTheTenByTenModel() {
        runsToItsAnswerOn("arc/bbb1b8b6 #0", "arc-10x10", 8);
    }

    @Test
    void aThreeByThreeTaskBothModelsLearnedStaysOnTheSmallOne() {
        assertEquals(java.util.Optional.of("arc"), DefaultModels.shipped().fitting(bundled("arc/6ea4a07e #0")));
    }

    @Test
    void aTaskThatFitsButNoShippedModelLearnedIsNotRun() {
        String m = refusal("arc/3aa6fb7a");
        assertTrue(m.startsWith("no shipped ARC model learned the task 3aa6fb7a"), m);
    }
}
