package org.hrmlab.puzzles;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * An immutable rectangular grid of small ints, stored row-major. Sudoku digits (0 = blank), maze cells
 * ({@link MazeCell} ordinals) and ARC colours (0-9) all live in grids.
 */
public final class Grid {
    private final int rows;
    private final int cols;
    private final int[] cells;

    private Grid(int rows, int cols, int[] cells) {
        this.rows = rows;
        this.cols = cols;
        this.cells = cells;
    }

    /**
     * @param rows  number of rows, at least 1
     * @param cols  number of columns, at least 1
     * @param cells row-major values, length {@code rows * cols} (copied, not modified)
     * @return the grid
     */
    public static Grid of(int rows, int cols, int[] cells) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("grid must be at least 1x1, got " + rows + "x" + cols);
        }
        if (cells.length != rows * cols) {
            throw new IllegalArgumentException(rows + "x" + cols + " grid needs " + rows * cols + " cells, got "
                    + cells.length);
        }
        return new Grid(rows, cols, cells.clone());
    }

    /**
     * @param rows rectangular rows (not modified)
     * @return the grid
     * @throws IllegalArgumentException if the rows are empty or ragged
     */
    public static Grid of(int[][] rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("grid must be at least 1x1");
        }
        int cols = rows[0].length;
        int[] cells = new int[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("ragged grid: row " + r + " has " + rows[r].length
                        + " cells, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, cells, r * cols, cols);
        }
        return new Grid(rows.length, cols, cells);
    }

    /** @return a grid of the given size with every cell set to {@code value} */
    public static Grid filled(int rows, int cols, int value) {
        int[] cells = new int[rows * cols];
        Arrays.fill(cells, value);
        return of(rows, cols, cells);
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns */
    public int cols() {
        return cols;
    }

    /** @return the number of cells, {@code rows * cols} */
    public int size() {
        return cells.length;
    }

    /** @return the value at row {@code r}, column {@code c} */
    public int get(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("(" + r + ", " + c + ") outside " + rows + "x" + cols);
        }
        return cells[r * cols + c];
    }

    /** @return the value of cell {@code i} in row-major order */
    public int at(int i) {
        return cells[i];
    }

    /** @return a copy of the row-major cells */
    public int[] toArray() {
        return cells.clone();
    }

    /** @return a copy as an array of rows */
    public int[][] toRows() {
        int[][] out = new int[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(cells, r * cols, (r + 1) * cols);
        }
        return out;
    }

    /** @return a copy with cell (r, c) set to {@code value} */
    public Grid with(int r, int c, int value) {
        int[] copy = cells.clone();
        copy[r * cols + c] = value;
        return new Grid(rows, cols, copy);
    }

    /** @return a grid of the same shape with {@code f} applied to every cell */
    public Grid map(IntUnaryOperator f) {
        int[] out = new int[cells.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsInt(cells[i]);
        }
        return new Grid(rows, cols, out);
    }

    /** @return the number of cells equal to {@code value} */
    public int count(int value) {
        int n = 0;
        for (int v : cells) {
            if (v == value) {
                n++;
            }
        }
        return n;
    }

    /** @return the smallest and largest values, as {@code {min, max}} */
    public int[] range() {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : cells) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new int[] {min, max};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && g.rows == rows && g.cols == cols && Arrays.equals(g.cells, cells);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(cells);
    }

    /** @return the rows, one per line, values separated by spaces */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    b.append(' ');
                }
                b.append(cells[r * cols + c]);
            }
            b.append('\n');
        }
        return b.toString();
    }
}
