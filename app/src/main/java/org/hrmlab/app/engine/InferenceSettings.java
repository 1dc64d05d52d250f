package org.hrmlab.app.engine;

import java.util.Objects;

/**
 * Inference overrides: H and L cycles per segment, the most ACT segments, and the decode mode.
 * With Q-halting the run stops when the Q head halts (q_halt > q_continue; q_halt > 0 for a TRM with
 * no_ACT_continue) or at {@code maxSegments}.
 */
public record InferenceSettings(int hCycles, int lCycles, int maxSegments, boolean qHalting, DecodeMode decodeMode) {
    /** The reference defaults: H_cycles 2, L_cycles 2, halt_max_steps 16, Q-halting on, direct decode. */
    public static final InferenceSettings DEFAULTS = new InferenceSettings(2, 2, 16, true, DecodeMode.DIRECT);

    public InferenceSettings {
        if (hCycles < 1 || lCycles < 1 || maxSegments < 1) {
            throw new IllegalArgumentException("cycles and segments must be at least 1: H " + hCycles + ", L "
                    + lCycles + ", segments " + maxSegments);
        }
        Objects.requireNonNull(decodeMode, "decodeMode");
    }

    /** Updates in one segment: every H cycle runs L_cycles L-updates and then one H-update. */
    public int updatesPerSegment() {
        return hCycles * (lCycles + 1);
    }

    /** Whether both give the same H cycles, L cycles and most segments (Q-halting and decode mode aside). */
    public boolean sameRecursion(InferenceSettings other) {
        return hCycles == other.hCycles && lCycles == other.lCycles && maxSegments == other.maxSegments;
    }

    /** {@code model}'s cycles and most segments, with this one's Q-halting and decode mode. */
    public InferenceSettings withRecursionOf(InferenceSettings model) {
        return new InferenceSettings(model.hCycles, model.lCycles, model.maxSegments, qHalting, decodeMode);
    }

    public InferenceSettings withDecodeMode(DecodeMode mode) {
        return new InferenceSettings(hCycles, lCycles, maxSegments, qHalting, mode);
    }
}
