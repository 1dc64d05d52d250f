package org.hrmlab.app.engine.hrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.StepperException;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.engine.ModelFamily;
import org.junit.jupiter.api.Test;

/** File ▸ Open shipped model: any shipped model by name in the inspector, and back to the per-puzzle choice. */
class ShippedModelByNameTest {
    @Test
    void theShippedTrmRunsANineByNineSudokuThenTheDefaultsComeBackWithTheirOwnRecursion() {
        LabPuzzle nine = BundledLabPuzzles.named("sudoku/9x9-hard #2");
        try (HrmEngineStepper s = new HrmEngineStepper(DefaultModels.shipped())) {
            var trm = s.useShipped("trm-sudoku-9x9");
            assertEquals("shipped:trm-sudoku-9x9", trm.name());
            assertEquals("shipped:trm-sudoku-9x9", trm.source());
            assertEquals(ModelFamily.TRM, trm.family());
            s.start(nine, trm.defaults());
            assertEquals(ModelFamily.TRM, s.model().family());

            var back = s.useShipped(null);
            assertEquals("default models", back.name());
            s.start(nine, InferenceSettings.DEFAULTS);
            assertEquals("default sudoku-9x9 model", s.model().name());
            assertEquals(3, s.settings().hCycles(), "the shipped 9x9 HRM's own three H-cycles, as at the lab's start");
            assertTrue(s.runToHalt().current().decoded() != null);
        }
    }

    @Test
    void anUnknownNameIsOneLineListingTheShippedModels() {
        try (HrmEngineStepper s = new HrmEngineStepper(DefaultModels.shipped())) {
            StepperException e = assertThrows(StepperException.class, () -> s.useShipped("maze-99x99"));
            assertTrue(e.getMessage().contains("no shipped model maze-99x99") && e.getMessage().contains("maze-7x7"),
                    e.getMessage());
            assertEquals("default models", s.model().name(), "the model in use stays");
        }
    }
}
