package org.hrmlab.app.engine;

/** How an intermediate state becomes a grid (docs/analysis.md "Decoding an intermediate state"). */
public enum DecodeMode {
    /** {@code argmax(lm_head(zH))} at each update. */
    DIRECT("Direct"),
    /** One extra preliminary H update, then the output head: what the paper's Fig. 7 draws. */
    PAPER_FIG7("Paper Fig. 7");

    private final String label;

    DecodeMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
