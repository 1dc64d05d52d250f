package org.hrmlab.viz.color;

/**
 * The viridis colour map (van der Walt and Smith, matplotlib 2.0): dark purple through teal to yellow, ordered in
 * lightness and readable with common colour-vision deficiencies. Eight stops of the published table, interpolated
 * linearly into a 256-entry table. Pure functions.
 */
public final class Viridis {
    private static final int[] STOPS = {
        0x440154, 0x46327e, 0x365c8d, 0x277f8e, 0x1fa187, 0x4ac16d, 0xa0da39, 0xfde725,
    };
    private static final int SIZE = 256;
    private static final int[] LUT = buildLut();

    private Viridis() {
    }

    /**
     * @param t position on the map, 0 = low end, 1 = high end (clamped; NaN counts as 0)
     * @return the opaque colour as packed ARGB
     */
    public static int argb(double t) {
        double c = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        return LUT[(int) Math.round(c * (SIZE - 1))];
    }

    /** @return {@link #argb} as an AWT colour with the given alpha in [0, 1] */
    public static java.awt.Color awt(double t, double alpha) {
        return SeriesPalette.withAlpha(new java.awt.Color(argb(t)), alpha);
    }

    private static int[] buildLut() {
        int[] lut = new int[SIZE];
        int segments = STOPS.length - 1;
        for (int k = 0; k < SIZE; k++) {
            double x = k / (double) (SIZE - 1) * segments;
            int s = Math.min(segments - 1, (int) x);
            double f = x - s;
            int rgb = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                int a = STOPS[s] >> shift & 0xff;
                int b = STOPS[s + 1] >> shift & 0xff;
                rgb |= (int) Math.round(a + f * (b - a)) << shift;
            }
            lut[k] = 0xff000000 | rgb;
        }
        return lut;
    }
}
