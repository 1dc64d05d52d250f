package org.hrmlab.engine.analysis;

/** How the covariance route multiplies blocks of samples; sums across blocks, centring and eigen are always float64. */
public enum Precision {
    /** Every product in float64 (default). */
    FLOAT64("float64"),
    /**
     * Each block's products ({@code ssyrk} over at most 4096 samples) in float32, added to float64 sums: about four
     * times faster; relative error of the order of 1e-6 on the covariance (the states are float32 to begin with).
     */
    MIXED("float32 block products, float64 sums");

    private final String description;

    Precision(String description) {
        this.description = description;
    }

    /** @return a short human-readable description shown beside figures */
    public String description() {
        return description;
    }
}
