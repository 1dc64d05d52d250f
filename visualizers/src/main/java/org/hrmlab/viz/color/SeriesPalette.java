package org.hrmlab.viz.color;

import java.awt.Color;
import java.util.List;

/**
 * Colours for data series: the Okabe–Ito palette (distinguishable with common colour-vision deficiencies), and the
 * fixed colours of the lab's recurring series (zL, zH, trained, untrained).
 */
public final class SeriesPalette {
    /** Okabe–Ito: orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, black. */
    public static final List<Color> OKABE_ITO = List.of(new Color(0xE69F00), new Color(0x56B4E9),
            new Color(0x009E73), new Color(0xF0E442), new Color(0x0072B2), new Color(0xD55E00), new Color(0xCC79A7),
            new Color(0x000000));
    /** The colour of zL series. */
    public static final Color Z_L = new Color(0x0072B2);
    /** The colour of zH series. */
    public static final Color Z_H = new Color(0xD55E00);
    /** The colour of control (untrained) series, drawn beside trained ones. */
    public static final Color CONTROL = new Color(0x999999);

    private SeriesPalette() {
    }

    /** @return the i-th palette colour, cycling */
    public static Color colour(int i) {
        return OKABE_ITO.get(Math.floorMod(i, OKABE_ITO.size()));
    }

    /** @return the colour with the given alpha in [0, 1] */
    public static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * Math.max(0, Math.min(1, alpha))));
    }

    /**
     * Linear interpolation between two colours.
     *
     * @param t in [0, 1] (clamped)
     */
    public static Color blend(Color a, Color b, double t) {
        double u = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * u),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * u),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * u));
    }
}
