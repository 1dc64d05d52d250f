package org.hrmlab.viz.grid;

/**
 * A heat map already turned into ARGB pixels, so the colour mapping can run off the FX thread. The pixel array is
 * shared, not copied: treat it as read-only.
 *
 * @param scale the value drawn at full colour ({@link HeatmapColors#robustScale})
 */
public record HeatmapPixels(int rows, int cols, int[] argb, float scale) {
    /** No pixels. */
    public static final HeatmapPixels EMPTY = new HeatmapPixels(0, 0, new int[0], 1f);

    public HeatmapPixels {
        if (argb.length != rows * cols) {
            throw new IllegalArgumentException("pixels " + rows + "x" + cols + " need " + rows * cols + " values");
        }
    }

    /** Maps {@code data} with its robust scale. Pure; any thread. */
    public static HeatmapPixels of(HeatmapData data) {
        if (data.isEmpty()) {
            return EMPTY;
        }
        float scale = HeatmapColors.robustScale(data.valuesView());
        int[] argb = new int[data.rows() * data.cols()];
        HeatmapColors.toArgb(data.valuesView(), scale, argb);
        return new HeatmapPixels(data.rows(), data.cols(), argb, scale);
    }

    public boolean isEmpty() {
        return argb.length == 0;
    }
}
