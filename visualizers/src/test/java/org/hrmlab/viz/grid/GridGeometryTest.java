package org.hrmlab.viz.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GridGeometryTest {

    @Test
    void fitCentresSquareCellsInTheSmallerDimension() {
        var g = GridGeometry.fit(500, 300, 9, 9, 10);
        assertEquals(31, g.cell(), 0.25);
        assertEquals(300, g.y0() * 2 + g.height(), 1.0);
        assertEquals(500, g.x0() * 2 + g.width(), 1.0);
    }

    @Test
    void cellAtInvertsCellCorners() {
        var g = new GridGeometry(10, 20, 8, 3, 4);
        assertEquals(0, g.cellAt(10, 20));
        assertEquals(1 * 4 + 2, g.cellAt(g.x(2) + 4, g.y(1) + 4));
        assertEquals(11, g.cellAt(g.x(3) + 7.9, g.y(2) + 7.9));
        assertEquals(-1, g.cellAt(9.9, 25));
        assertEquals(-1, g.cellAt(g.x(4) + 0.1, 25));
        assertEquals(-1, g.cellAt(15, g.y(3) + 0.1));
    }

    @Test
    void emptyGridHasNoCells() {
        var g = GridGeometry.fit(100, 100, 0, 0, 4);
        assertEquals(0, g.cell());
        assertEquals(-1, g.cellAt(50, 50));
    }
}
