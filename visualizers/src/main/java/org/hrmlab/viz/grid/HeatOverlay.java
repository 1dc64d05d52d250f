package org.hrmlab.viz.grid;

import java.util.Arrays;
import java.util.Objects;

/**
 * A per-cell heat layer drawn over a board: one value per cell, coloured on the scale {@code [0, max]}. What the values
 * are, and how the scale was chosen, travel with them for the legend. Immutable: the array is copied in and out.
 *
 * @param rows the rows of cells it covers (a board's, or an ARC prediction's)
 * @param cols the columns
 * @param values {@code [rows·cols]} row-major, non-negative; NaN = nothing drawn on that cell
 * @param max top of the colour scale, &gt; 0; larger values get the top colour
 * @param title what a value is, e.g. "‖ΔzL‖ per cell · L-update"
 * @param scaleNote how {@code max} was chosen, e.g. "largest at an L-update so far"
 */
public record HeatOverlay(int rows, int cols, float[] values, double max, String title, String scaleNote) {
    /** Nothing to draw. */
    public static final HeatOverlay NONE = new HeatOverlay(0, 0, new float[0], 1, "", "");

    public HeatOverlay {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(scaleNote, "scaleNote");
        if (rows < 0 || cols < 0 || values.length != rows * cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " overlay needs " + rows * cols
                    + " values, got " + values.length);
        }
        if (!(max > 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("the top of the scale must be positive and finite, got " + max);
        }
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** @return the value of cell {@code i} (row-major) */
    public float at(int i) {
        return values[i];
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    /** @return cell {@code i}'s place on the scale, in [0, 1]; NaN when nothing is drawn there */
    public double fraction(int i) {
        float v = values[i];
        return Float.isNaN(v) ? Double.NaN : Math.max(0, Math.min(1, v / max));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeatOverlay h && rows == h.rows && cols == h.cols && max == h.max
                && Arrays.equals(values, h.values) && title.equals(h.title) && scaleNote.equals(h.scaleNote);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rows, cols, max, title, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "HeatOverlay[" + rows + "x" + cols + ", max " + max + ", " + title + "]";
    }
}
