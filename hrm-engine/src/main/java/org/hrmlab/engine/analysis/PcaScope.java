package org.hrmlab.engine.analysis;

/** Which states a PCA is fitted on; a per-trajectory fit is always labelled as such. */
public enum PcaScope {
    /** One fit on the pool of all trajectories and steps (default); every trajectory shares the axes. */
    POOLED("pooled fit"),
    /** A separate fit for each trajectory; axes are not comparable between trajectories. */
    PER_TRAJECTORY("per-trajectory fit");

    private final String description;

    PcaScope(String description) {
        this.description = description;
    }

    /** @return a short human-readable description shown beside figures */
    public String description() {
        return description;
    }
}
