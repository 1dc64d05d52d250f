package org.hrmlab.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.hrmlab.app.TestModels;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.app.engine.hrm.HrmEngineStepper;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.app.shell.Notice;
import org.hrmlab.app.shell.Notices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a checkpoint (File > Open checkpoint, or Training's "Open newest checkpoint") on the real engine: the
 * puzzle on screen stays only if the model takes it; otherwise the lab switches to a bundled puzzle that fits, or
 * asks the user. A maze model never runs on a Sudoku because both vocabularies have 6 tokens.
 */
class OpenCheckpointPuzzleTest {
    @TempDir
    Path dir;

    private Notices notices;
    private InspectorViewModel vm;

    @BeforeEach
    void setUp() {
        notices = new Notices();
        vm = new InspectorViewModel(new HrmEngineStepper(DefaultModels.shipped()), Runnable::run, Runnable::run,
                notices);
        vm.loadPuzzle(bundled("sudoku/4x4-easy #0"));
        assertEquals(1, vm.timeline().size(), "the 4x4 Sudoku runs on the shipped Sudoku model");
    }

    private static LabPuzzle bundled(String name) {
        return BundledLabPuzzles.named(name);
    }

    @Test
    void aMazeCheckpointOpenedOnASudokuSwitchesToABundledMazeOfItsSize() throws Exception {
        vm.loadModel(TestModels.importedMaze30(dir.resolve("maze-27m.safetensors")));
        LabPuzzle shown = vm.getPuzzle();
        assertEquals(PuzzleKind.MAZE, shown.kind(), shown.name());
        assertEquals(30, shown.input().rows());
        assertEquals(30, shown.input().cols());
        assertEquals(1, vm.timeline().size(), "the maze runs");
        assertInstanceOf(BoardSnapshot.Maze.class, vm.boardProperty().get());
        Notice n = notices.getLatest();
        assertTrue(n.message().contains("30x30 mazes") && n.message().contains("switched to the bundled puzzle "
                + shown.name()), n.message());

        vm.loadPuzzle(bundled("sudoku/4x4-easy #0"));
        assertEquals(Notice.Level.ERROR, notices.getLatest().level());
        assertTrue(notices.getLatest().message().contains("takes 30x30 mazes"), notices.getLatest().message());
        assertEquals(PuzzleKind.MAZE, vm.getPuzzle().kind(), "the Sudoku did not run on the maze model");
    }

    @Test
    void aModelWhoseFileDoesNotSayWhatItTakesAsksTheUserFirst() throws Exception {
        vm.loadModel(TestModels.write(dir.resolve("six.safetensors"), TestModels.tiny(6), Map.of()));
        assertEquals(0, vm.timeline().size(), "nothing runs before the user says so");
        Notice n = notices.getLatest();
        assertEquals(Notice.Level.ERROR, n.level());
        assertTrue(n.message().contains("does not say which puzzles it takes") && n.message().contains("4x4 Sudokus "
                + "or mazes") && n.message().contains("Rerun"), n.message());
        vm.rerun();
        assertTrue(vm.timeline().size() > 1, "Rerun runs the puzzle on screen");
        assertEquals("sudoku/4x4-easy #0", vm.getPuzzle().name());
    }

    @Test
    void aModelNoBundledPuzzleFitsClearsTheRunAndSaysWhatItTakes() throws Exception {
        vm.loadModel(TestModels.write(dir.resolve("maze12.safetensors"), TestModels.tiny(6),
                Map.of("reference.data_path", "data/maze-12x12-hard")));
        assertEquals(0, vm.timeline().size());
        Notice n = notices.getLatest();
        assertNotNull(n);
        assertTrue(n.message().contains("takes 12x12 mazes (144 tokens)") && n.message().contains("no bundled puzzle"),
                n.message());
    }

    @Test
    void aModelThatTakesThePuzzleOnScreenKeepsIt() throws Exception {
        vm.loadModel(TestModels.write(dir.resolve("sudoku4.safetensors"), TestModels.tiny(6),
                Map.of("data", "data/sudoku-4x4-hard")));
        assertEquals("sudoku/4x4-easy #0", vm.getPuzzle().name());
        assertEquals(1, vm.timeline().size());
    }
}
