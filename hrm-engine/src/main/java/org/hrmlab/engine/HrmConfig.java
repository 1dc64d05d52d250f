package org.hrmlab.engine;

import java.util.Objects;

/**
 * The architecture of a Hierarchical Reasoning Model (arXiv 2506.21734), as the reference implementation's
 * {@code HierarchicalReasoningModel_ACTV1Config} defines it, or of a Tiny Recursive Model (arXiv 2510.04871,
 * {@code TinyRecursiveReasoningModel_ACTV1Config}), plus the three sizes that come from data ({@code seqLen},
 * {@code vocabSize}, {@code numPuzzleIdentifiers}).
 *
 * @param seqLen               grid tokens per example (81 Sudoku, 900 maze/ARC), without the puzzle prefix; 0 while
 *                             unknown (a RoPE checkpoint does not record it: the puzzle fixes it, see {@link #withSeqLen})
 * @param vocabSize            token vocabulary size (11 Sudoku, 6 maze, 12 ARC)
 * @param numPuzzleIdentifiers rows of the puzzle-embedding table
 * @param puzzleEmbNdim        width of a puzzle embedding (0 = none), zero-padded to {@code puzzleEmbLen} prefix tokens
 * @param hiddenSize           model width
 * @param numHeads             attention heads; head dim = hidden / heads
 * @param expansion            SwiGLU expansion factor
 * @param hLayers              transformer blocks in the H module (0 for TRM, which has none)
 * @param lLayers              transformer blocks in the L module (TRM's one network)
 * @param hCycles              H-updates per ACT segment (N; TRM's T)
 * @param lCycles              L-updates per H cycle (T; TRM's n)
 * @param haltMaxSteps         maximum ACT segments
 * @param haltExplorationProb  training-time exploration probability of ACT
 * @param posEncodings         {@code "rope"} (rotary, in attention), {@code "learned"} (a learned table added to the
 *                             input embedding, no rotary), {@code "none"} (neither: what the reference does for any
 *                             other value; TRM's MLP variant uses it) or {@code "learned+rope"} (both: HRM Lab's own
 *                             variant, not in the reference, which the engine ran and trained as "learned" before it
 *                             followed the reference there)
 * @param rmsNormEps           RMSNorm epsilon
 * @param ropeTheta            RoPE base
 * @param family               {@link ModelFamily#HRM} (two networks) or {@link ModelFamily#TRM} (one network for both
 *                             updates); null reads as HRM (files written before the family existed)
 * @param puzzleEmbLen         prefix tokens carrying the puzzle embedding; 0 derives the HRM's
 *                             {@code ceil(puzzleEmbNdim / hidden)} (TRM sets it explicitly, 16 in its configs; the
 *                             embedding fills the first tokens, the rest are zeros)
 * @param mlpT                 TRM's MLP variant ({@code mlp_t}): each block mixes tokens with a SwiGLU across the
 *                             sequence axis instead of attention (its weights fix {@code seqLen})
 * @param noActContinue        TRM's {@code no_ACT_continue}: halt on {@code q_halt > 0} alone (see {@link #haltRule})
 */
