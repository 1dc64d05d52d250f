package org.hrmlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javafx.stage.Stage;

import org.hrmlab.app.LabContext;
import org.hrmlab.app.TestModels;
import org.hrmlab.app.inspector.BoardSnapshot;
import org.hrmlab.puzzles.PuzzleKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real lab window on the real engine: a maze checkpoint opened over a 4x4 Sudoku shows a maze that fits it. */
@ExtendWith(ApplicationExtension.class)
class OpenCheckpointWindowTest {
    private LabContext ctx;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        ctx = FxTestSupport.showLab(stage, "sudoku/4x4-easy #0");
    }

    @AfterEach
    void close() {
        FxTestSupport.fx(ctx::close);
    }

    @Test
    void aMazeCheckpointOverASudokuRunsOnABundledMazeAndSaysSo(FxRobot robot) throws Exception {
        FxTestSupport.waitUntil(() -> ctx.inspector().timeline().size() == 1
                && ctx.inspector().getPuzzle().kind() == PuzzleKind.SUDOKU, 30);
        Path maze = TestModels.importedMaze30(dir.resolve("maze-27m.safetensors"));
        // What File > Open checkpoint... does once the file is chosen.
        FxTestSupport.fx(() -> ctx.inspector().loadModel(maze));
        FxTestSupport.waitUntil(() -> ctx.inspector().getPuzzle().kind() == PuzzleKind.MAZE
                && ctx.inspector().timeline().size() == 1
                && ctx.inspector().boardProperty().get() instanceof BoardSnapshot.Maze, 60);
        assertEquals(30, FxTestSupport.onFx(() -> ctx.inspector().getPuzzle().input().rows()));
        boolean said = FxTestSupport.onFx(() -> ctx.notices().history().stream()
                .anyMatch(n -> n.message().contains("switched to the bundled puzzle maze/30x30-hard")));
        assertTrue(said, "a notification says which puzzle the lab switched to");
        assertTrue(FxTestSupport.onFx(() -> robot.lookup(".error-notification").queryAll().isEmpty()),
                "no error is shown");
    }
}
