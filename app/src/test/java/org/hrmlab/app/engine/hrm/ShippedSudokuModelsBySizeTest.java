package org.hrmlab.app.engine.hrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.StepperException;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.puzzles.PuzzleKind;
import org.junit.jupiter.api.Test;

/**
 * The shipped Sudoku models are chosen by the puzzle's size: a bundled 4×4 Sudoku opens on {@code sudoku}, a 9×9 one
 * on {@code sudoku-9x9} (each model's own sequence length decides), and a size no shipped model takes is refused in
 * one line that names the size and the sizes there are.
 */
class ShippedSudokuModelsBySizeTest {
    private static LabPuzzle bundled(String name) {
        return BundledLabPuzzles.named(name);
    }

    @Test
    void aNineByNineSudokuOpensOnTheNineByNineModel() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle nine = bundled("sudoku/9x9-easy #0");
        assertTrue(models.fits(nine));
        assertEquals("sudoku-9x9", models.fitting(nine).orElseThrow());
        try (HrmEngineStepper s = new HrmEngineStepper(models)) {
            s.start(nine, new InferenceSettings(2, 2, 8, true, DecodeMode.DIRECT));
            assertEquals("default sudoku-9x9 model", s.model().name());
            assertEquals(81, s.model().inputs().seqLen());
            assertEquals(128, s.model().hiddenSize());
            LabFrame last = s.runToHalt().current();
            int right = 0;
            for (int i = 0; i < 81; i++) {
                right += last.decoded().at(i) == nine.answer().at(i) ? 1 : 0;
            }
            // an interim checkpoint: about 95 % of the cells of unseen easy puzzles (its card); far above the givens
            assertTrue(right >= 70, right + " of 81 cells right");
        }
    }

    @Test
    void aFourByFourSudokuStillOpensOnTheFourByFourModel() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle four = bundled("sudoku/4x4-easy #0");
        assertEquals("sudoku", models.fitting(four).orElseThrow());
        try (HrmEngineStepper s = new HrmEngineStepper(models)) {
            s.start(four, new InferenceSettings(2, 2, 4, true, DecodeMode.DIRECT));
            assertEquals("default sudoku model", s.model().name());
            assertEquals(16, s.model().inputs().seqLen());
            // and back to 9x9 on the same stepper: the model follows the puzzle
            s.start(SamplePuzzles.sudoku(), new InferenceSettings(2, 2, 8, true, DecodeMode.DIRECT));
            assertEquals("default sudoku-9x9 model", s.model().name());
        }
        assertEquals(16, models.forKind(PuzzleKind.SUDOKU).config().seqLen(), "the kind's main model is the 4x4 one");
        assertEquals(2, models.allOfKind(PuzzleKind.SUDOKU).size());
    }

    @Test
    void aPuzzleThatMovesToAnotherModelRunsWithThatModelsOwnCyclesUnlessOverridden() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle four = bundled("sudoku/4x4-easy #0");
        LabPuzzle nine = bundled("sudoku/9x9-easy #0");
        var fourOwn = models.forPuzzle(four).config();
        var nineOwn = models.forPuzzle(nine).config();
        try (HrmEngineStepper s = new HrmEngineStepper(models)) {
            s.start(four, InferenceSettings.DEFAULTS);
            assertEquals(List.of(fourOwn.hCycles(), fourOwn.lCycles(), fourOwn.haltMaxSteps()), recursion(s));
            s.start(nine, s.settings());
            assertEquals(List.of(nineOwn.hCycles(), nineOwn.lCycles(), nineOwn.haltMaxSteps()), recursion(s));
            assertTrue(s.settings().qHalting());

            var overridden = new InferenceSettings(1, 3, 5, false, DecodeMode.LATENT);
            s.start(nine, overridden);
            assertEquals(overridden, s.settings(), "the same model: the overrides apply");
            s.start(four, overridden);
            assertEquals(overridden, s.settings(), "another model, but the user's overrides stay");
        }
    }

    private static List<Integer> recursion(HrmEngineStepper s) {
        return List.of(s.settings().hCycles(), s.settings().lCycles(), s.settings().maxSegments());
    }

    @Test
    void aSizeWithNoModelIsRefusedInOneLineNamingTheSizes() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle six = bundled("sudoku/6x6-medium #0");
        assertFalse(models.fits(six));
        StepperException e = assertThrows(StepperException.class,
                () -> new HrmEngineStepper(models).start(six, InferenceSettings.DEFAULTS));
        assertEquals("no model for 6x6 Sudoku puzzles is loaded: open a checkpoint trained on them"
                + " (File > Open checkpoint); the shipped Sudoku models take 4x4 and 9x9 puzzles", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aModelListedButNotShippedIsSkipped() {
        var models = new DefaultModels(Map.of(PuzzleKind.SUDOKU, List.of("no-such-model", "sudoku")));
        assertEquals("sudoku", models.fitting(bundled("sudoku/4x4-easy #0")).orElseThrow());
        assertFalse(models.fits(SamplePuzzles.sudoku()));
        StepperException e = assertThrows(StepperException.class, () -> models.forPuzzle(SamplePuzzles.sudoku()));
        assertTrue(e.getMessage().endsWith("; the shipped Sudoku model takes 4x4 puzzles"), e.getMessage());
    }
}
