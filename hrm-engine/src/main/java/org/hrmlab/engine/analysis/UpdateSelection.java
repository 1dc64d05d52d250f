package org.hrmlab.engine.analysis;

/**
 * Which recorded steps contribute states. Both latents are read at the same steps, so zL and zH always get the same
 * number of samples; at a step that updated the other module, a state repeats its previous value.
 */
public enum UpdateSelection {
    /** The last step of every ACT segment (default for the participation ratio). */
    SEGMENT_ENDS("end of each segment"),
    /** Every H-update. */
    H_UPDATES("every H update"),
    /** Every recorded update, L and H (default for PCA trajectories). */
    ALL_UPDATES("every update");

    private final String description;

    UpdateSelection(String description) {
        this.description = description;
    }

    /** @return a short human-readable description shown beside figures */
    public String description() {
        return description;
    }
}
