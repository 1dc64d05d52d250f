package org.hrmlab.engine;

import java.util.Objects;

/**
 * The architecture of a Hierarchical Reasoning Model (arXiv 2506.21734), as the reference implementation's
 * {@code HierarchicalReasoningModel_ACTV1Config} defines it, or of a Tiny Recursive Model (arXiv 2510.04871,
 * {@code TinyRecursiveReasoningModel_ACTV1Config}), plus the three sizes that come from data ({@code seqLen},
 * {@code vocabSize}, {@code numPuzzleIdentifiers}).
 *
 * <p>Build one by name, starting from the reference's defaults for the family:
 * <pre>{@code
 * HrmConfig c = HrmConfig.builder()                  // the reference's 27M HRM (hrm_v1.yaml)
 *         .seqLen(81).vocabSize(11)                  // the data's sizes
 *         .hiddenSize(64).numHeads(4).hLayers(2).lLayers(2)
 *         .build();
 * HrmConfig t = HrmConfig.builder(ModelFamily.TRM)   // TRM's trm.yaml
 *         .seqLen(81).vocabSize(11).mlpT(true).posEncodings(HrmConfig.NO_POSITIONS)
 *         .build();
 * }</pre>
 * The positional constructors stay for the JSON binding and older call sites; {@link #toBuilder} makes a changed copy.
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
     * {@code ceil(puzzleEmbNdim / hidden)}, attention blocks, halting on {@code q_halt > q_continue}. The positional
     * form; {@link #builder()} reads by name.
     */
    public HrmConfig(int seqLen, int vocabSize, int numPuzzleIdentifiers, int puzzleEmbNdim, int hiddenSize,
                     int numHeads, double expansion, int hLayers, int lLayers, int hCycles, int lCycles,
                     int haltMaxSteps, double haltExplorationProb, String posEncodings, double rmsNormEps,
                     double ropeTheta) {
        this(seqLen, vocabSize, numPuzzleIdentifiers, puzzleEmbNdim, hiddenSize, numHeads, expansion, hLayers, lLayers,
                hCycles, lCycles, haltMaxSteps, haltExplorationProb, posEncodings, rmsNormEps, ropeTheta,
                ModelFamily.HRM, 0, false, false);
    }

    /** {@link #posEncodings()} value for no positional encoding at all (TRM's MLP variant). */
    public static final String NO_POSITIONS = "none";

    /** {@link #posEncodings()} value for a learned position table plus RoPE (HRM Lab's own; not the reference's). */
    public static final String LEARNED_AND_ROPE = "learned+rope";

    /** The reference's 27M architecture (hidden 512, 8 heads, 4+4 layers, 2x2 cycles, 16 segments, one prefix token). */
    public static HrmConfig reference27M(int seqLen, int vocabSize, int numPuzzleIdentifiers) {
        return builder().seqLen(seqLen).vocabSize(vocabSize).numPuzzleIdentifiers(numPuzzleIdentifiers).build();
    }

    /** @return a builder holding the reference HRM's defaults ({@code config/arch/hrm_v1.yaml}), see {@link Builder} */
    public static Builder builder() {
        return new Builder(ModelFamily.HRM);
    }

    /**
     * @param family the model family (null reads as HRM); it fixes the defaults and cannot change afterwards
     * @return a builder holding that family's reference defaults, see {@link Builder}
     */
    public static Builder builder(ModelFamily family) {
        return new Builder(family == null ? ModelFamily.HRM : family);
    }

    /** @return a builder holding this config's values (family included), for a copy that changes a few of them */
    public Builder toBuilder() {
        return new Builder(this);
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
        return toBuilder().posEncodings(newPosEncodings).build();
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
        return toBuilder().hCycles(newHCycles).lCycles(newLCycles).haltMaxSteps(newHaltMaxSteps).build();
    }

    /** @return a copy for sequences of {@code newSeqLen} grid tokens */
    public HrmConfig withSeqLen(int newSeqLen) {
        return toBuilder().seqLen(newSeqLen).build();
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /**
     * Builds an {@link HrmConfig} by name. A fresh builder holds the reference's defaults for its family; the data's
     * sizes have none (set {@link #vocabSize} always; {@link #seqLen} stays 0, unknown, unless set;
     * {@link #numPuzzleIdentifiers} is 1, the blank identifier only). {@link #build} validates as the record does.
     *
     * <table>
     * <caption>Reference defaults</caption>
     * <tr><th>setting</th><th>HRM ({@code hrm_v1.yaml})</th><th>TRM ({@code trm.yaml})</th></tr>
     * <tr><td>hiddenSize, numHeads, expansion</td><td>512, 8, 4</td><td>512, 8, 4</td></tr>
     * <tr><td>hLayers, lLayers</td><td>4, 4</td><td>0, 2</td></tr>
     * <tr><td>hCycles, lCycles</td><td>2, 2</td><td>3, 6</td></tr>
     * <tr><td>haltMaxSteps, haltExplorationProb</td><td>16, 0.1</td><td>16, 0.1</td></tr>
     * <tr><td>posEncodings, rmsNormEps, ropeTheta</td><td>rope, 1e-5, 10000</td><td>rope, 1e-5, 10000</td></tr>
     * <tr><td>puzzleEmbNdim</td><td>= hiddenSize</td><td>= hiddenSize</td></tr>
     * <tr><td>puzzleEmbLen</td><td>0 (derived)</td><td>16</td></tr>
     * <tr><td>mlpT, noActContinue</td><td>false, false</td><td>false, true</td></tr>
     * </table>
     *
     * The setters carry the record's component names; see the record for what each means.
     */
    public static final class Builder {
        /** {@link #puzzleEmbNdim} not set: it follows the hidden size, as the reference's {@code ${.hidden_size}}. */
        private static final int FOLLOWS_HIDDEN = -1;

        private final ModelFamily family;
        // the data's sizes
        private int seqLen;
        private int vocabSize;
        private int numPuzzleIdentifiers = 1;
        // puzzle embedding
        private int puzzleEmbNdim = FOLLOWS_HIDDEN;
        private int puzzleEmbLen;
        // the network
        private int hiddenSize = 512;
        private int numHeads = 8;
        private double expansion = 4;
        private int hLayers;
        private int lLayers;
        private String posEncodings = "rope";
        private double rmsNormEps = 1e-5;
        private double ropeTheta = 10000.0;
        private boolean mlpT;
        // the recurrence
        private int hCycles;
        private int lCycles;
        // halting
        private int haltMaxSteps = 16;
        private double haltExplorationProb = 0.1;
        private boolean noActContinue;

        private Builder(ModelFamily family) {
            this.family = family;
            if (family == ModelFamily.TRM) {
                hLayers = 0;
                lLayers = 2;
                hCycles = 3;
                lCycles = 6;
                puzzleEmbLen = 16;
                noActContinue = true;
            } else {
                hLayers = 4;
                lLayers = 4;
                hCycles = 2;
                lCycles = 2;
            }
        }

        private Builder(HrmConfig c) {
            family = c.family;
            seqLen = c.seqLen;
            vocabSize = c.vocabSize;
            numPuzzleIdentifiers = c.numPuzzleIdentifiers;
            puzzleEmbNdim = c.puzzleEmbNdim;
            // the HRM's prefix is always derived: left at 0 it follows a changed width
            puzzleEmbLen = family == ModelFamily.HRM ? 0 : c.puzzleEmbLen;
            hiddenSize = c.hiddenSize;
            numHeads = c.numHeads;
            expansion = c.expansion;
            hLayers = c.hLayers;
            lLayers = c.lLayers;
            posEncodings = c.posEncodings;
            rmsNormEps = c.rmsNormEps;
            ropeTheta = c.ropeTheta;
            mlpT = c.mlpT;
            hCycles = c.hCycles;
            lCycles = c.lCycles;
            haltMaxSteps = c.haltMaxSteps;
            haltExplorationProb = c.haltExplorationProb;
            noActContinue = c.noActContinue;
        }

        /** @param value grid tokens per example, without the prefix (0 = unknown, a RoPE model's own) */
        public Builder seqLen(int value) {
            seqLen = value;
            return this;
        }

        /** @param value token vocabulary size */
        public Builder vocabSize(int value) {
            vocabSize = value;
            return this;
        }

        /** @param value rows of the puzzle-embedding table */
        public Builder numPuzzleIdentifiers(int value) {
            numPuzzleIdentifiers = value;
            return this;
        }

        /** @param value width of a puzzle embedding (0 = none); unset, it follows {@link #hiddenSize} */
        public Builder puzzleEmbNdim(int value) {
            puzzleEmbNdim = value;
            return this;
        }

        /** @param value prefix tokens carrying the puzzle embedding (0 = {@code ceil(puzzleEmbNdim / hidden)}) */
        public Builder puzzleEmbLen(int value) {
            puzzleEmbLen = value;
            return this;
        }

        /** @param value model width */
        public Builder hiddenSize(int value) {
            hiddenSize = value;
            return this;
        }

        /** @param value attention heads */
        public Builder numHeads(int value) {
            numHeads = value;
            return this;
        }

        /** @param value SwiGLU expansion factor */
        public Builder expansion(double value) {
            expansion = value;
            return this;
        }

        /** @param value transformer blocks in the H module (0 for TRM) */
        public Builder hLayers(int value) {
            hLayers = value;
            return this;
        }

        /** @param value transformer blocks in the L module (TRM's one network) */
        public Builder lLayers(int value) {
            lLayers = value;
            return this;
        }

        /** @param value {@code rope}, {@code learned}, {@code none} or {@code learned+rope} */
        public Builder posEncodings(String value) {
            posEncodings = value;
            return this;
        }

        /** @param value RMSNorm epsilon */
        public Builder rmsNormEps(double value) {
            rmsNormEps = value;
            return this;
        }

        /** @param value RoPE base */
        public Builder ropeTheta(double value) {
            ropeTheta = value;
            return this;
        }

        /** @param value TRM's MLP variant (token-mixing SwiGLU instead of attention) */
        public Builder mlpT(boolean value) {
            mlpT = value;
            return this;
        }

        /** @param value H-updates per ACT segment (N; TRM's T) */
        public Builder hCycles(int value) {
            hCycles = value;
            return this;
        }

        /** @param value L-updates per H cycle (T; TRM's n) */
        public Builder lCycles(int value) {
            lCycles = value;
            return this;
        }

        /** @param value maximum ACT segments */
        public Builder haltMaxSteps(int value) {
            haltMaxSteps = value;
            return this;
        }

        /** @param value training-time exploration probability of ACT */
        public Builder haltExplorationProb(double value) {
            haltExplorationProb = value;
            return this;
        }

        /** @param value TRM's {@code no_ACT_continue}: halt on {@code q_halt > 0} alone */
        public Builder noActContinue(boolean value) {
            noActContinue = value;
            return this;
        }

        /**
         * @return the config
         * @throws IllegalArgumentException as the record's constructor, naming the bad value
         */
        public HrmConfig build() {
            return new HrmConfig(seqLen, vocabSize, numPuzzleIdentifiers,
                    puzzleEmbNdim == FOLLOWS_HIDDEN ? hiddenSize : puzzleEmbNdim, hiddenSize, numHeads, expansion,
                    hLayers, lLayers, hCycles, lCycles, haltMaxSteps, haltExplorationProb, posEncodings, rmsNormEps,
                    ropeTheta, family, puzzleEmbLen, mlpT, noActContinue);
        }
    }
}