public record HrmConfig(int seqLen, int vocabSize, int numPuzzleIdentifiers, int puzzleEmbNdim, int hiddenSize,
                        int numHeads, double expansion, int hLayers, int lLayers, int hCycles, int lCycles,
                        int haltMaxSteps, double haltExplorationProb, String posEncodings, double rmsNormEps,
                        double ropeTheta, ModelFamily family, int puzzleEmbLen, boolean mlpT, boolean noActContinue) {

    /** Validates the sizes; a bad value names itself in the message. */
    public HrmConfig {
        Objects.requireNonNull(posEncodings, "posEncodings");
        if (family == null) {
            family = ModelFamily.HRM;
        }
        if (seqLen < 0) {
            throw new IllegalArgumentException("seq_len must be >= 0, got " + seqLen);
        }
        positive("vocab_size", vocabSize);
        positive("num_puzzle_identifiers", numPuzzleIdentifiers);
        positive("hidden_size", hiddenSize);
        positive("num_heads", numHeads);
        if (family == ModelFamily.TRM) {
            if (hLayers != 0) {
                throw new IllegalArgumentException("TRM has one network (L_level): H_layers must be 0, got " + hLayers);
            }
        } else {
            positive("H_layers", hLayers);
        }
        positive("L_layers", lLayers);
        positive("H_cycles", hCycles);
        positive("L_cycles", lCycles);
        positive("halt_max_steps", haltMaxSteps);
        if (!(expansion > 0) || !Double.isFinite(expansion)) {
            throw new IllegalArgumentException("expansion must be a positive number, got " + expansion);
        }
        if (expansion * hiddenSize * 2.0 / 3.0 > (1 << 30)) {
            throw new IllegalArgumentException("expansion " + expansion + " x hidden_size " + hiddenSize
                    + " makes an MLP wider than 2^30");
        }
        if (!(haltExplorationProb >= 0 && haltExplorationProb <= 1)) {
            throw new IllegalArgumentException("halt_exploration_prob must be in [0, 1], got " + haltExplorationProb);
        }
        if (!(rmsNormEps >= 0) || !Double.isFinite(rmsNormEps)) {
            throw new IllegalArgumentException("rms_norm_eps must be a finite number >= 0, got " + rmsNormEps);
        }
        if (!(ropeTheta > 0) || !Double.isFinite(ropeTheta)) {
            throw new IllegalArgumentException("rope_theta must be a positive number, got " + ropeTheta);
        }
        if (puzzleEmbNdim < 0) {
            throw new IllegalArgumentException("puzzle_emb_ndim must be >= 0, got " + puzzleEmbNdim);
        }
        if (!mlpT) {
            if (hiddenSize % numHeads != 0) {
                throw new IllegalArgumentException("hidden_size " + hiddenSize + " is not a multiple of num_heads "
                        + numHeads);
            }
            if ((hiddenSize / numHeads) % 2 != 0) {
                throw new IllegalArgumentException("head dimension " + hiddenSize / numHeads + " must be even for RoPE");
            }
        }
        if (!posEncodings.equals("rope") && !posEncodings.equals("learned") && !posEncodings.equals(NO_POSITIONS)
                && !posEncodings.equals(LEARNED_AND_ROPE)) {
            throw new IllegalArgumentException("pos_encodings must be 'rope', 'learned', 'none' or '" + LEARNED_AND_ROPE
                    + "', got '" + posEncodings + "'");
        }
        int derived = (puzzleEmbNdim + hiddenSize - 1) / hiddenSize;
        if (puzzleEmbLen < 0) {
            throw new IllegalArgumentException("puzzle_emb_len must be >= 0, got " + puzzleEmbLen);
        }
        if (puzzleEmbLen == 0) {
            puzzleEmbLen = derived;
        } else if (family == ModelFamily.HRM && puzzleEmbLen != derived) {
            throw new IllegalArgumentException("the HRM's puzzle prefix is ceil(puzzle_emb_ndim / hidden_size) = "
                    + derived + " tokens, got puzzle_emb_len " + puzzleEmbLen);
        } else if (puzzleEmbNdim == 0) {
            throw new IllegalArgumentException("puzzle_emb_len " + puzzleEmbLen + " needs a puzzle embedding, but "
                    + "puzzle_emb_ndim is 0");
        } else if (puzzleEmbLen < derived) {
            throw new IllegalArgumentException("puzzle_emb_len " + puzzleEmbLen + " is too short for puzzle_emb_ndim "
                    + puzzleEmbNdim + " at hidden_size " + hiddenSize + " (needs " + derived + ")");
        }
        if (family == ModelFamily.HRM && (mlpT || noActContinue)) {
            throw new IllegalArgumentException((mlpT ? "mlp_t" : "no_ACT_continue") + " is a TRM setting; the HRM "
                    + "has no such option");
        }
    }

    /**
     * An HRM's architecture (the 16 fields of the reference's HRM config): family {@link ModelFamily#HRM}, prefix
     * {@code ceil(puzzleEmbNdim / hidden)}, attention blocks, halting on {@code q_halt > q_continue}.
     */
    public HrmConfig(int seqLen, int vocabSize, int numPuzzleIdentifiers, int puzzleEmbNdim, int hiddenSize,
                     int numHeads, double expansion, int hLayers, int lLayers, int hCycles, int lCycles,
                     int haltMaxSteps, double haltExplorationProb, String posEncodings, double rmsNormEps,
                     double ropeTheta) {
        this(seqLen, vocabSize, numPuzzleIdentifiers, puzzleEmbNdim, hiddenSize, numHeads, expansion, hLayers, lLayers,
                hCycles, lCycles, haltMaxSteps, haltExplorationProb, posEncodings, rmsNormEps, ropeTheta,
                ModelFamily.HRM, 0, false, false);
    }

    /**
     * A TRM's architecture (TinyRecursiveReasoningModel_ACTV1Config): one network of {@code lLayers} blocks, no H
     * layers.
     *
     * @param hCycles       TRM's T (full recursions per segment)
     * @param lCycles       TRM's n (latent updates per recursion)
     * @param puzzleEmbLen  prefix tokens (the reference's default is 16; 0 = {@code ceil(ndim / hidden)})
     * @param mlpT          the MLP variant (token-mixing SwiGLU instead of attention)
     * @param noActContinue halt on {@code q_halt > 0} (the reference's default)
     */
    public static HrmConfig trm(int seqLen, int vocabSize, int numPuzzleIdentifiers, int puzzleEmbNdim,
                                int hiddenSize, int numHeads, double expansion, int lLayers, int hCycles,
                                int lCycles, int haltMaxSteps, double haltExplorationProb, String posEncodings,
                                double rmsNormEps, double ropeTheta, int puzzleEmbLen, boolean mlpT,
                                boolean noActContinue) {
        return new HrmConfig(seqLen, vocabSize, numPuzzleIdentifiers, puzzleEmbNdim, hiddenSize, numHeads, expansion,
                0, lLayers, hCycles, lCycles, haltMaxSteps, haltExplorationProb, posEncodings, rmsNormEps, ropeTheta,
                ModelFamily.TRM, puzzleEmbLen, mlpT, noActContinue);
    }

    /** {@link #posEncodings()} value for no positional encoding at all (TRM's MLP variant). */
    public static final String NO_POSITIONS = "none";

    /** {@link #posEncodings()} value for a learned position table plus RoPE (HRM Lab's own; not the reference's). */
    public static final String LEARNED_AND_ROPE = "learned+rope";

    /** The reference's 27M architecture (hidden 512, 8 heads, 4+4 layers, 2x2 cycles, 16 segments, one prefix token). */
    public static HrmConfig reference27M(int seqLen, int vocabSize, int numPuzzleIdentifiers) {
        return new HrmConfig(seqLen, vocabSize, numPuzzleIdentifiers, 512, 512, 8, 4, 4, 4, 2, 2, 16, 0.1, "rope",
                1e-5, 10000.0);
    }

    /** @return true if attention rotates queries and keys (RoPE): {@code rope} and {@code learned+rope} */
    public boolean rotaryPositions() {
        return posEncodings.equals("rope") || posEncodings.equals(LEARNED_AND_ROPE);
    }

    /** @return true if a learned position table is added to the input: {@code learned} and {@code learned+rope} */
    public boolean learnedPositions() {
        return posEncodings.equals("learned") || posEncodings.equals(LEARNED_AND_ROPE);
    }

    /** @return a copy with another positional encoding */
    public HrmConfig withPosEncodings(String newPosEncodings) {
        return new HrmConfig(seqLen, vocabSize, numPuzzleIdentifiers, puzzleEmbNdim, hiddenSize, numHeads, expansion,
                hLayers, lLayers, hCycles, lCycles, haltMaxSteps, haltExplorationProb, newPosEncodings, rmsNormEps,
                ropeTheta, family, puzzleEmbLen, mlpT, noActContinue);
    }

    /** @return per-head width, {@code hidden / heads} */
    public int headDim() {
        return hiddenSize / numHeads;
    }

    /** @return every position the model sees: prefix plus grid */
    public int totalSeqLen() {
        return seqLen + puzzleEmbLen();
    }

    /**
     * @return SwiGLU inner width: {@code round(expansion * hidden * 2/3)} rounded up to a multiple of 256, where
     *         {@code round} is Python's, halves to even (expansion 7.125, hidden 54: 256.5 becomes 256, not 257)
     */
    public int mlpInterSize() {
        int inter = (int) Math.rint(expansion * hiddenSize * 2.0 / 3.0);
        return ((inter + 255) / 256) * 256;
    }

    /**
     * @return SwiGLU inner width of TRM's token-mixing MLP ({@code mlp_t}), whose width is the sequence: as
     *         {@link #mlpInterSize} for a width of {@link #totalSeqLen}
     */
    public int mlpTInterSize() {
        int inter = (int) Math.rint(expansion * totalSeqLen() * 2.0 / 3.0);
        return ((inter + 255) / 256) * 256;
    }

    /** @return true for TRM: the H-update (TRM's answer update) runs the L network */
    public boolean sharedNetwork() {
        return family == ModelFamily.TRM;
    }

    /** @return the Q head's halting rule: {@code q_halt > 0} with TRM's no_ACT_continue, else {@code q_halt > q_continue} */
    public HaltRule haltRule() {
        return noActContinue ? HaltRule.HALT_POSITIVE : HaltRule.HALT_ABOVE_CONTINUE;
    }

    /** @return a copy with other cycle and segment counts (inference-time overrides) */
    public HrmConfig withCycles(int newHCycles, int newLCycles, int newHaltMaxSteps) {
        return new HrmConfig(seqLen, vocabSize, numPuzzleIdentifiers, puzzleEmbNdim, hiddenSize, numHeads, expansion,
                hLayers, lLayers, newHCycles, newLCycles, newHaltMaxSteps, haltExplorationProb, posEncodings, rmsNormEps,
                ropeTheta, family, puzzleEmbLen, mlpT, noActContinue);
    }

    /** @return a copy for sequences of {@code newSeqLen} grid tokens */
    public HrmConfig withSeqLen(int newSeqLen) {
        return new HrmConfig(newSeqLen, vocabSize, numPuzzleIdentifiers, puzzleEmbNdim, hiddenSize, numHeads, expansion,
                hLayers, lLayers, hCycles, lCycles, haltMaxSteps, haltExplorationProb, posEncodings, rmsNormEps,
                ropeTheta, family, puzzleEmbLen, mlpT, noActContinue);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
