package org.hrmlab.app.inspector;

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
}
