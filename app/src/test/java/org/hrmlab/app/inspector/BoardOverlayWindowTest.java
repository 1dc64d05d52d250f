package org.hrmlab.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;

import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.hrmlab.app.LabContext;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.shell.FxTestSupport;
import org.hrmlab.viz.color.Viridis;
import org.hrmlab.viz.grid.GridGeometry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real lab window on the shipped maze model: choosing an overlay over the board colours every cell from the
 * values the engine computed for the update at the cursor (state change on the run's scale, then confidence).
 */
@ExtendWith(ApplicationExtension.class)
class BoardOverlayWindowTest {
    private LabContext ctx;

    @Start
    void start(Stage stage) {
        ctx = FxTestSupport.showLab(stage, "maze/5x5-hard #0");
    }

    @AfterEach
    void close() {
        FxTestSupport.fx(ctx::close);
    }

    @Test
    void theChosenOverlayColoursEachCellFromTheUpdatesRealValues(FxRobot robot) throws Exception {
        var vm = ctx.inspector();
        FxTestSupport.waitUntil(() -> vm.timeline().size() == 1 && !vm.busyProperty().get(), 60);
        FxTestSupport.fx(vm::runToHalt);
        FxTestSupport.waitUntil(() -> vm.haltedProperty().get() && !vm.busyProperty().get(), 60);
        FxTestSupport.fx(() -> vm.seek(1));
        var board = robot.lookup(".board-canvas").queryAs(BoardCanvas.class);

        robot.clickOn("#overlay-change");
        FxTestSupport.waitUntil(() -> !board.getOverlay().isEmpty() && board.getOverlay().title().contains("zL"), 10);
        var frame = FxTestSupport.onFx(() -> vm.cursorFrameProperty().get());
        assertEquals(UpdateKind.L, frame.kind());
        float top = FxTestSupport.onFx(() -> vm.getOverlayScale().maxL());
        float[] change = frame.stateChange().values();
        assertEquals(25, change.length);
        var colours = checkCells(board, i -> change[i] / top);
        assertTrue(colours > 2, "cells moved by different amounts: " + colours + " colours");

        robot.clickOn("#overlay-confidence");
        FxTestSupport.waitUntil(() -> board.getOverlay().title().startsWith("p(decoded token)"), 10);
        float[] p = frame.confidence();
        checkCells(board, i -> p[i]);

        robot.clickOn("#overlay-none");
        FxTestSupport.waitUntil(() -> board.getOverlay().isEmpty() && board.getOverlay().title().isEmpty(), 10);
        assertEquals(OverlayLayer.NONE, FxTestSupport.onFx(() -> vm.overlayLayerProperty().get()));
    }

    /** Checks each cell's colour on the overlay layer against {@code fraction}; @return distinct colours seen. */
    private static int checkCells(BoardCanvas board, java.util.function.IntToDoubleFunction fraction) {
        FxTestSupport.fx(() -> { });
        GridGeometry geo = FxTestSupport.onFx(board::overlayCells);
        assertNotNull(geo);
        var transparent = new SnapshotParameters();
        transparent.setFill(Color.TRANSPARENT);
        Image layer = FxTestSupport.onFx(() -> board.overlayLayer().snapshot(transparent, null));
        var seen = new HashSet<Integer>();
        for (int i = 0; i < geo.rows() * geo.cols(); i++) {
            int x = (int) (geo.x(i % geo.cols()) + geo.cell() / 2);
            int y = (int) (geo.y(i / geo.cols()) + geo.cell() / 2);
            int got = layer.getPixelReader().getArgb(x, y);
            int want = Viridis.argb(fraction.applyAsDouble(i));
            assertTrue(Math.abs((got >>> 24) - 153) <= 2, "cell " + i + " alpha " + (got >>> 24));
            for (int shift = 0; shift < 24; shift += 8) {
                assertTrue(Math.abs((want >> shift & 0xff) - (got >> shift & 0xff)) <= 3, "cell " + i + ": #"
                        + Integer.toHexString(want & 0xffffff) + " expected, got #"
                        + Integer.toHexString(got & 0xffffff));
            }
            seen.add(got);
        }
        return seen.size();
    }
}
