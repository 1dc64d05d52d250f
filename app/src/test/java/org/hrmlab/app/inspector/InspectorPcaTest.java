package org.hrmlab.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.engine.TrajectoryPca;
import org.hrmlab.app.engine.fake.FakeStepper;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.shell.Notices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inspector's PCA result follows the run, not the cursor (same-thread executors, no toolkit). */
class InspectorPcaTest {
    private InspectorViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new InspectorViewModel(new FakeStepper(0, 32), Runnable::run, Runnable::run, new Notices());
        vm.loadPuzzle(SamplePuzzles.sudoku());
    }

    private TrajectoryPca pca() {
        return vm.pcaProperty().get();
    }

    @Test
    void theInitialStateAloneIsNotFitted() {
        assertFalse(pca().fitted());
        assertEquals(1, pca().updates());
    }

    @Test
    void aSegmentIsFittedOnItsSixUpdatesAndEveryUpdateIsProjected() {
        vm.forward(StepAction.SEGMENT);
        var p = pca();
        assertTrue(p.fitted());
        assertEquals(7, p.updates());
        assertEquals(6, p.samples());
        assertEquals(7, p.zH().pc1().length);
        assertEquals(7, p.zL().pc2().length);
        assertTrue(Arrays.equals(new int[] {6}, p.segmentEnds()));
        assertTrue(p.fitLabel().contains("N = 6"), p.fitLabel());
        for (double r : new double[] {p.zH().ratio()[0], p.zL().ratio()[0]}) {
            assertTrue(r > 0 && r <= 1, "PC1 share " + r);
        }
    }

    @Test
    void movingTheCursorKeepsTheFitAndGrowingTheRunRefits() {
        vm.forward(StepAction.SEGMENT);
        vm.forward(StepAction.SEGMENT);
        var fit = pca();
        assertEquals(13, fit.updates());
        vm.seek(2);
        vm.back(StepAction.L_UPDATE);
        vm.forward(StepAction.H_UPDATE);
        vm.forward(StepAction.SEGMENT);
        vm.seek(12);
        assertSame(fit, pca(), "scrubbing through recorded updates never refits");
        vm.forward(StepAction.L_UPDATE);
        assertNotSame(fit, pca());
        assertEquals(14, pca().updates());
        assertEquals(fit.generation(), pca().generation());
    }

    @Test
    void overridesStartANewRunWithItsOwnFit() {
        vm.forward(StepAction.SEGMENT);
        long before = pca().generation();
        vm.applySettings(new InferenceSettings(3, 2, 4, false, InferenceSettings.DEFAULTS.decodeMode()));
        assertTrue(vm.haltedProperty().get());
        assertTrue(pca().generation() > before);
        assertEquals(vm.timeline().size(), pca().updates());
        assertEquals(4, pca().segmentEnds().length, "max segments 4, no Q-halting");
    }
}
