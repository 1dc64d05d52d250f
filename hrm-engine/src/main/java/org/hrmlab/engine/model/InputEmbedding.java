package org.hrmlab.engine.model;

import java.util.Arrays;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.ModelOps;

/**
 * The input embedding x̃ (hrm-reference.md §1.3) and its backward, computed on the host for every backend:
 * puzzle-embedding prefix rows, token embeddings, learned positions (then ×1/√2) when configured, all scaled by √D.
 * Holds the tables; a trainer's {@link #refresh} overwrites them in place.
 */
public final class InputEmbedding {
    /** 1/√2 (as the reference rounds it), applied after adding the learned positions. */
    private static final float HALF_SQRT2 = 0.707106781f;
    private static final double HALF_SQRT2_DOUBLE = 0.707106781;
    private final HrmConfig config;
    private final float[] tokenTable;
    private final float[] puzzleTable;
    private final float[] positionTable;

    /** @param weights tensors under the reference key names (copied) */
    public InputEmbedding(HrmConfig config, Map<String, HostTensor> weights) {
        this(config, Weights.tensor(weights, "embed_tokens.embedding_weight").data().clone(),
                config.puzzleEmbNdim() > 0 ? Weights.tensor(weights, "puzzle_emb.weights").data().clone() : null,
                config.learnedPositions() ? Weights.tensor(weights, "embed_pos.embedding_weight").data().clone()
                        : null);
    }

    private InputEmbedding(HrmConfig config, float[] tokenTable, float[] puzzleTable, float[] positionTable) {
        this.config = config;
        this.tokenTable = tokenTable;
        this.puzzleTable = puzzleTable;
        this.positionTable = positionTable;
    }

    /**
     * @param params      flat tensors under the reference key names (copied)
     * @param puzzleTable whether to hold the puzzle table (a model looks rows up by id); a trainer passes the batch's
     *                    rows to {@link #compute(int[], float[], float[])} instead
     */
    public static InputEmbedding of(HrmConfig config, Map<String, float[]> params, boolean puzzleTable) {
        return new InputEmbedding(config, Weights.array(params, "embed_tokens.embedding_weight").clone(),
                puzzleTable && config.puzzleEmbNdim() > 0 ? Weights.array(params, "puzzle_emb.weights").clone() : null,
                config.learnedPositions() ? Weights.array(params, "embed_pos.embedding_weight").clone() : null);
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
        float[] out = new float[puzzleIds.length * config.totalSeqLen() * config.hiddenSize()];
        compute(tokens, prefixRows(puzzleIds), out);
        return out;
    }

    /**
     * @param puzzleIds {@code [B]} identifiers in {@code [0, numPuzzleIdentifiers)}
     * @return {@code [B·puzzleEmbNdim]} their rows of the puzzle table, or null without a puzzle embedding
     */
    public float[] prefixRows(int[] puzzleIds) {
        if (config.puzzleEmbNdim() == 0) {
            return null;
        }
        if (puzzleTable == null) {
            throw new IllegalStateException("this embedding holds no puzzle table: pass the rows");
        }
        int ndim = config.puzzleEmbNdim();
        float[] rows = new float[puzzleIds.length * ndim];
        for (int b = 0; b < puzzleIds.length; b++) {
            int id = puzzleIds[b];
            if (id < 0 || id >= config.numPuzzleIdentifiers()) {
                throw new IllegalArgumentException("puzzle id " + id + " outside [0, "
                        + config.numPuzzleIdentifiers() + ")");
            }
            System.arraycopy(puzzleTable, id * ndim, rows, b * ndim, ndim);
        }
        return rows;
    }

    /**
     * @param tokens     {@code [B·seqLen]} token ids in {@code [0, V)}
     * @param prefixRows {@code [B·puzzleEmbNdim]} the batch's puzzle-embedding rows, or null without a puzzle embedding
     * @param out        x̃ as {@code [B·S·D]} (overwritten; B is its length over S·D)
     * @throws IllegalArgumentException for a length that does not fit, or a token out of range
     */
    public void compute(int[] tokens, float[] prefixRows, float[] out) {
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        int p = config.puzzleEmbLen();
        int seq = config.seqLen();
        int ndim = config.puzzleEmbNdim();
        int batch = out.length / (s * d);
        if (tokens.length != batch * seq) {
            throw new IllegalArgumentException("expected " + batch + "x" + seq + " tokens, got " + tokens.length);
        }
        float scale = (float) Math.sqrt(d);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < s; t++) {
                int o = (b * s + t) * d;
                if (t < p) {
                    for (int i = 0; i < d; i++) {
                        int j = t * d + i;
                        out[o + i] = j < ndim ? prefixRows[b * ndim + j] : 0f;
                    }
                } else {
                    int tok = tokens[b * seq + t - p];
                    if (tok < 0 || tok >= config.vocabSize()) {
                        throw new IllegalArgumentException("token " + tok + " outside [0, " + config.vocabSize() + ")");
                    }
                    System.arraycopy(tokenTable, tok * d, out, o, d);
                }
                if (positionTable != null) {
                    for (int i = 0; i < d; i++) {
                        out[o + i] = HALF_SQRT2 * (out[o + i] + positionTable[t * d + i]);
                    }
                }
                for (int i = 0; i < d; i++) {
                    out[o + i] *= scale;
                }
            }
        }
    }

    /**
     * The embedding's backward: token table {@code [V, D]} under {@code embed_tokens.embedding_weight}, learned
     * positions {@code [S, D]} under {@code embed_pos.embedding_weight} when configured, and the prefix rows
     * {@code [B·puzzleEmbNdim]} under {@link ModelOps#PUZZLE_ROWS} with a puzzle embedding.
     *
     * @param tokens {@code [B·seqLen]} the tokens embedded (not modified)
     * @param dx     {@code [B·S·D]} d loss / d x̃ (not modified)
     * @param grads  receives the gradients (overwritten; arrays made on first use and reused)
     */
    public void backward(int[] tokens, float[] dx, Map<String, float[]> grads) {
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        int p = config.puzzleEmbLen();
        int seq = config.seqLen();
        int ndim = config.puzzleEmbNdim();
        int batch = dx.length / (s * d);
        double scale = Math.sqrt(d) * (positionTable != null ? HALF_SQRT2_DOUBLE : 1.0);
        float[] dTok = zeroed(grads, "embed_tokens.embedding_weight", config.vocabSize() * d);
        float[] dRows = ndim > 0 ? zeroed(grads, ModelOps.PUZZLE_ROWS, batch * ndim) : null;
        float[] dPos = positionTable != null ? zeroed(grads, "embed_pos.embedding_weight", s * d) : null;
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < s; t++) {
                int o = (b * s + t) * d;
                for (int i = 0; i < d; i++) {
                    float gv = (float) (dx[o + i] * scale);
                    if (t < p) {
                        int j = t * d + i;
                        if (j < ndim) {
                            dRows[b * ndim + j] += gv;
                        }
                    } else {
                        dTok[tokens[b * seq + t - p] * d + i] += gv;
                    }
                    if (dPos != null) {
                        dPos[t * d + i] += gv;
                    }
                }
            }
        }
    }

    private static float[] zeroed(Map<String, float[]> grads, String key, int length) {
        float[] a = grads.computeIfAbsent(key, k -> new float[length]);
        Arrays.fill(a, 0f);
        return a;
    }
}
