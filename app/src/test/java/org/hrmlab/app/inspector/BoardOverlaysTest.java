package org.hrmlab.app.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrmlab.app.engine.CellChange;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.OverlayScale;
import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.engine.Verdict;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.viz.grid.HeatOverlay;
import org.hrmlab.viz.grid.HeatmapData;
import org.junit.jupiter.api.Test;

/** The board's overlay at one update, from the values in the frame, on the run's scale. */
class BoardOverlaysTest {
    private static LabFrame frame(UpdateKind kind, float[] confidence, float[] change) {
        var grid = new CellGrid(2, 3, new int[6]);
        return new LabFrame(5, kind, 1, 1, 1, grid, confidence, change.length == 0 ? CellChange.NONE
                : CellChange.of(change), HeatmapData.EMPTY, HeatmapData.EMPTY, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, false, false, Verdict.UNKNOWN);
    }

    @Test
    void stateChangeIsOnTheRunsScaleForTheUpdatesKindAndNamesTheState() {
        float[] change = {0, 1, 2, 0.5f, 0.25f, 1.5f};
        var scale = new OverlayScale(4, 8);
        var l = BoardOverlays.of(frame(UpdateKind.L, new float[0], change), OverlayLayer.STATE_CHANGE, scale);
        assertEquals(2, l.rows());
        assertEquals(3, l.cols());
        assertArrayEquals(change, l.values());
        assertEquals(4, l.max(), "the largest zL change of the run so far");
        assertEquals(0.5, l.fraction(2));
        assertTrue(l.title().contains("zL") && l.title().contains("L-update"), l.title());
        var h = BoardOverlays.of(frame(UpdateKind.H, new float[0], change), OverlayLayer.STATE_CHANGE, scale);
        assertEquals(8, h.max());
        assertTrue(h.title().contains("zH") && h.title().contains("H-update"), h.title());
        var unscaled = BoardOverlays.of(frame(UpdateKind.L, new float[0], change), OverlayLayer.STATE_CHANGE,
                OverlayScale.NONE);
        assertEquals(2, unscaled.max(), "a scale that has not seen the frame yet still covers it");
    }

    @Test
    void aTrmsLegendNamesItsLatentAndAnswerUpdates() {
        float[] change = {0, 1, 2, 0.5f, 0.25f, 1.5f};
        var scale = new OverlayScale(4, 8);
        var z = BoardOverlays.of(frame(UpdateKind.L, new float[0], change), OverlayLayer.STATE_CHANGE, scale,
                StateNames.TRM);
        assertEquals("\u2016\u0394z\u2016 per cell \u00b7 latent update", z.title());
        var y = BoardOverlays.of(frame(UpdateKind.H, new float[0], change), OverlayLayer.STATE_CHANGE, scale,
                StateNames.TRM);
        assertTrue(y.title().contains("\u0394y") && y.scaleNote().contains("answer updates"), y.scaleNote());
        assertEquals(8, y.max());
    }

    @Test
    void confidenceIsTheDecodedTokensProbabilityOnZeroToOne() {
        float[] p = {1, 0.5f, 0.25f, 0.9f, 0.6f, 0.3f};
        var o = BoardOverlays.of(frame(UpdateKind.H, p, new float[6]), OverlayLayer.CONFIDENCE, new OverlayScale(3, 3));
        assertArrayEquals(p, o.values());
        assertEquals(1, o.max());
        assertTrue(o.title().startsWith("p(decoded token)"), o.title());
    }

    @Test
    void nothingBeforeTheFirstUpdateOrWithoutALayer() {
        var init = frame(UpdateKind.INIT, new float[0], new float[0]);
        var o = BoardOverlays.of(init, OverlayLayer.STATE_CHANGE, OverlayScale.NONE);
        assertTrue(o.isEmpty());
        assertTrue(o.scaleNote().contains("no update yet"), "the legend says why: " + o.scaleNote());
        assertSame(HeatOverlay.NONE, BoardOverlays.of(frame(UpdateKind.L, new float[6], new float[6]),
                OverlayLayer.NONE, OverlayScale.NONE));
        assertSame(HeatOverlay.NONE, BoardOverlays.of(null, OverlayLayer.CONFIDENCE, OverlayScale.NONE));
    }
}
