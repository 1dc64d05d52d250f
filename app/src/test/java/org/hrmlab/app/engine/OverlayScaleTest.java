package org.hrmlab.app.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.viz.grid.HeatmapData;
import org.junit.jupiter.api.Test;

/** The per-cell change of a frame and the run's scale over it. */
class OverlayScaleTest {
    static LabFrame frame(int index, UpdateKind kind, float... change) {
        var grid = new CellGrid(1, change.length, new int[change.length]);
        return new LabFrame(index, kind, 1, 1, kind == UpdateKind.L ? 1 : 0, grid, new float[0],
                kind == UpdateKind.INIT ? CellChange.NONE : CellChange.of(change), HeatmapData.EMPTY,
                HeatmapData.EMPTY, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, false, Verdict.UNKNOWN);
    }

    @Test
    void aCellChangeKeepsItsValuesAndItsLargest() {
        float[] values = {0.5f, 2, 0};
        var c = CellChange.of(values);
        values[1] = 9;
        assertArrayEquals(new float[] {0.5f, 2, 0}, c.values(), "copied in");
        assertEquals(2, c.max());
        assertEquals(0.5f, c.at(0));
        assertSame(CellChange.NONE, CellChange.of(new float[0]));
        assertEquals(0, CellChange.NONE.max());
        assertThrows(IllegalArgumentException.class, () -> CellChange.of(new float[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> new LabFrame(1, UpdateKind.L, 1, 1, 1,
                new CellGrid(1, 3, new int[3]), new float[0], CellChange.of(new float[] {1, 2}), HeatmapData.EMPTY,
                HeatmapData.EMPTY, 0, 0, 0, 0, false, false, Verdict.UNKNOWN), "one value per cell of the grid");
    }

    @Test
    void theScaleIsTheLargestChangeSoFarPerUpdateKind() {
        var timeline = List.of(frame(0, UpdateKind.INIT, 0, 0), frame(1, UpdateKind.L, 1, 3), frame(2, UpdateKind.L,
                2, 0.5f), frame(3, UpdateKind.H, 0.25f, 0.75f), frame(4, UpdateKind.L, 0, 0));
        var scale = OverlayScale.of(timeline);
        assertEquals(new OverlayScale(3, 0.75f), scale);
        assertEquals(3, scale.max(UpdateKind.L));
        assertEquals(0.75f, scale.max(UpdateKind.H));
        assertEquals(0, scale.max(UpdateKind.INIT));
        var grown = OverlayScale.NONE;
        for (var f : timeline) {
            var next = grown.including(f);
            assertTrue(next.maxL() >= grown.maxL() && next.maxH() >= grown.maxH(), "never shrinks");
            grown = next;
        }
        assertEquals(scale, grown, "one update at a time gives the whole run's scale");
        assertSame(scale, scale.including(frame(5, UpdateKind.L, 1)), "a smaller change keeps the scale");
    }
}
