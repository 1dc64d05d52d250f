package org.hrmlab.app.inspector;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;

import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.engine.Verdict;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.shell.FxTestSupport;
import org.hrmlab.viz.grid.GridTheme;
import org.hrmlab.viz.grid.HeatmapData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The on-screen board (cells and grid lines on two layers) looks like the one-canvas painting used for exports. */
class BoardCanvasLayersTest {
    private static final int W = 420;
    private static final int H = 360;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static BoardSnapshot solved(LabPuzzle puzzle) {
        var frame = new LabFrame(0, UpdateKind.INIT, 0, 0, 0, puzzle.answer(), new float[0], HeatmapData.EMPTY,
                HeatmapData.EMPTY, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, false, Verdict.RIGHT);
        return Boards.build(puzzle, List.of(frame), 0);
    }

    private static Image layered(BoardSnapshot board, GridTheme theme) {
        var view = FxTestSupport.onFx(() -> {
            var v = new BoardCanvas();
            v.setTheme(theme);
            v.show(board);
            v.resize(W, H);
            v.layout();
            return v;
        });
        FxTestSupport.fx(() -> { });
        return FxTestSupport.onFx(() -> view.snapshot(new SnapshotParameters(), null));
    }

    private static Image single(BoardSnapshot board, GridTheme theme) {
        return FxTestSupport.onFx(() -> {
            var canvas = new Canvas(W, H);
            BoardCanvas.paint(canvas.getGraphicsContext2D(), W, H, board, theme);
            return canvas.snapshot(new SnapshotParameters(), null);
        });
    }

    private static int maxChannelDifference(Image a, Image b) {
        int worst = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = a.getPixelReader().getArgb(x, y);
                int q = b.getPixelReader().getArgb(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    worst = Math.max(worst, Math.abs((p >>> shift & 0xff) - (q >>> shift & 0xff)));
                }
            }
        }
        return worst;
    }

    @Test
    void mazeLooksTheSameOnTwoLayers() {
        var board = solved(SamplePuzzles.maze());
        assertInstanceOf(BoardSnapshot.Maze.class, board);
        int diff = maxChannelDifference(layered(board, GridTheme.LIGHT), single(board, GridTheme.LIGHT));
        assertTrue(diff <= 2, "largest channel difference " + diff);
    }

    @Test
    void sudokuLooksTheSameOnTwoLayers() {
        var board = solved(SamplePuzzles.sudoku());
        assertInstanceOf(BoardSnapshot.Sudoku.class, board);
        int diff = maxChannelDifference(layered(board, GridTheme.DARK), single(board, GridTheme.DARK));
        assertTrue(diff <= 2, "largest channel difference " + diff);
    }
}
