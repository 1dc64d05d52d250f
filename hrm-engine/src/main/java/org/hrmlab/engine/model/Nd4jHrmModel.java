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
 * The CPU implementation of {@link HrmModel}: the forward computation in float32 on ND4J (OpenBLAS GEMMs, Java loops
 * for the element-wise passes).
 *
 * <p>Updates, with {@code x̃} the scaled input embedding and both modules stacks of post-norm blocks:
 * <pre>
 *   L-update: zL ← L(zL + (zH + x̃))
 *   H-update: zH ← H(zH + zL)
 *   logits   = lm_head(zH)[prefix dropped],  Q = q_head(zH[position 0])  (halt, continue)
 * </pre>
 * For a TRM ({@link HrmConfig#sharedNetwork}) H is L: the same blocks make both updates, and in its MLP variant
 * ({@link HrmConfig#mlpT}) each block mixes tokens with a SwiGLU across the sequence ({@link TokenMlpBlock}) where
 * the HRM's attends. Weights are shared by all states and change only through {@link #refreshWeights} (a trainer's no-grad updates);
 * all other mutable data lives in an {@link HrmState}. A model and its states are used from one thread (ND4J work
 * buffers are reused, not synchronised).
 */
public final class Nd4jHrmModel implements HrmModel {
    private final HrmConfig config;
    private final List<ModelBlock> hLevel;
    private final List<ModelBlock> lLevel = new ArrayList<>();
    private final InputEmbedding inputEmbedding;
    private final QHead qHead;
    private final float[] hInit;
    private final float[] lInit;
    private final INDArray lmHeadT;

    /**
     * @param config  the architecture with {@code seqLen > 0}
     * @param weights tensors under the reference key names, shapes as {@code WeightLayout.expected(config)} (not
     *                modified; copied)
     */
    public Nd4jHrmModel(HrmConfig config, Map<String, HostTensor> weights) {
        if (config.seqLen() <= 0) {
            throw new IllegalArgumentException("the model needs a sequence length; use HrmConfig.withSeqLen");
        }
        this.config = config;
        RotaryTable rope = RotaryTable.of(config);
        for (int i = 0; i < config.lLayers(); i++) {
            String prefix = "L_level.layers." + i + ".";
            lLevel.add(config.mlpT() ? new TokenMlpBlock(tokenLayer(weights, prefix), config.rmsNormEps())
                    : new TransformerBlock(layer(weights, prefix), rope, config.rmsNormEps()));
        }
        if (config.sharedNetwork()) {
            hLevel = lLevel;
        } else {
            hLevel = new ArrayList<>();
            for (int i = 0; i < config.hLayers(); i++) {
                hLevel.add(new TransformerBlock(layer(weights, "H_level.layers." + i + "."), rope,
                        config.rmsNormEps()));
            }
        }
        inputEmbedding = new InputEmbedding(config, weights);
        qHead = new QHead(weights, config.hiddenSize());
        hInit = Weights.tensor(weights, "H_init").data().clone();
        lInit = Weights.tensor(weights, "L_init").data().clone();
        lmHeadT = transposed(Weights.tensor(weights, "lm_head.weight"));
    }

    @Override
    public void refreshWeights(Map<String, float[]> params) {
        if (!config.sharedNetwork()) {
            for (int i = 0; i < hLevel.size(); i++) {
                refillLayer(((TransformerBlock) hLevel.get(i)).weights(), params, "H_level.layers." + i + ".");
            }
        }
        for (int i = 0; i < lLevel.size(); i++) {
            String prefix = "L_level.layers." + i + ".";
            if (lLevel.get(i) instanceof TokenMlpBlock t) {
                refillTokenLayer(t.weights(), params, prefix);
            } else {
                refillLayer(((TransformerBlock) lLevel.get(i)).weights(), params, prefix);
            }
        }
        inputEmbedding.refresh(params);
        Weights.copyInto(hInit, params, "H_init");
        Weights.copyInto(lInit, params, "L_init");
        refillTransposed(lmHeadT, Weights.array(params, "lm_head.weight"), 0, config.vocabSize(), config.hiddenSize());
        qHead.refresh(params);
    }

    @Override
    public HrmConfig config() {
        return config;
    }

    @Override
    public HrmState newState(int batch) {
        return new Nd4jHrmState(config, batch);
    }

    @Override
    public void embed(HrmState state, int[] tokens, int[] puzzleIds) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        if (puzzleIds.length != st.batch) {
            throw new IllegalArgumentException("expected " + st.batch + " puzzle ids, got " + puzzleIds.length);
        }
        st.embBuf.put(0, inputEmbedding.compute(tokens, puzzleIds));
    }

    @Override
    public void resetCarry(HrmState state, int row) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        for (int t = 0; t < s; t++) {
            st.zHBuf.put((row * s + t) * d, hInit);
            st.zLBuf.put((row * s + t) * d, lInit);
        }
    }

    @Override
    public void lUpdate(HrmState state) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        sum3(st.scratchBuf, st.zLBuf, st.zHBuf, st.embBuf);
        run(lLevel, st);
        st.zL.assign(st.scratch);
    }

    @Override
    public void hUpdate(HrmState state) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        sum2(st.scratchBuf, st.zHBuf, st.zLBuf);
        run(hLevel, st);
        st.zH.assign(st.scratch);
    }

    @Override
    public void previewLogits(HrmState state, float[] out) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        sum2(st.scratchBuf, st.zHBuf, st.zLBuf);
        run(hLevel, st);
        logitsOf(st, st.scratch, out);
    }

    @Override
    public void logits(HrmState state, float[] out) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        logitsOf(st, st.zH, out);
    }

    @Override
    public void lowStateLogits(HrmState state, float[] out) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        logitsOf(st, st.zL, out);
    }

    @Override
    public void qLogits(HrmState state, float[] out) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        float[] firstRows = new float[st.batch * d];
        for (int b = 0; b < st.batch; b++) {
            st.zHBuf.get(b * s * d, firstRows, b * d, d);
        }
        qHead.apply(firstRows, out);
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public void close() {
    }

    private void logitsOf(Nd4jHrmState st, INDArray z, float[] out) {
        Nd4j.gemm(z, lmHeadT, st.allLogits, false, false, 1.0, 0.0);
        int s = config.totalSeqLen();
        int p = config.puzzleEmbLen();
        int v = config.vocabSize();
        int seq = config.seqLen();
        for (int b = 0; b < st.batch; b++) {
            st.logitsBuf.get((b * s + p) * v, out, b * seq * v, seq * v);
        }
    }

    private static void run(List<ModelBlock> level, Nd4jHrmState st) {
        for (ModelBlock block : level) {
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
        LayerWeights channel = channelLayer(w, prefix);
        return new LayerWeights(transposed(Weights.tensor(w, prefix + "self_attn.qkv_proj.weight")),
                transposed(Weights.tensor(w, prefix + "self_attn.o_proj.weight")), channel.gateT(), channel.upT(),
                channel.downT());
    }

    private TokenMlpWeights tokenLayer(Map<String, HostTensor> w, String prefix) {
        int interT = config.mlpTInterSize();
        int s = config.totalSeqLen();
        HostTensor tokenGateUp = Weights.tensor(w, prefix + "mlp_t.gate_up_proj.weight");
        if (!java.util.Arrays.equals(tokenGateUp.shape(), new long[] {2L * interT, s})) {
            throw new IllegalArgumentException("'" + prefix + "mlp_t.gate_up_proj.weight' has shape "
                    + tokenGateUp.shapeText() + " but " + s + " positions need [" + 2 * interT + ", " + s
                    + "]: TRM's MLP variant runs at the sequence length it was made for");
        }
        float[] gateUp = tokenGateUp.data();
        INDArray gate = Nd4j.create(java.util.Arrays.copyOfRange(gateUp, 0, interT * s), new long[] {interT, s},
                DataType.FLOAT);
        INDArray up = Nd4j.create(java.util.Arrays.copyOfRange(gateUp, interT * s, 2 * interT * s),
                new long[] {interT, s}, DataType.FLOAT);
        HostTensor down = Weights.tensor(w, prefix + "mlp_t.down_proj.weight");
        INDArray downArray = Nd4j.create(down.data().clone(), new long[] {s, interT}, DataType.FLOAT);
        LayerWeights channel = channelLayer(w, prefix);
        return new TokenMlpWeights(gate, up, downArray, channel.gateT(), channel.upT(), channel.downT());
    }

    private void refillTokenLayer(TokenMlpWeights w, Map<String, float[]> p, String prefix) {
        int interT = config.mlpTInterSize();
        int s = config.totalSeqLen();
        float[] tokenGateUp = Weights.array(p, prefix + "mlp_t.gate_up_proj.weight");
        float[] tokenDown = Weights.array(p, prefix + "mlp_t.down_proj.weight");
        if (tokenGateUp.length != 2 * interT * s || tokenDown.length != s * interT) {
            throw new IllegalArgumentException("'" + prefix + "mlp_t.*' do not fit " + s + " positions");
        }
        Buffers.of(w.gate()).put(0, tokenGateUp, 0, interT * s);
        Buffers.of(w.up()).put(0, tokenGateUp, interT * s, interT * s);
        Buffers.of(w.down()).put(0, tokenDown, 0, s * interT);
        refillChannel(w.channelGateT(), w.channelUpT(), w.channelDownT(), p, prefix);
    }

    /** @return the channel SwiGLU's weights of a block (attention fields null) */
    private LayerWeights channelLayer(Map<String, HostTensor> w, String prefix) {
        HostTensor gateUp = Weights.tensor(w, prefix + "mlp.gate_up_proj.weight");
        int inter = config.mlpInterSize();
        int d = config.hiddenSize();
        float[] gate = new float[inter * d];
        float[] up = new float[inter * d];
        System.arraycopy(gateUp.data(), 0, gate, 0, inter * d);
        System.arraycopy(gateUp.data(), inter * d, up, 0, inter * d);
        return new LayerWeights(null, null, transposed(new HostTensor(new long[] {inter, d}, gate)),
                transposed(new HostTensor(new long[] {inter, d}, up)),
                transposed(Weights.tensor(w, prefix + "mlp.down_proj.weight")));
    }

    private void refillLayer(LayerWeights w, Map<String, float[]> p, String prefix) {
        int d = config.hiddenSize();
        refillTransposed(w.qkvT(), Weights.array(p, prefix + "self_attn.qkv_proj.weight"), 0, 3 * d, d);
        refillTransposed(w.oT(), Weights.array(p, prefix + "self_attn.o_proj.weight"), 0, d, d);
        refillChannel(w.gateT(), w.upT(), w.downT(), p, prefix);
    }

    /** Refills a block's channel SwiGLU ({@code mlp.gate_up_proj} split into gate and up, {@code mlp.down_proj}). */
    private void refillChannel(INDArray gateT, INDArray upT, INDArray downT, Map<String, float[]> p, String prefix) {
        int d = config.hiddenSize();
        int inter = config.mlpInterSize();
        float[] gateUp = Weights.array(p, prefix + "mlp.gate_up_proj.weight");
        refillTransposed(gateT, gateUp, 0, inter, d);
        refillTransposed(upT, gateUp, inter * d, inter, d);
        refillTransposed(downT, Weights.array(p, prefix + "mlp.down_proj.weight"), 0, d, inter);
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

    /** @return a contiguous {@code [in, out]} copy of a {@code [out, in]} weight */
    private static INDArray transposed(HostTensor t) {
        INDArray a = Nd4j.create(t.data(), new long[] {t.shape()[0], t.shape()[1]}, DataType.FLOAT);
        return a.transpose().dup('c');
    }
}
