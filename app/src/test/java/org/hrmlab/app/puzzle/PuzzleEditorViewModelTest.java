package org.hrmlab.app.puzzle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hrmlab.app.shell.Notice;
import org.hrmlab.puzzles.BundledPuzzles;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.sudoku.SudokuRules;
import org.hrmlab.app.shell.Notices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PuzzleEditorViewModelTest {
    private static final int WALL = MazeCell.WALL.code();
    private static final int OPEN = MazeCell.OPEN.code();
    private static final int START = MazeCell.START.code();
    private static final int GOAL = MazeCell.GOAL.code();
    private final Notices notices = new Notices();
    private final List<LabPuzzle> ran = new ArrayList<>();
    private final PuzzleEditorViewModel vm = new PuzzleEditorViewModel(notices, ran::add);

    @Test
    void sudokuClicksSetAndClearDigitsAndRunSolvesTheAnswer() {
        vm.edit(SamplePuzzles.sudoku());
        vm.brushProperty().set(5);
        vm.paint(2);
        assertEquals(5, vm.getPuzzle().input().at(2));
        assertTrue(vm.validationProperty().get().contains("in conflict"), "5 is already in row 0");
        vm.paint(2);
        assertEquals(0, vm.getPuzzle().input().at(2), "a second click with the same digit clears");
        vm.brushProperty().set(4);
        vm.paint(2);
        vm.run();
        var sent = ran.get(0);
        assertTrue(sent.hasAnswer());
        assertEquals(SamplePuzzles.sudoku().answer(), sent.answer());
        assertEquals(null, SudokuRules.firstViolation(SudokuShape.NINE, sent.answer().toGrid()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sudoku/4x4-easy", "sudoku/6x6-medium"})
    void runSolvesSmallSudokus(String set) throws Exception {
        var bundled = (SudokuPuzzle) BundledPuzzles.open(set, 0);
        vm.edit(BundledLabPuzzles.from(bundled));
        int blank = 0;
        while (vm.getPuzzle().input().at(blank) != 0) {
            blank++;
        }
        vm.brushProperty().set(bundled.solution().at(blank));
        vm.paint(blank);
        assertFalse(vm.getPuzzle().hasAnswer(), "an edit drops the old answer");
        vm.run();
        var sent = ran.get(0);
        assertTrue(sent.hasAnswer(), set + ": 'no solution' for a solvable puzzle");
        assertArrayEquals(bundled.solution().toArray(), sent.answer().cells());
        assertEquals(null, notices.getLatest());
    }

    @Test
    void aSmallSudokuTakesOnlyItsOwnDigits() throws Exception {
        vm.edit(BundledLabPuzzles.from(BundledPuzzles.open("sudoku/4x4-easy", 0)));
        int blank = 0;
        while (vm.getPuzzle().input().at(blank) != 0) {
            blank++;
        }
        vm.brushProperty().set(7);
        vm.paint(blank);
        assertEquals(0, vm.getPuzzle().input().at(blank));
    }

    @Test
    void anUnsolvableSudokuRunsWithoutAnswerAndSaysSo() {
        vm.edit(SamplePuzzles.sudoku());
        vm.brushProperty().set(5);
        vm.paint(2);
        vm.run();
        assertFalse(ran.get(0).hasAnswer());
        assertEquals(Notice.Level.INFO, notices.getLatest().level());
    }

    @Test
    void mazeKeepsOneStartAndOneGoalAndWallsToggle() {
        vm.newPuzzle(PuzzleKind.MAZE);
        assertEquals("no start 'S' cell", vm.validationProperty().get());
        vm.brushProperty().set(START);
        vm.paint(0);
        vm.paint(5);
        vm.brushProperty().set(GOAL);
        vm.paint(143);
        int starts = 0;
        for (int v : vm.getPuzzle().input().cells()) {
            starts += v == START ? 1 : 0;
        }
        assertEquals(1, starts);
        assertEquals(OPEN, vm.getPuzzle().input().at(0));
        assertEquals("S reaches G", vm.validationProperty().get());
        vm.brushProperty().set(WALL);
        vm.paint(7);
        assertEquals(WALL, vm.getPuzzle().input().at(7));
        vm.paint(7);
        assertEquals(OPEN, vm.getPuzzle().input().at(7));
        vm.run();
        assertTrue(ran.get(0).hasAnswer());
    }

    @Test
    void arcGridsResizeSeparately() {
        vm.edit(SamplePuzzles.arcMirror());
        vm.resize(3, 4);
        assertEquals(3, vm.getPuzzle().input().rows());
        assertEquals(4, vm.getPuzzle().input().cols());
        assertEquals(6, vm.getPuzzle().answer().rows(), "the expected output keeps its size");
        vm.targetProperty().set(PuzzleEditorViewModel.Target.EXPECTED);
        vm.brushProperty().set(9);
        vm.paint(0);
        assertEquals(9, vm.getPuzzle().answer().at(0));
        vm.resize(31, 2);
        assertEquals(Notice.Level.ERROR, notices.getLatest().level());
        assertEquals(6, vm.getPuzzle().answer().rows());
    }

    @Test
    void samplePuzzlesAreConsistent() {
        for (var p : SamplePuzzles.all()) {
            assertTrue(p.hasAnswer(), p.name());
            if (p.kind() == PuzzleKind.SUDOKU) {
                assertEquals(null, SudokuRules.firstViolation(SudokuShape.NINE, p.answer().toGrid()), p.name());
                for (int i = 0; i < 81; i++) {
                    assertTrue(p.input().at(i) == 0 || p.input().at(i) == p.answer().at(i), p.name());
                }
                assertEquals(p.answer(), p.solve(), p.name());
            }
        }
        assertEquals(30, SamplePuzzles.maze().input().rows());
    }
}
