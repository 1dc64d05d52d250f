package org.hrmlab.engine;

import java.util.Objects;

/**
 * The architecture of a Hierarchical Reasoning Model (arXiv 2506.21734), as the reference implementation's
 * {@code HierarchicalReasoningModel_ACTV1Config} defines it, plus the three sizes that come from data
 * ({@code seqLen}, {@code vocabSize}, {@code numPuzzleIdentifiers}).
 *
 * @param seqLen               grid tokens per example (81 Sudoku, 900 maze/ARC), without the puzzle prefix; 0 while
 *                             unknown (a RoPE checkpoint does not record it: the puzzle fixes it, see {@link #withSeqLen})
 * @param vocabSize            token vocabulary size (11 Sudoku, 6 maze, 12 ARC)
 * @param numPuzzleIdentifiers rows of the puzzle-embedding table
 * @param puzzleEmbNdim        width of a puzzle embedding (0 = none); the prefix has {@code ceil(ndim / hidden)} tokens
 * @param hiddenSize           model width
 * @param numHeads             attention heads; head dim = hidden / heads
 * @param expansion            SwiGLU expansion factor
 * @param hLayers              transformer blocks in the H module
 * @param lLayers              transformer blocks in the L module
 * @param hCycles              H-updates per ACT segment (N)
 * @param lCycles              L-updates per H cycle (T)
 * @param haltMaxSteps         maximum ACT segments
 * @param haltExplorationProb  training-time exploration probability of ACT
 * @param posEncodings         {@code "rope"} (rotary, in attention), {@code "learned"} (a learned table added to the
 *                             input embedding, no rotary) or {@code "learned+rope"} (both: HRM Lab's own variant, not
 *                             in the reference, which the engine ran and trained as "learned" before it followed the
 *                             reference there)
 * @param rmsNormEps           RMSNorm epsilon
 * @param ropeTheta            RoPE base
 */
public record HrmConfig(int seqLen, int vocabSize, int numPuzzleIdentifiers, int puzzleEmbNdim, int hiddenSize,
                        int numHeads, double expansion, int hLayers, int lLayers, int hCycles, int lCycles,
                        int haltMaxSteps, double haltExplorationProb, String posEncodings, double rmsNormEps,
                        double ropeTheta) {

    /** Validates the sizes; a bad value names itself in the message. */
    public HrmConfig {
        Objects.requireNonNull(posEncodings, "posEncodings");
        if (seqLen < 0) {
            throw new IllegalArgumentException("seq_len must be >= 0, got " + seqLen);
        }
        positive("vocab_size", vocabSize);
        positive("num_puzzle_identifiers", numPuzzleIdentifiers);
        positive("hidden_size", hiddenSize);
        positive("num_heads", numHeads);
        positive("H_layers", hLayers);
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
        if (hiddenSize % numHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize + " is not a multiple of num_heads " + numHeads);
        }
        if ((hiddenSize / numHeads) % 2 != 0) {
            throw new IllegalArgumentException("head dimension " + hiddenSize / numHeads + " must be even for RoPE");
        }
        if (!posEncodings.equals("rope") && !posEncodings.equals("learned") && !posEncodings.equals(LEARNED_AND_ROPE)) {
            throw new IllegalArgumentException("pos_encodings must be 'rope', 'learned' or '" + LEARNED_AND_ROPE
                    + "', got '" + posEncodings + "'");
        }
    }

    /** {@link #posEncodings()} value for a learned position table plus RoPE (HRM Lab's own; not the reference's). */
    public static final String LEARNED_AND_ROPE = "learned+rope";

    /** The reference's 27M architecture (hidden 512, 8 heads, 4+4 layers, 2x2 cycles, 16 segments, one prefix token). */
    public static HrmConfig reference27M(int seqLen, int vocabSize, int numPuzzleIdentifiers) {
        return new HrmConfig(seqLen, vocabSize, numPuzzleIdentifiers, 512, 512, 8, 4, 4, 4, 2, 2, 16, 0.1, "rope",
                1e-5, 10000.0);
    }

    /** @return true if attention rotates queries and keys (RoPE): {@code rope} and {@code learned+rope} */
    public boolean rotaryPositions() {
        return !posEncodings.equals("learned");
    }

    /** @return true if a learned position table is added to the input: {@code learned} and {@code learned+rope} */
    public boolean learnedPositions() {
        return !posEncodings.equals("rope");
    }

    /** @return a copy with another positional encoding */
    public HrmConfig withPosEncodings(String newPosEncodings) {
        return new HrmConfig(seqLen, vocabSize, numPuzzleIdentifiers, puzzleEmbNdim, hiddenSize, numHeads, expansion,
                hLayers, lLayers, hCycles, lCycles, haltMaxSteps, haltExplorationProb, newPosEncodings, rmsNormEps,
                ropeTheta);
    }

    /** @return per-head width, {@code hidden / heads} */
    public int headDim() {
        return hiddenSize / numHeads;
    }

    /** @return prefix tokens carrying the puzzle embedding, {@code ceil(puzzleEmbNdim / hidden)} */
    public int puzzleEmbLen() {
        return (puzzleEmbNdim + hiddenSize - 1) / hiddenSize;
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

    /** @return a copy with other cycle and segment counts (inference-time overrides) */
    public HrmConfig withCycles(int newHCycles, int newLCycles, int newHaltMaxSteps) {
        return new HrmConfig(seqLen, vocabSize, numPuzzleIdentifiers, puzzleEmbNdim, hiddenSize, numHeads, expansion,
                hLayers, lLayers, newHCycles, newLCycles, newHaltMaxSteps, haltExplorationProb, posEncodings, rmsNormEps,
                ropeTheta);
    }

    /** @return a copy for sequences of {@code newSeqLen} grid tokens */
    public HrmConfig withSeqLen(int newSeqLen) {
        return new HrmConfig(newSeqLen, vocabSize, numPuzzleIdentifiers, puzzleEmbNdim, hiddenSize, numHeads, expansion,
                hLayers, lLayers, hCycles, lCycles, haltMaxSteps, haltExplorationProb, posEncodings, rmsNormEps,
                ropeTheta);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
