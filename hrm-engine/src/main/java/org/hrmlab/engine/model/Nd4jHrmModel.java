package org.hrmlab.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.cpu.BlockShape;
import org.hrmlab.engine.cpu.BlockWeights;
import org.hrmlab.engine.cpu.Gemm;
import org.hrmlab.engine.cpu.NativeArray;
import org.hrmlab.engine.cpu.Streams;
import org.hrmlab.engine.cpu.TokenMlpWeights;

/**
 * The CPU implementation of {@link HrmModel}: the forward computation in float32 on native memory (OpenBLAS GEMMs
 * and vectorised Java passes over all cores, {@code org.hrmlab.engine.cpu}).
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
 * all other mutable data lives in an {@link HrmState}. A model and its states are used from one thread (work
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
    /** {@code [V, D]} as the reference stores it. */
    private final NativeArray lmHead;

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
        Map<String, float[]> flat = Weights.flat(weights);
        BlockShape shape = BlockShape.of(config, 1);
        for (int i = 0; i < config.lLayers(); i++) {
            String prefix = "L_level.layers." + i + ".";
            lLevel.add(config.mlpT() ? new TokenMlpBlock(tokenLayer(flat, prefix, shape), config.rmsNormEps())
                    : new TransformerBlock(layer(flat, prefix, shape), rope, config.rmsNormEps()));
        }
        if (config.sharedNetwork()) {
            hLevel = lLevel;
        } else {
            hLevel = new ArrayList<>();
            for (int i = 0; i < config.hLayers(); i++) {
                hLevel.add(new TransformerBlock(layer(flat, "H_level.layers." + i + ".", shape), rope,
                        config.rmsNormEps()));
            }
        }
        inputEmbedding = new InputEmbedding(config, weights);
        qHead = new QHead(weights, config.hiddenSize());
        hInit = Weights.tensor(weights, "H_init").data().clone();
        lInit = Weights.tensor(weights, "L_init").data().clone();
        lmHead = new NativeArray((long) config.vocabSize() * config.hiddenSize());
        lmHead.put(Weights.array(flat, "lm_head.weight"));
    }

    @Override
    public void refreshWeights(Map<String, float[]> params) {
        if (!config.sharedNetwork()) {
            for (int i = 0; i < hLevel.size(); i++) {
                ((TransformerBlock) hLevel.get(i)).weights().set(params, "H_level.layers." + i + ".");
            }
        }
        for (int i = 0; i < lLevel.size(); i++) {
            String prefix = "L_level.layers." + i + ".";
            if (lLevel.get(i) instanceof TokenMlpBlock t) {
                refillTokenLayer(t.weights(), params, prefix);
            } else {
                ((TransformerBlock) lLevel.get(i)).weights().set(params, prefix);
            }
        }
        inputEmbedding.refresh(params);
        Weights.copyInto(hInit, params, "H_init");
        Weights.copyInto(lInit, params, "L_init");
        lmHead.put(Weights.array(params, "lm_head.weight"));
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
        st.embedding.put(inputEmbedding.compute(tokens, puzzleIds));
    }

    @Override
    public void resetCarry(HrmState state, int row) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        for (int t = 0; t < s; t++) {
            st.zH.put((row * s + t) * d, hInit, 0, d);
            st.zL.put((row * s + t) * d, lInit, 0, d);
        }
    }

    @Override
    public void lUpdate(HrmState state) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        Gemm.useEngineThreads();
        Streams.sum(st.scratch, st.zL, st.zH, st.embedding, st.workspace.scratch);
        run(lLevel, st);
        st.zL.copyFrom(st.scratch);
    }

    @Override
    public void hUpdate(HrmState state) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        Gemm.useEngineThreads();
        Streams.sum(st.scratch, st.zH, st.zL, st.workspace.scratch);
        run(hLevel, st);
        st.zH.copyFrom(st.scratch);
    }

    @Override
    public void previewLogits(HrmState state, float[] out) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        Gemm.useEngineThreads();
        Streams.sum(st.scratch, st.zH, st.zL, st.workspace.scratch);
        run(hLevel, st);
        logitsOf(st, st.scratch, out);
    }

    @Override
    public void logits(HrmState state, float[] out) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        Gemm.useEngineThreads();
        logitsOf(st, st.zH, out);
    }

    @Override
    public void lowStateLogits(HrmState state, float[] out) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        Gemm.useEngineThreads();
        logitsOf(st, st.zL, out);
    }

    @Override
    public void qLogits(HrmState state, float[] out) {
        Nd4jHrmState st = (Nd4jHrmState) state;
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        float[] firstRows = new float[st.batch * d];
        for (int b = 0; b < st.batch; b++) {
            st.zH.get(b * s * d, firstRows, b * d, d);
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

    private void logitsOf(Nd4jHrmState st, NativeArray z, float[] out) {
        int d = config.hiddenSize();
        int vocab = config.vocabSize();
        Gemm.parallel(st.workspace.workers, false, true, st.batch * config.totalSeqLen(), vocab, d, 1f, z.matrix(d),
                lmHead.matrix(d), 0f, st.allLogits.matrix(vocab));
        int s = config.totalSeqLen();
        int p = config.puzzleEmbLen();
        int v = config.vocabSize();
        int seq = config.seqLen();
        for (int b = 0; b < st.batch; b++) {
            st.allLogits.get((b * s + p) * v, out, b * seq * v, seq * v);
        }
    }

    private static void run(List<ModelBlock> level, Nd4jHrmState st) {
        for (ModelBlock block : level) {
            block.forwardInPlace(st.scratch, st.workspace);
        }
    }

    private static BlockWeights layer(Map<String, float[]> w, String prefix, BlockShape shape) {
        BlockWeights b = new BlockWeights(shape);
        b.set(w, prefix);
        return b;
    }

    private TokenMlpWeights tokenLayer(Map<String, float[]> w, String prefix, BlockShape shape) {
        TokenMlpWeights t = new TokenMlpWeights(shape, config.mlpTInterSize());
        refillTokenLayer(t, w, prefix);
        return t;
    }

    private void refillTokenLayer(TokenMlpWeights w, Map<String, float[]> p, String prefix) {
        int interT = config.mlpTInterSize();
        int s = config.totalSeqLen();
        float[] gateUp = Weights.array(p, prefix + "mlp_t.gate_up_proj.weight");
        if (gateUp.length != 2 * interT * s) {
            throw new IllegalArgumentException("'" + prefix + "mlp_t.gate_up_proj.weight' has " + gateUp.length
                    + " values but " + s + " positions need [" + 2 * interT + ", " + s
                    + "]: TRM's MLP variant runs at the sequence length it was made for");
        }
        w.set(p, prefix);
    }
}
