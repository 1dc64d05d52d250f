package org.hrmlab.viz.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArcRendererTest {

    @Test
    void paletteIsTheCanonicalOne() {
        assertEquals("#000000", ArcPalette.hex(0));
        assertEquals("#0074D9", ArcPalette.hex(1));
        assertEquals("#FF4136", ArcPalette.hex(2));
        assertEquals("#2ECC40", ArcPalette.hex(3));
        assertEquals("#FFDC00", ArcPalette.hex(4));
        assertEquals("#AAAAAA", ArcPalette.hex(5));
        assertEquals("#F012BE", ArcPalette.hex(6));
        assertEquals("#FF851B", ArcPalette.hex(7));
        assertEquals("#7FDBFF", ArcPalette.hex(8));
        assertEquals("#870C25", ArcPalette.hex(9));
        assertEquals(javafx.scene.paint.Color.web("#FFDC00"), ArcPalette.color(4));
    }

    @Test
    void diffMarksChangedAndOutOfShapeCells() {
        var predicted = new ColorGrid(2, 3, new int[] {1, 2, 3, 4, 5, 6});
        var expected = new ColorGrid(2, 2, new int[] {1, 0, 4, 5});
        assertArrayEquals(new boolean[] {false, true, true, false, false, true},
                ArcRenderer.diff(predicted, expected));
    }

    @Test
    void layoutSharesCellSizeAndKeepsPanelsApart() {
        var in = new ColorGrid(3, 3, new int[9]);
        var out = new ColorGrid(6, 6, new int[36]);
        var panels = ArcRenderer.layout(new ArcBoard(in, out, out), 600, 300);
        assertEquals(3, panels.size());
        double cell = panels.get(0).geometry().cell();
        assertTrue(cell > 0);
        for (int i = 1; i < panels.size(); i++) {
            var prev = panels.get(i - 1).geometry();
            var cur = panels.get(i).geometry();
            assertEquals(cell, cur.cell());
            assertTrue(cur.x0() >= prev.x0() + prev.width());
        }
        var last = panels.get(2).geometry();
        assertTrue(last.x0() + last.width() <= 600);
        assertTrue(last.y0() + last.height() <= 300);
    }

    @Test
    void emptyGridsAreLeftOut() {
        var out = new ColorGrid(2, 2, new int[4]);
        assertEquals(1, ArcRenderer.layout(new ArcBoard(ColorGrid.EMPTY, out, ColorGrid.EMPTY), 200, 200).size());
        assertEquals(0, ArcRenderer.diff(out, ColorGrid.EMPTY).length);
    }
}
