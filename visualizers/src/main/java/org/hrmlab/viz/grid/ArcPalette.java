package org.hrmlab.viz.grid;

import javafx.scene.paint.Color;

/** The canonical ten-colour ARC palette (colour index 0..9). */
public final class ArcPalette {
    private static final String[] HEX = {
        "#000000", "#0074D9", "#FF4136", "#2ECC40", "#FFDC00",
        "#AAAAAA", "#F012BE", "#FF851B", "#7FDBFF", "#870C25",
    };
    private static final Color[] COLORS = new Color[HEX.length];

    static {
        for (int i = 0; i < HEX.length; i++) {
            COLORS[i] = Color.web(HEX[i]);
        }
    }

    /** Number of colours. */
    public static final int SIZE = HEX.length;

    private ArcPalette() {
    }

    /** The colour of ARC index {@code c}; out-of-range indices (PAD, EOS, garbage) give magenta-grey. */
    public static Color color(int c) {
        return c >= 0 && c < SIZE ? COLORS[c] : Color.rgb(60, 60, 60);
    }

    /** The colour of ARC index {@code c} as {@code #RRGGBB}. */
    public static String hex(int c) {
        if (c < 0 || c >= SIZE) {
            throw new IllegalArgumentException("ARC colour index out of range: " + c);
        }
        return HEX[c];
    }
}
