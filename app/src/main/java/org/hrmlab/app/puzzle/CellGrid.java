package org.hrmlab.app.puzzle;

import java.util.Arrays;
import org.hrmlab.puzzles.Grid;

/**
 * A row-major grid of small integer cell values as the lab holds them: a {@link Grid} of sample-puzzles' encodings
 * (Sudoku digits, maze cell codes, ARC colours) that may also be empty (unknown answer, nothing decoded). The array
 * is copied in and out.
 */
public record CellGrid(int rows, int cols, int[] cells) {
    /** No grid (unknown answer, nothing decoded). */
    public static final CellGrid EMPTY = new CellGrid(0, 0, new int[0]);

    public CellGrid {
        if (rows < 0 || cols < 0 || cells.length != rows * cols) {
            throw new IllegalArgumentException("grid " + rows + "x" + cols + " needs " + rows * cols + " cells, got "
                    + cells.length);
        }
        cells = cells.clone();
    }

    /** The lab's copy of a puzzle grid. */
    public static CellGrid of(Grid g) {
        return new CellGrid(g.rows(), g.cols(), g.toArray());
    }

    /** @return this grid as a puzzle grid; not for {@link #EMPTY} */
    public Grid toGrid() {
        return Grid.of(rows, cols, cells);
    }

    /** A {@code rows x cols} grid filled with {@code value}. */
    public static CellGrid filled(int rows, int cols, int value) {
        int[] cells = new int[rows * cols];
        Arrays.fill(cells, value);
        return new CellGrid(rows, cols, cells);
    }

    @Override
    public int[] cells() {
        return cells.clone();
    }

    public int at(int index) {
        return cells[index];
    }

    public int at(int r, int c) {
        return cells[r * cols + c];
    }

    public int size() {
        return cells.length;
    }

    public boolean isEmpty() {
        return cells.length == 0;
    }

    /** A copy with cell {@code index} set to {@code value}. */
    public CellGrid with(int index, int value) {
        int[] copy = cells.clone();
        copy[index] = value;
        return new CellGrid(rows, cols, copy);
    }

    /** A copy resized to {@code newRows x newCols}, keeping the top-left overlap and filling new cells. */
    public CellGrid resized(int newRows, int newCols, int fill) {
        int[] copy = new int[newRows * newCols];
        Arrays.fill(copy, fill);
        for (int r = 0; r < Math.min(rows, newRows); r++) {
            for (int c = 0; c < Math.min(cols, newCols); c++) {
                copy[r * newCols + c] = at(r, c);
            }
        }
        return new CellGrid(newRows, newCols, copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellGrid g && rows == g.rows && cols == g.cols && Arrays.equals(cells, g.cells);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return "CellGrid[" + rows + "x" + cols + "]";
    }
}
