package org.hrmlab.viz.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrmlab.viz.color.Viridis;
import org.junit.jupiter.api.Test;

/** The overlay's per-cell colours, its legend labels, the colour map and where the ARC prediction is drawn. */
class HeatOverlayRendererTest {
    private static final int ALPHA_BYTE = 153;

    @Test
    void viridisRunsFromDarkPurpleToYellow() {
        assertEquals(0xff440154, Viridis.argb(0));
        assertEquals(0xfffde725, Viridis.argb(1));
        assertEquals(Viridis.argb(0), Viridis.argb(-3), "clamped");
        assertEquals(Viridis.argb(1), Viridis.argb(7));
        assertEquals(Viridis.argb(0), Viridis.argb(Double.NaN));
        int mid = Viridis.argb(0.5);
        assertTrue((mid >> 8 & 0xff) > (Viridis.argb(0) >> 8 & 0xff),
                "greener than the low end: " + Integer.toHexString(mid));
        assertEquals(new java.awt.Color(0xfd, 0xe7, 0x25, 128), Viridis.awt(1, 0.5));
    }

    @Test
    void aCellsColourIsItsValueOverTheTopOfTheScaleWithTheOverlaysAlpha() {
        var overlay = new HeatOverlay(1, 4, new float[] {0, 2, 4, Float.NaN}, 4, "change", "largest so far");
        assertEquals(ALPHA_BYTE << 24 | Viridis.argb(0) & 0xffffff, HeatOverlayRenderer.argb(overlay, 0));
        assertEquals(ALPHA_BYTE << 24 | Viridis.argb(0.5) & 0xffffff, HeatOverlayRenderer.argb(overlay, 1));
        assertEquals(ALPHA_BYTE << 24 | Viridis.argb(1) & 0xffffff, HeatOverlayRenderer.argb(overlay, 2));
        assertEquals(0, HeatOverlayRenderer.argb(overlay, 3), "NaN: nothing drawn");
        var above = new HeatOverlay(1, 1, new float[] {9}, 4, "change", "");
        assertEquals(HeatOverlayRenderer.argb(overlay, 2), HeatOverlayRenderer.argb(above, 0), "top colour above max");
        assertEquals(0.5, overlay.fraction(1));
    }

    @Test
    void anOverlayIsImmutableAndChecksItsShapeAndScale() {
        float[] v = {1, 2};
        var overlay = new HeatOverlay(1, 2, v, 2, "t", "n");
        v[0] = 5;
        assertArrayEquals(new float[] {1, 2}, overlay.values());
        assertEquals(new HeatOverlay(1, 2, new float[] {1, 2}, 2, "t", "n"), overlay);
        assertNotEquals(new HeatOverlay(1, 2, new float[] {1, 2}, 3, "t", "n"), overlay);
        assertThrows(IllegalArgumentException.class, () -> new HeatOverlay(2, 2, v, 1, "t", "n"));
        assertThrows(IllegalArgumentException.class, () -> new HeatOverlay(1, 2, v, 0, "t", "n"));
        assertThrows(IllegalArgumentException.class, () -> new HeatOverlay(1, 2, v, Double.NaN, "t", "n"));
        assertTrue(HeatOverlay.NONE.isEmpty());
    }

    @Test
    void legendLabelsAreShortNumbers() {
        assertEquals("1", HeatOverlayRenderer.label(1));
        assertEquals("3.21", HeatOverlayRenderer.label(3.2148));
        assertEquals("0.0123", HeatOverlayRenderer.label(0.012345));
    }

    @Test
    void theArcPredictionPanelIsTheMiddleOne() {
        var in = new ColorGrid(3, 3, new int[9]);
        var out = new ColorGrid(2, 4, new int[8]);
        var board = new ArcBoard(in, out, in);
        var panel = ArcRenderer.predictionPanel(board, 600, 300);
        assertEquals(ArcRenderer.layout(board, 600, 300).get(1), panel);
        assertEquals(2, panel.geometry().rows());
        assertEquals(4, panel.geometry().cols());
        assertNull(ArcRenderer.predictionPanel(new ArcBoard(in, ColorGrid.EMPTY, in), 600, 300));
    }
}
