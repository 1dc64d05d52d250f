package org.hrmlab.viz.grid;

/**
 * A {@code [rows x cols]} float map, row-major (for hidden states: rows = positions, cols = hidden units).
 * The array is copied in; {@link #valuesView()} hands out the internal copy for read-only rendering.
 */
public record HeatmapData(int rows, int cols, float[] values) {
    /** No data. */
    public static final HeatmapData EMPTY = new HeatmapData(0, 0, new float[0]);

    public HeatmapData {
        if (rows < 0 || cols < 0 || values.length != rows * cols) {
            throw new IllegalArgumentException("heat map " + rows + "x" + cols + " needs " + rows * cols
                    + " values, got " + values.length);
        }
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** The internal array, for renderers that only read it. Do not modify. */
    public float[] valuesView() {
        return values;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }
}
