package org.hrmlab.viz.grid;

/**
 * Where the cells of a {@code rows x cols} grid lie on a canvas: square cells of side {@code cell} starting at
 * ({@code x0}, {@code y0}).
 */
public record GridGeometry(double x0, double y0, double cell, int rows, int cols) {

    public GridGeometry {
        if (rows < 0 || cols < 0 || cell < 0) {
            throw new IllegalArgumentException("bad grid geometry " + rows + "x" + cols + " cell " + cell);
        }
    }

    /** The largest square-cell grid that fits a {@code width x height} area with {@code margin} all round, centred. */
    public static GridGeometry fit(double width, double height, int rows, int cols, double margin) {
        if (rows <= 0 || cols <= 0) {
            return new GridGeometry(margin, margin, 0, Math.max(rows, 0), Math.max(cols, 0));
        }
        double w = Math.max(0, width - 2 * margin);
        double h = Math.max(0, height - 2 * margin);
        double cell = Math.floor(Math.min(w / cols, h / rows) * 4) / 4;
        double x0 = Math.round(margin + (w - cell * cols) / 2);
        double y0 = Math.round(margin + (h - cell * rows) / 2);
        return new GridGeometry(x0, y0, cell, rows, cols);
    }

    /** Left edge of column {@code c}. */
    public double x(int c) {
        return x0 + c * cell;
    }

    /** Top edge of row {@code r}. */
    public double y(int r) {
        return y0 + r * cell;
    }

    public double width() {
        return cols * cell;
    }

    public double height() {
        return rows * cell;
    }

    /** Row-major index of the cell under ({@code px}, {@code py}), or -1 outside the grid. */
    public int cellAt(double px, double py) {
        if (cell <= 0 || px < x0 || py < y0) {
            return -1;
        }
        int c = (int) ((px - x0) / cell);
        int r = (int) ((py - y0) / cell);
        return r < rows && c < cols ? r * cols + c : -1;
    }
}
