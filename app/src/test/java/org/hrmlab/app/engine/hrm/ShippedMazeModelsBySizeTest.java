package org.hrmlab.app.engine.hrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.StepperException;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.junit.jupiter.api.Test;

/**
 * The shipped maze models are chosen by the maze's size: a bundled 5×5 maze opens on {@code maze}, a 7×7 one on
 * {@code maze-7x7}, which finds its shortest path, and a size no shipped model takes is refused in one line naming the
 * sizes there are.
 */
class ShippedMazeModelsBySizeTest {
    @Test
    void aSevenBySevenMazeOpensOnTheSevenBySevenModelWhichSolvesIt() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle seven = BundledLabPuzzles.named("maze/7x7-hard #0");
        assertEquals("maze-7x7", models.fitting(seven).orElseThrow());
        try (HrmEngineStepper s = new HrmEngineStepper(models)) {
            s.start(seven, InferenceSettings.DEFAULTS);
            assertEquals("default maze-7x7 model", s.model().name());
            assertEquals(49, s.model().inputs().seqLen());
            assertEquals(128, s.model().hiddenSize());
            LabFrame last = s.runToHalt().current();
            for (int i = 0; i < 49; i++) {
                assertEquals(seven.answer().at(i), last.decoded().at(i), "cell " + i + " of the shortest path");
            }
        }
    }

    @Test
    void aFiveByFiveMazeStillOpensOnTheFiveByFiveModel() {
        DefaultModels models = DefaultModels.shipped();
        assertEquals("maze", models.fitting(BundledLabPuzzles.named("maze/5x5-hard #0")).orElseThrow());
        assertEquals(2, models.allOfKind(org.hrmlab.puzzles.PuzzleKind.MAZE).size());
    }

    @Test
    void aFifteenByFifteenMazeIsRefusedNamingTheSizesThereAre() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle fifteen = BundledLabPuzzles.named("maze/15x15-hard #0");
        assertFalse(models.fits(fifteen));
        StepperException e = assertThrows(StepperException.class, () -> models.forPuzzle(fifteen));
        assertEquals("no model for 15x15 mazes is loaded: open a checkpoint trained on them (File > Open checkpoint);"
                + " the shipped maze models take 5x5 and 7x7 mazes", e.getMessage());
    }
}
