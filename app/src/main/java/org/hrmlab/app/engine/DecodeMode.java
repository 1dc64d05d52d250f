package org.hrmlab.app.engine;

import org.hrmlab.engine.step.Readout;

/**
 * How an intermediate state becomes a grid (docs/analysis.md "Decoding an intermediate state"): which state the output
 * head reads ({@link Readout}). The lab names them after the model's states ({@link #label(StateNames)}).
 */
public enum DecodeMode {
    /** {@code argmax(lm_head(zH))} at each update (TRM: the answer y). */
    DIRECT("Direct", "direct", Readout.HIGH_STATE),
    /** One extra preliminary H update, then the output head: what the paper's Fig. 7 draws. */
    PAPER_FIG7("Paper Fig. 7", "paper", Readout.PREVIEW_H_UPDATE),
    /**
     * {@code argmax(lm_head(zL))}: the low state through the same head (TRM: {@code lm_head(z)}, the latent, which the
     * TRM paper says decodes to nothing sensible).
     */
    LATENT("Low state", "latent", Readout.LOW_STATE);

    private final String label;
    private final String cliName;
    private final Readout readout;

    DecodeMode(String label, String cliName, Readout readout) {
        this.label = label;
        this.cliName = cliName;
        this.readout = readout;
    }

    /** @return the HRM's label: {@code Direct (zH)}, {@code Paper Fig. 7}, {@code Low state (zL)} */
    public String label() {
        return label(StateNames.HRM);
    }

    /**
     * @return the label with the model's state names: {@code Direct (zH)} / {@code Answer (y)}, {@code Paper Fig. 7},
     *         {@code Low state (zL)} / {@code Latent (z)}
     */
    public String label(StateNames names) {
        return switch (this) {
            case DIRECT -> (names == StateNames.TRM ? "Answer" : label) + " (" + names.zHShort() + ")";
            case PAPER_FIG7 -> label;
            case LATENT -> (names == StateNames.TRM ? "Latent" : label) + " (" + names.zLShort() + ")";
        };
    }

    /** @return what the output head reads, for people: {@code lm_head(zH)}, {@code lm_head(H(zH + zL))}, ... */
    public String formula(StateNames names) {
        return switch (this) {
            case DIRECT -> "argmax(lm_head(" + names.zHShort() + "))";
            case PAPER_FIG7 -> "argmax(lm_head(" + names.zHShort() + " after one preliminary " + names.hUpdate() + "))";
            case LATENT -> "argmax(lm_head(" + names.zLShort() + "))";
        };
    }

    /** @return the name {@code --decode} and manifests use: {@code direct}, {@code paper}, {@code latent} */
    public String cliName() {
        return cliName;
    }

    /** @return the engine's read-out for this decode */
    public Readout readout() {
        return readout;
    }
}
