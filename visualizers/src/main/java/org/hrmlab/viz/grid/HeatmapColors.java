package org.hrmlab.viz.grid;

/**
 * A diverging blue-white-red colour map for hidden states, computed as packed ARGB ints so that a whole
 * {@code [positions x hidden]} map becomes pixels with one pass. Pure functions.
 */
public final class HeatmapColors {
    private static final int[][] STOPS = {
        {0x05, 0x30, 0x61}, {0x21, 0x66, 0xac}, {0x92, 0xc5, 0xde}, {0xf7, 0xf7, 0xf7},
        {0xf4, 0xa5, 0x82}, {0xb2, 0x18, 0x2b}, {0x67, 0x00, 0x1f},
    };
    private static final int LUT_SIZE = 512;
    private static final int[] LUT = buildLut();
    private static final int SAMPLE = 8192;

    private HeatmapColors() {
    }

    /** The colour of {@code v} on a symmetric scale {@code [-scale, scale]}; NaN gives mid-grey. */
    public static int argb(float v, float scale) {
        if (Float.isNaN(v)) {
            return 0xff808080;
        }
        float t = scale > 0 ? v / scale : 0;
        t = Math.max(-1f, Math.min(1f, t));
        int k = Math.round((t + 1f) * 0.5f * (LUT_SIZE - 1));
        return LUT[k];
    }

    /**
     * Fills {@code out} with the colours of {@code values}; both have the same length.
     *
     * @param values not modified
     * @param out modified
     */
    public static void toArgb(float[] values, float scale, int[] out) {
        if (out.length != values.length) {
            throw new IllegalArgumentException("out has " + out.length + " pixels for " + values.length + " values");
        }
        float inv = scale > 0 ? (LUT_SIZE - 1) * 0.5f / scale : 0;
        float mid = (LUT_SIZE - 1) * 0.5f;
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (Float.isNaN(v)) {
                out[i] = 0xff808080;
                continue;
            }
            int k = Math.round(mid + v * inv);
            out[i] = LUT[k < 0 ? 0 : Math.min(k, LUT_SIZE - 1)];
        }
    }

    /**
     * A robust symmetric scale: the 99th percentile of |v| over an evenly strided sample of at most 8192 values,
     * so a few massive activations do not wash the map out. 1 when all values are 0 or NaN.
     */
    public static float robustScale(float[] values) {
        int step = Math.max(1, values.length / SAMPLE);
        float[] sample = new float[(values.length + step - 1) / step];
        int n = 0;
        for (int i = 0; i < values.length; i += step) {
            float a = Math.abs(values[i]);
            if (!Float.isNaN(a)) {
                sample[n++] = a;
            }
        }
        if (n == 0) {
            return 1f;
        }
        java.util.Arrays.sort(sample, 0, n);
        float q = sample[Math.min(n - 1, (int) Math.floor(0.99 * (n - 1)))];
        return q > 0 ? q : (sample[n - 1] > 0 ? sample[n - 1] : 1f);
    }

    private static int[] buildLut() {
        int[] lut = new int[LUT_SIZE];
        int segments = STOPS.length - 1;
        for (int k = 0; k < LUT_SIZE; k++) {
            double t = k / (double) (LUT_SIZE - 1) * segments;
            int s = Math.min(segments - 1, (int) t);
            double f = t - s;
            int r = (int) Math.round(STOPS[s][0] + f * (STOPS[s + 1][0] - STOPS[s][0]));
            int g = (int) Math.round(STOPS[s][1] + f * (STOPS[s + 1][1] - STOPS[s][1]));
            int b = (int) Math.round(STOPS[s][2] + f * (STOPS[s + 1][2] - STOPS[s][2]));
            lut[k] = 0xff000000 | r << 16 | g << 8 | b;
        }
        return lut;
    }
}
