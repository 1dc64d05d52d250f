package org.hrmlab.app.engine.hrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.puzzle.OpeningPuzzle;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.puzzles.PuzzleKind;
import org.junit.jupiter.api.Test;

/**
 * The lab opens on a hard bundled 9×9 Sudoku, and the shipped model it opens with solves it after several segments,
 * halting on its own, with the settings the lab opens with: a replaced default model that does not must come with
 * another opening puzzle.
 */
class OpeningPuzzleTest {
    @Test
    void theLabOpensOnANineByNineSudokuTheShippedModelSolves() {
        DefaultModels models = DefaultModels.shipped();
        LabPuzzle opening = OpeningPuzzle.choose(BundledLabPuzzles.catalogue(), models::fits);
        assertEquals(OpeningPuzzle.NAME, opening.name());
        assertEquals(81, opening.input().size());
        assertEquals("sudoku-9x9", models.fitting(opening).orElseThrow());
        try (HrmEngineStepper s = new HrmEngineStepper(models)) {
            s.start(opening, InferenceSettings.DEFAULTS);
            assertEquals(models.forPuzzle(opening).config().hCycles(), s.settings().hCycles(),
                    "the model's own H cycles");
            LabFrame last = null;
            while (!s.halted()) {
                last = s.step(StepAction.SEGMENT).current();
            }
            for (int i = 0; i < 81; i++) {
                assertEquals(opening.answer().at(i), last.decoded().at(i), "cell " + i);
            }
            assertTrue(last.qHalt() > last.qContinue(), "halted by its Q head, not by the segment limit");
            assertTrue(last.segment() >= 4, "solved in " + last.segment() + " segments: little to watch");
        }
    }

    @Test
    void withoutAModelForItTheFirstPuzzleAModelTakesOpens() {
        List<LabPuzzle> catalogue = BundledLabPuzzles.catalogue();
        LabPuzzle opening = OpeningPuzzle.choose(catalogue, p -> p.kind() == PuzzleKind.MAZE);
        assertEquals(catalogue.stream().filter(p -> p.kind() == PuzzleKind.MAZE).findFirst().orElseThrow(), opening);
        assertEquals(OpeningPuzzle.NAME, OpeningPuzzle.choose(catalogue, p -> p.input().size() == 81).name());
        assertEquals(SamplePuzzles.sudoku().name(), OpeningPuzzle.choose(catalogue, p -> false).name());
    }
}
