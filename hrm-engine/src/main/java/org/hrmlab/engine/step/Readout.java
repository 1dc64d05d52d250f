package org.hrmlab.engine.step;

/**
 * Which state the output head reads to turn a step into a grid (docs/analysis.md "Decoding an intermediate state").
 * Every snapshot carries the {@link #HIGH_STATE} read-out ({@link StepSnapshot#predicted}); a stepper set to another
 * one computes it as well ({@link StepSnapshot#readoutPredicted}).
 */
public enum Readout {
    /** {@code argmax(lm_head(zH))}: the model's own answer (TRM: {@code lm_head(y)}). */
    HIGH_STATE,
    /**
     * The HRM paper's Fig. 7 decode: one preliminary H-update {@code z̄H = H(zH + zL)}, then the output head; the carry
     * is not changed.
     */
    PREVIEW_H_UPDATE,
    /**
     * {@code argmax(lm_head(zL))}: the low state through the same head (TRM: {@code lm_head(z)}, the latent, which its
     * paper says decodes to nothing sensible).
     */
    LOW_STATE
}
