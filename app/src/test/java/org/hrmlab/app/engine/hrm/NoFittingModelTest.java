package org.hrmlab.app.engine.hrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.hrmlab.app.inspector.InspectorViewModel;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.shell.Notice;
import org.hrmlab.app.shell.Notices;
import org.junit.jupiter.api.Test;

/**
 * The lab runs only real models: a puzzle that no shipped model fits, with no checkpoint loaded, is not run by anything
 * else; the lab says plainly that no model for it is loaded.
 */
class NoFittingModelTest {
    private static Notice load(DefaultModels models, LabPuzzle puzzle) {
        var notices = new Notices();
        try (var vm = new InspectorViewModel(new HrmEngineStepper(models), Runnable::run, Runnable::run, notices)) {
            vm.loadPuzzle(puzzle);
            assertNotEquals(puzzle, vm.getPuzzle(), "nothing runs the puzzle");
            assertEquals(0, vm.timeline().size());
        }
        return notices.getLatest();
    }

    @Test
    void anArcTaskNoShippedModelLearnedIsNotRun() {
        Notice n = load(DefaultModels.shipped(), SamplePuzzles.arcMirror());
        assertEquals(Notice.Level.ERROR, n.level());
        assertTrue(n.message().startsWith("no shipped ARC model learned the task ARC: mirror (an ARC model answers"
                + " only the tasks it trained on"), n.message());
        assertTrue(n.message().endsWith("; the shipped ARC models' canvases are 4x4 and 10x10"), n.message());
    }

    @Test
    void anArcTaskLargerThanEveryCanvasIsNamedByItsSize() {
        Notice n = load(DefaultModels.shipped(), org.hrmlab.app.puzzle.BundledLabPuzzles.named("arc/00d62c1b"));
        assertTrue(n.message().startsWith("no model for 20x20 ARC puzzles is loaded: open a checkpoint trained on"
                + " them"), n.message());
        assertTrue(n.message().endsWith("; the shipped ARC models' canvases are 4x4 and 10x10"), n.message());
    }

    @Test
    void aSixBySixSudokuAndALargeMazeAreNamedToo() {
        LabPuzzle six = org.hrmlab.app.puzzle.BundledLabPuzzles.named("sudoku/6x6-medium #0");
        String m = load(DefaultModels.shipped(), six).message();
        assertTrue(m.startsWith("no model for 6x6 Sudoku puzzles is loaded: open a checkpoint trained on them"), m);
        assertTrue(m.endsWith("; the shipped Sudoku models take 4x4 and 9x9 puzzles"), m);
        assertTrue(load(DefaultModels.shipped(), SamplePuzzles.maze()).message()
                .startsWith("no model for 30x30 mazes is loaded: open a checkpoint trained on them"));
    }

    @Test
    void withNoShippedModelAtAllTheLabSaysSoToo() {
        Notice n = load(new DefaultModels(Map.of()), SamplePuzzles.sudoku());
        assertEquals("no model for 9x9 Sudoku puzzles is loaded: open a checkpoint trained on them "
                + "(File > Open checkpoint)", n.message());
    }
}
