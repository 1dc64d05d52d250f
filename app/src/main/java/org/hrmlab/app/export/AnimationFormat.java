package org.hrmlab.app.export;

import java.util.Locale;

/** How an animation is written. */
public enum AnimationFormat {
    /** One looping animated GIF file. */
    GIF("gif", "Animated GIF"),
    /** A folder of numbered PNGs ({@code frame_0000.png ...}) with their DPI recorded. */
    PNG_SEQUENCE("png", "PNG sequence");

    private final String cliName;
    private final String label;

    AnimationFormat(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    /** The name on the command line ({@code --format gif|png}). */
    public String cliName() {
        return cliName;
    }

    /** The format named {@code name} on the command line. */
    public static AnimationFormat parse(String name) {
        for (var f : values()) {
            if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("format must be gif or png, got '" + name + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
