package org.hrmlab.engine.analysis;

/** What one sample (one row of the data matrix) is, for the participation ratio and PCA. */
public enum SampleUnit {
    /** Each kept position's hidden vector is a sample, pooled over positions (default; D = hidden). */
    PER_TOKEN("per-token vectors pooled over positions"),
    /** The mean over kept positions of one state is a sample (D = hidden). */
    MEAN_POOLED("mean-pooled per state"),
    /** The whole state, kept positions concatenated, is a sample (D = positions x hidden). */
    FLATTENED("flattened state");

    private final String description;

    SampleUnit(String description) {
        this.description = description;
    }

    /** @return a short human-readable description shown beside figures */
    public String description() {
        return description;
    }
}
