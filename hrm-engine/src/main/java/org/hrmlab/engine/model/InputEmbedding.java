package org.hrmlab.engine.model;

import java.util.Arrays;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;

/**
 * The input embedding x̃ (hrm-reference.md §1.3), computed on the host for every backend: puzzle-embedding prefix
 * rows, token embeddings, learned positions (then ×1/√2) when configured, all scaled by √D. Holds the tables; a
 * trainer's {@link #refresh} overwrites them in place.
 */
public final class InputEmbedding {
    private final HrmConfig config;
    private final float[] tokenTable;
    private final float[] puzzleTable;
    private final float[] positionTable;

    /** @param weights tensors under the reference key names (copied) */
    public InputEmbedding(HrmConfig config, Map<String, HostTensor> weights) {
        this.config = config;
        tokenTable = Weights.tensor(weights, "embed_tokens.embedding_weight").data().clone();
        puzzleTable = config.puzzleEmbNdim() > 0 ? Weights.tensor(weights, "puzzle_emb.weights").data().clone() : null;
        positionTable = config.learnedPositions()
                ? Weights.tensor(weights, "embed_pos.embedding_weight").data().clone() : null;
    }

    /** Overwrites the tables with new values. @param params flat tensors under the reference key names */
    public void refresh(Map<String, float[]> params) {
        Weights.copyInto(tokenTable, params, "embed_tokens.embedding_weight");
        if (puzzleTable != null) {
            Weights.copyInto(puzzleTable, params, "puzzle_emb.weights");
        }
        if (positionTable != null) {
            Weights.copyInto(positionTable, params, "embed_pos.embedding_weight");
        }
    }

    /**
     * @param tokens    {@code [B·seqLen]} token ids in {@code [0, V)}
     * @param puzzleIds {@code [B]} identifiers in {@code [0, numPuzzleIdentifiers)}
     * @return x̃ as {@code [B·S·D]}
     * @throws IllegalArgumentException for a length that does not fit, or a token or identifier out of range
     */
    public float[] compute(int[] tokens, int[] puzzleIds) {
        int batch = puzzleIds.length;
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        int p = config.puzzleEmbLen();
        int seq = config.seqLen();
        if (tokens.length != batch * seq) {
            throw new IllegalArgumentException("expected " + batch + "x" + seq + " tokens, got " + tokens.length);
        }
        float scale = (float) Math.sqrt(d);
        float[] out = new float[batch * s * d];
        float[] row = new float[d];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < s; t++) {
                Arrays.fill(row, 0f);
                if (t < p) {
                    int id = puzzleIds[b];
                    if (id < 0 || id >= config.numPuzzleIdentifiers()) {
                        throw new IllegalArgumentException("puzzle id " + id + " outside [0, "
                                + config.numPuzzleIdentifiers() + ")");
                    }
                    int ndim = config.puzzleEmbNdim();
                    for (int i = 0; i < d; i++) {
                        int j = t * d + i;
                        row[i] = j < ndim ? puzzleTable[id * ndim + j] : 0f;
                    }
                } else {
                    int tok = tokens[b * seq + t - p];
                    if (tok < 0 || tok >= config.vocabSize()) {
                        throw new IllegalArgumentException("token " + tok + " outside [0, " + config.vocabSize() + ")");
                    }
                    System.arraycopy(tokenTable, tok * d, row, 0, d);
                }
                if (positionTable != null) {
                    for (int i = 0; i < d; i++) {
                        row[i] = 0.707106781f * (row[i] + positionTable[t * d + i]);
                    }
                }
                for (int i = 0; i < d; i++) {
                    row[i] *= scale;
                }
                System.arraycopy(row, 0, out, (b * s + t) * d, d);
            }
        }
        return out;
    }
}
