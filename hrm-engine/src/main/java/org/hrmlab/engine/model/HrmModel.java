package org.hrmlab.engine.model;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Hierarchical Reasoning Model's forward computation (Wang et al., "Hierarchical Reasoning Model",
 * arXiv 2506.21734; the reference implementation's {@code HierarchicalReasoningModel_ACTV1_Inner}), in float32 on ND4J.
 *
 * <p>Updates, with {@code x̃} the scaled input embedding and both modules stacks of post-norm blocks:
 * <pre>
 *   L-update: zL ← L(zL + (zH + x̃))
 *   H-update: zH ← H(zH + zL)
 *   logits   = lm_head(zH)[prefix dropped],  Q = q_head(zH[position 0])  (halt, continue)
 * </pre>
 * Weights are shared by all states and change only through {@link #refreshWeights} (a trainer's no-grad updates);
 * all other mutable data lives in an {@link HrmState}. A model and its states are used from one thread (ND4J work
 * buffers are reused, not synchronised).
 */
public final class HrmModel {
    private final HrmConfig config;
    private final List<TransformerBlock> hLevel = new ArrayList<>();
    private final List<TransformerBlock> lLevel = new ArrayList<>();
    private final float[] tokenTable;
    private final float[] puzzleTable;
    private final float[] positionTable;
    private final float[] hInit;
    private final float[] lInit;
    private final INDArray lmHeadT;
    private final float[] qWeight;
    private final float[] qBias;

    /**
     * @param config  the architecture with {@code seqLen > 0}
     * @param weights tensors under the reference key names, shapes as {@code WeightLayout.expected(config)} (not
     *                modified; copied)
     */
    public HrmModel(HrmConfig config, Map<String, HostTensor> weights) {
        if (config.seqLen() <= 0) {
            throw new IllegalArgumentException("the model needs a sequence length; use HrmConfig.withSeqLen");
        }
        this.config = config;
        RotaryTable rope = RotaryTable.of(config);
        for (int i = 0; i < config.hLayers(); i++) {
            hLevel.add(new TransformerBlock(layer(weights, "H_level.layers." + i + "."), rope, config.rmsNormEps()));
        }
        for (int i = 0; i < config.lLayers(); i++) {
            lLevel.add(new TransformerBlock(layer(weights, "L_level.layers." + i + "."), rope, config.rmsNormEps()));
        }
        tokenTable = tensor(weights, "embed_tokens.embedding_weight").data().clone();
        puzzleTable = config.puzzleEmbNdim() > 0 ? tensor(weights, "puzzle_emb.weights").data().clone() : null;
        positionTable = config.learnedPositions()
                ? tensor(weights, "embed_pos.embedding_weight").data().clone() : null;
        hInit = tensor(weights, "H_init").data().clone();
        lInit = tensor(weights, "L_init").data().clone();
        lmHeadT = transposed(tensor(weights, "lm_head.weight"));
        qWeight = tensor(weights, "q_head.weight").data().clone();
        qBias = tensor(weights, "q_head.bias").data().clone();
    }

    /**
     * Overwrites every weight in place with new values (no buffer is reallocated, so states stay valid): the way a
     * trainer keeps a fast no-grad copy of its parameters after each optimiser step.
     *
     * @param params flat row-major tensors under the reference key names, shapes as
     *               {@code WeightLayout.expected(config)} ({@code [out, in]} for projections; not modified)
     */
    public void refreshWeights(Map<String, float[]> params) {
        for (int i = 0; i < hLevel.size(); i++) {
            refillLayer(hLevel.get(i).weights(), params, "H_level.layers." + i + ".");
        }
        for (int i = 0; i < lLevel.size(); i++) {
            refillLayer(lLevel.get(i).weights(), params, "L_level.layers." + i + ".");
        }
        copyInto(tokenTable, params, "embed_tokens.embedding_weight");
        if (puzzleTable != null) {
            copyInto(puzzleTable, params, "puzzle_emb.weights");
        }
        if (positionTable != null) {
            copyInto(positionTable, params, "embed_pos.embedding_weight");
        }
        copyInto(hInit, params, "H_init");
        copyInto(lInit, params, "L_init");
        refillTransposed(lmHeadT, array(params, "lm_head.weight"), 0, config.vocabSize(), config.hiddenSize());
        copyInto(qWeight, params, "q_head.weight");
        copyInto(qBias, params, "q_head.bias");
    }

    /** @return the architecture this model runs */
    public HrmConfig config() {
        return config;
    }

    /** @return fresh carry and work buffers for {@code batch} examples (carry uninitialised: embed and reset) */
    public HrmState newState(int batch) {
        return new HrmState(config, batch);
    }

    /**
     * Computes the input embedding x̃ of every row: puzzle-embedding prefix, token embeddings, learned positions
     * (then ×1/√2) when configured, all scaled by √hidden.
     *
     * @param tokens    {@code [B·seqLen]} token ids in {@code [0, vocab)} (not modified)
     * @param puzzleIds {@code [B]} puzzle identifiers in {@code [0, numPuzzleIdentifiers)} (not modified)
     */
    public void embed(HrmState st, int[] tokens, int[] puzzleIds) {
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        int p = config.puzzleEmbLen();
        int seq = config.seqLen();
        if (tokens.length != st.batch * seq || puzzleIds.length != st.batch) {
            throw new IllegalArgumentException("expected " + st.batch + "x" + seq + " tokens and " + st.batch + " ids");
        }
        float scale = (float) Math.sqrt(d);
        float[] row = new float[d];
        for (int b = 0; b < st.batch; b++) {
            for (int t = 0; t < s; t++) {
                java.util.Arrays.fill(row, 0f);
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
                st.embBuf.put((b * s + t) * d, row);
            }
        }
    }

    /** Resets one batch row's carry to H_init / L_init broadcast over every position. */
    public void resetCarry(HrmState st, int row) {
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        for (int t = 0; t < s; t++) {
            st.zHBuf.put((row * s + t) * d, hInit);
            st.zLBuf.put((row * s + t) * d, lInit);
        }
    }

    /** One L-update on every row: {@code zL ← L(zL + (zH + x̃))}. */
    public void lUpdate(HrmState st) {
        sum3(st.scratchBuf, st.zLBuf, st.zHBuf, st.embBuf);
        run(lLevel, st);
        st.zL.assign(st.scratch);
    }

    /** One H-update on every row: {@code zH ← H(zH + zL)}. */
    public void hUpdate(HrmState st) {
        sum2(st.scratchBuf, st.zHBuf, st.zLBuf);
        run(hLevel, st);
        st.zH.assign(st.scratch);
    }

    /**
     * The paper's Fig. 7 read-out: one preliminary H-update {@code z̄H = H(zH + zL)} whose logits are returned;
     * the carry is not modified.
     *
     * @param out {@code [B·seqLen·vocab]} (modified)
     */
    public void previewLogits(HrmState st, float[] out) {
        sum2(st.scratchBuf, st.zHBuf, st.zLBuf);
        run(hLevel, st);
        logitsOf(st, st.scratch, out);
    }

    /** Output head on zH with prefix positions dropped. @param out {@code [B·seqLen·vocab]} (modified) */
    public void logits(HrmState st, float[] out) {
        logitsOf(st, st.zH, out);
    }

    /** Q head on zH position 0 of each row. @param out {@code [B·2]}: halt, continue logits (modified) */
    public void qLogits(HrmState st, float[] out) {
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        for (int b = 0; b < st.batch; b++) {
            for (int j = 0; j < 2; j++) {
                float acc = 0;
                for (int i = 0; i < d; i++) {
                    acc += st.zHBuf.get(b * s * d + i) * qWeight[j * d + i];
                }
                out[b * 2 + j] = acc + qBias[j];
            }
        }
    }

    private void logitsOf(HrmState st, INDArray z, float[] out) {
        Nd4j.gemm(z, lmHeadT, st.allLogits, false, false, 1.0, 0.0);
        int s = config.totalSeqLen();
        int p = config.puzzleEmbLen();
        int v = config.vocabSize();
        int seq = config.seqLen();
        for (int b = 0; b < st.batch; b++) {
            st.logitsBuf.get((b * s + p) * v, out, b * seq * v, seq * v);
        }
    }

    private static void run(List<TransformerBlock> level, HrmState st) {
        for (TransformerBlock block : level) {
            block.forwardInPlace(st.scratch, st.scratchBuf, st.workspace);
        }
    }

    private static void sum3(FloatBuffer dst, FloatBuffer a, FloatBuffer b, FloatBuffer c) {
        int n = dst.limit();
        for (int i = 0; i < n; i++) {
            dst.put(i, a.get(i) + (b.get(i) + c.get(i)));
        }
    }

    private static void sum2(FloatBuffer dst, FloatBuffer a, FloatBuffer b) {
        int n = dst.limit();
        for (int i = 0; i < n; i++) {
            dst.put(i, a.get(i) + b.get(i));
        }
    }

    private LayerWeights layer(Map<String, HostTensor> w, String prefix) {
        HostTensor gateUp = tensor(w, prefix + "mlp.gate_up_proj.weight");
        int inter = config.mlpInterSize();
        int d = config.hiddenSize();
        float[] gate = new float[inter * d];
        float[] up = new float[inter * d];
        System.arraycopy(gateUp.data(), 0, gate, 0, inter * d);
        System.arraycopy(gateUp.data(), inter * d, up, 0, inter * d);
        return new LayerWeights(transposed(tensor(w, prefix + "self_attn.qkv_proj.weight")),
                transposed(tensor(w, prefix + "self_attn.o_proj.weight")),
                transposed(new HostTensor(new long[] {inter, d}, gate)),
                transposed(new HostTensor(new long[] {inter, d}, up)),
                transposed(tensor(w, prefix + "mlp.down_proj.weight")));
    }

    private void refillLayer(LayerWeights w, Map<String, float[]> p, String prefix) {
        int d = config.hiddenSize();
        int inter = config.mlpInterSize();
        float[] gateUp = array(p, prefix + "mlp.gate_up_proj.weight");
        refillTransposed(w.qkvT(), array(p, prefix + "self_attn.qkv_proj.weight"), 0, 3 * d, d);
        refillTransposed(w.oT(), array(p, prefix + "self_attn.o_proj.weight"), 0, d, d);
        refillTransposed(w.gateT(), gateUp, 0, inter, d);
        refillTransposed(w.upT(), gateUp, inter * d, inter, d);
        refillTransposed(w.downT(), array(p, prefix + "mlp.down_proj.weight"), 0, d, inter);
    }

    private float[] transposeScratch = new float[0];

    /** Writes the transpose of the {@code [rows, cols]} matrix at {@code src[offset..]} into a {@code [cols, rows]} array. */
    private void refillTransposed(INDArray dst, float[] src, int offset, int rows, int cols) {
        int size = rows * cols;
        if (dst.length() != size || src.length < offset + size) {
            throw new IllegalArgumentException("weight of " + (src.length - offset) + " values for a " + rows + "x"
                    + cols + " matrix");
        }
        if (transposeScratch.length < size) {
            transposeScratch = new float[size];
        }
        float[] t = transposeScratch;
        int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            int r1 = Math.min(rows, r0 + tile);
            for (int c0 = 0; c0 < cols; c0 += tile) {
                int c1 = Math.min(cols, c0 + tile);
                for (int r = r0; r < r1; r++) {
                    int so = offset + r * cols;
                    for (int c = c0; c < c1; c++) {
                        t[c * rows + r] = src[so + c];
                    }
                }
            }
        }
        Buffers.of(dst).put(0, t, 0, size);
    }

    private static void copyInto(float[] dst, Map<String, float[]> p, String key) {
        float[] src = array(p, key);
        if (src.length != dst.length) {
            throw new IllegalArgumentException("'" + key + "' has " + src.length + " values, expected " + dst.length);
        }
        System.arraycopy(src, 0, dst, 0, dst.length);
    }

    private static float[] array(Map<String, float[]> p, String key) {
        float[] a = p.get(key);
        if (a == null) {
            throw new IllegalArgumentException("missing weight '" + key + "'");
        }
        return a;
    }

    private static HostTensor tensor(Map<String, HostTensor> w, String key) {
        HostTensor t = w.get(key);
        if (t == null) {
            throw new IllegalArgumentException("missing weight '" + key + "'");
        }
        return t;
    }

    /** @return a contiguous {@code [in, out]} copy of a {@code [out, in]} weight */
    private static INDArray transposed(HostTensor t) {
        INDArray a = Nd4j.create(t.data(), new long[] {t.shape()[0], t.shape()[1]}, DataType.FLOAT);
        return a.transpose().dup('c');
    }
}
