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
 * {@code maze-7x7} and a 15×15 one on {@code maze-15x15}, each of which finds its shortest path, and a size no shipped
 * model takes is refused in one line naming the sizes there are.
 */
class ShippedMazeModelsBySizeTest {
    /** A bundled 15×15 maze the shipped model solves, halting on its Q head (its card lists which of the 10 it solves). */
    private static final String SOLVED_FIFTEEN = "maze/15x15-hard #1";

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
    void aFifteenByFifteenMazeOpensOnTheFifteenByFifteenModelWhichSolvesIt() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle fifteen = BundledLabPuzzles.named(SOLVED_FIFTEEN);
        assertEquals("maze-15x15", models.fitting(fifteen).orElseThrow());
        try (HrmEngineStepper s = new HrmEngineStepper(models)) {
            s.start(fifteen, InferenceSettings.DEFAULTS);
            assertEquals("default maze-15x15 model", s.model().name());
            assertEquals(225, s.model().inputs().seqLen());
            LabFrame last = s.runToHalt().current();
            for (int i = 0; i < 225; i++) {
                assertEquals(fifteen.answer().at(i), last.decoded().at(i), "cell " + i + " of the shortest path");
            }
        }
    }

    @Test
    void aFiveByFiveMazeStillOpensOnTheFiveByFiveModel() {
        DefaultModels models = DefaultModels.shipped();
        assertEquals("maze", models.fitting(BundledLabPuzzles.named("maze/5x5-hard #0")).orElseThrow());
        assertEquals(3, models.allOfKind(org.hrmlab.puzzles.PuzzleKind.MAZE).size());
    }

    @Test
    void aThirtyByThirtyMazeIsRefusedNamingTheSizesThereAre() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle thirty = BundledLabPuzzles.named("maze/30x30-hard #0");
        assertFalse(models.fits(thirty));
        StepperException e = assertThrows(StepperException.class, () -> models.forPuzzle(thirty));
        assertEquals("no model for 30x30 mazes is loaded: open a checkpoint trained on them (File > Open checkpoint);"
                + " the shipped maze models take 5x5, 7x7 and 15x15 mazes", e.getMessage());
    }
}
