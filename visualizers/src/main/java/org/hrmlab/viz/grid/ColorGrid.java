package org.hrmlab.viz.grid;

import java.util.Arrays;

/** A row-major grid of ARC colour indices (0..9). The array is copied in and out. */
public record ColorGrid(int rows, int cols, int[] cells) {
    /** The empty grid (unknown or absent). */
    public static final ColorGrid EMPTY = new ColorGrid(0, 0, new int[0]);

    public ColorGrid {
        if (rows < 0 || cols < 0 || cells.length != rows * cols) {
            throw new IllegalArgumentException("colour grid " + rows + "x" + cols + " needs " + rows * cols
                    + " cells, got " + cells.length);
        }
        cells = cells.clone();
    }

    @Override
    public int[] cells() {
        return cells.clone();
    }

    /** Colour at ({@code r}, {@code c}). */
    public int at(int r, int c) {
        return cells[r * cols + c];
    }

    public boolean isEmpty() {
        return cells.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColorGrid g && rows == g.rows && cols == g.cols && Arrays.equals(cells, g.cells);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cells) * 31 + rows;
    }

    @Override
    public String toString() {
        return "ColorGrid[" + rows + "x" + cols + "]";
    }
}
