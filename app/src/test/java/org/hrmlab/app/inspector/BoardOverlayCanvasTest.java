package org.hrmlab.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

import org.hrmlab.app.TestModels;
import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.OverlayScale;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.app.engine.hrm.HrmEngineStepper;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.shell.FxTestSupport;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.viz.color.Viridis;
import org.hrmlab.viz.grid.GridTheme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;

/**
 * The overlay on the board for every board the lab draws (Sudoku 4x4, 6x6 and 9x9, a 30x30 maze, an ARC prediction),
 * from frames of the real engine: each cell is painted in the colour of its own value on the run's scale, and the
 * on-screen layers look like the one-canvas painting the export uses.
 */
class BoardOverlayCanvasTest {
    private static final int W = 520;
    private static final int H = 560;

    @TempDir
    static Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private record Run(LabPuzzle puzzle, List<LabFrame> timeline) {
    }

    /** A few updates of {@code name}: the shipped ARC model for ARC, a tiny untrained model for the others. */
    private static Run run(String name) throws Exception {
        LabPuzzle puzzle = BundledLabPuzzles.named(name);
        var stepper = new HrmEngineStepper(DefaultModels.shipped());
        if (!name.startsWith("arc/")) {
            int vocab = name.startsWith("maze/") ? 6 : puzzle.input().rows() + 2;
            Path file = TestModels.write(dir.resolve(name.replace('/', '_').replace(' ', '_') + ".safetensors"),
                    TestModels.tiny(vocab), Map.of());
            stepper.useModel(CheckpointLoader.load(file), "tiny");
        }
        List<LabFrame> timeline = new ArrayList<>();
        timeline.add(stepper.start(puzzle, new InferenceSettings(2, 2, 1, false, DecodeMode.DIRECT)).lite());
        timeline.addAll(stepper.step(org.hrmlab.app.engine.StepAction.SEGMENT).recorded());
        stepper.close();
        return new Run(puzzle, timeline);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sudoku/4x4-easy #0", "sudoku/6x6-medium #0", "sudoku/9x9-easy #0",
        "maze/30x30-hard #0", "arc/25ff71a9 #1"})
    void eachCellIsPaintedInTheColourOfItsOwnValue(String name) throws Exception {
        var run = run(name);
        int at = 2;
        LabFrame frame = run.timeline().get(at);
        assertEquals(UpdateKind.L, frame.kind());
        var scale = OverlayScale.of(run.timeline());
        var board = Boards.build(run.puzzle(), run.timeline(), at);
        var overlay = BoardOverlays.of(frame, OverlayLayer.STATE_CHANGE, scale);
        assertEquals(frame.decoded().size(), overlay.values().length);

        var canvas = FxTestSupport.onFx(() -> {
            var c = new BoardCanvas();
            c.show(board, overlay);
            c.resize(W, H);
            c.layout();
            return c;
        });
        FxTestSupport.fx(() -> { });
        var geo = FxTestSupport.onFx(canvas::overlayCells);
        assertNotNull(geo, "the overlay lies on the board's cells");
        assertEquals(frame.decoded().rows(), geo.rows());
        assertEquals(frame.decoded().cols(), geo.cols());
        var transparent = new SnapshotParameters();
        transparent.setFill(Color.TRANSPARENT);
        Image heat = FxTestSupport.onFx(() -> canvas.overlayLayer().snapshot(transparent, null));
        var colours = new HashSet<Integer>();
        for (int i = 0; i < frame.decoded().size(); i++) {
            double t = frame.stateChange().at(i) / scale.maxL();
            int x = (int) (geo.x(i % geo.cols()) + geo.cell() / 2);
            int y = (int) (geo.y(i / geo.cols()) + geo.cell() / 2);
            int got = heat.getPixelReader().getArgb(x, y);
            assertColour(Viridis.argb(t), got, "cell " + i + " of " + name);
            colours.add(got);
        }
        assertTrue(colours.size() > 1, "cells differ: " + colours.size() + " colours");

        Image layered = FxTestSupport.onFx(() -> canvas.snapshot(new SnapshotParameters(), null));
        Image single = FxTestSupport.onFx(() -> {
            var c = new Canvas(W, H);
            BoardCanvas.paint(c.getGraphicsContext2D(), W, H, board, overlay, GridTheme.LIGHT);
            return c.snapshot(new SnapshotParameters(), null);
        });
        int diff = maxChannelDifference(layered, single);
        assertTrue(diff <= 3, "the export paints what the screen shows (semi-transparent layers round apart by a unit"
                + " or so); largest channel difference " + diff);
    }

    /** {@code rgb} at the overlay's opacity, within rounding. */
    private static void assertColour(int rgb, int got, String what) {
        int alpha = got >>> 24;
        assertTrue(Math.abs(alpha - 153) <= 2, what + ": alpha " + alpha);
        for (int shift = 0; shift < 24; shift += 8) {
            int want = rgb >> shift & 0xff;
            int is = got >> shift & 0xff;
            assertTrue(Math.abs(want - is) <= 3, what + ": #" + Integer.toHexString(rgb & 0xffffff) + " expected, got #"
                    + Integer.toHexString(got & 0xffffff));
        }
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
}
