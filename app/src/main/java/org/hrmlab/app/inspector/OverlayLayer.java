package org.hrmlab.app.inspector;

import java.util.Locale;

/** What the board's heat overlay shows per cell. */
public enum OverlayLayer {
    /** No overlay. */
    NONE("none", "none"),
    /** How much the state written at this update (zL at an L-update, zH at an H-update) moved at each cell. */
    STATE_CHANGE("change", "state change"),
    /** The probability of each cell's decoded token. */
    CONFIDENCE("confidence", "confidence");

    private final String cliName;
    private final String label;

    OverlayLayer(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    /** @return the name {@code hrmlab animate --overlay} takes */
    public String cliName() {
        return cliName;
    }

    /** @return the name the lab shows */
    public String label() {
        return label;
    }

    /**
     * @param name a {@link #cliName()}, any case
     * @throws IllegalArgumentException naming the allowed values
     */
    public static OverlayLayer parse(String name) {
        for (var layer : values()) {
            if (layer.cliName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return layer;
            }
        }
        throw new IllegalArgumentException("overlay must be none, change or confidence, got '" + name + "'");
    }
}
