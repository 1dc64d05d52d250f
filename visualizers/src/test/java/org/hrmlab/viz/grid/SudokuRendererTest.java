package org.hrmlab.viz.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SudokuRendererTest {
    private static final GridTheme T = GridTheme.LIGHT;

    private static SudokuBoard board() {
        int[] d = new int[16];
        boolean[] givens = new boolean[16];
        boolean[] changed = new boolean[16];
        boolean[] back = new boolean[16];
        float[] conf = new float[16];
        java.util.Arrays.fill(conf, 1f);
        d[0] = 1;
        givens[0] = true;
        d[1] = 1;         // conflicts with the given in its row
        changed[1] = true;
        d[5] = 3;
        back[5] = true;
        conf[5] = 0.0f;
        return new SudokuBoard(4, d, givens, changed, back, conf);
    }

    @Test
    void givensAreBoldAndFullyOpaque() {
        var b = board();
        var style = SudokuRenderer.styleOf(b, SudokuRenderer.conflicts(b), 0, T);
        assertTrue(style.bold());
        assertEquals(1.0, style.textOpacity());
        assertEquals("1", style.text());
        assertFalse(style.cornerMark());
    }

    @Test
    void conflictsAreRedAndChangedCellsMarked() {
        var b = board();
        var style = SudokuRenderer.styleOf(b, SudokuRenderer.conflicts(b), 1, T);
        assertEquals(T.conflict(), style.textColor());
        assertTrue(style.cornerMark());
        assertFalse(style.bold());
    }

    @Test
    void backtracksAreOutlinedAndLowConfidenceFaded() {
        var b = board();
        var style = SudokuRenderer.styleOf(b, SudokuRenderer.conflicts(b), 5, T);
        assertEquals(T.backtrack(), style.outline());
        assertEquals(0.35, style.textOpacity(), 1e-9);
        var blank = SudokuRenderer.styleOf(b, SudokuRenderer.conflicts(b), 2, T);
        assertEquals("", blank.text());
        assertNull(blank.outline());
        assertEquals(T.background(), blank.fill());
    }
}
