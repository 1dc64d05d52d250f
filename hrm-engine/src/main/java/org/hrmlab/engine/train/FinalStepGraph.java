package org.hrmlab.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.io.WeightLayout;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The differentiable part of one ACT segment as a SameDiff graph for a fixed batch size: the HRM's "1-step gradient"
 * (hrm-reference.md §1.6), or TRM's whole last recursion (§6.1), with the same network for both of its updates:
 * <pre>
 *   x̃   = √hidden · [puzzle rows ; token embeddings] (+ learned positions, ×1/√2)
 *   HRM: zL' = L(zL + (zH + x̃));   zH' = H(zH + zL')                       from a detached carry (zL, zH)
 *   TRM: zL' = L(…L(zL + (zH + x̃)) + (zH + x̃)…)  (L_cycles times);   zH' = L(zH + zL')
 *   logits = lm_head(zH')[prefix dropped];   q = q_head(zH'[:, 0]) + bias
 * </pre>
 * TRM's MLP variant ({@code mlp_t}) mixes tokens with a SwiGLU across the sequence where the attention blocks attend.
 * The loss itself is computed outside (float64, {@code org.hrmlab.engine.loss}); its gradients with respect to the
 * logits and Q logits come back in as placeholders, and the graph's scalar {@code Σ logits·G_logits + Σ q·G_q} has
 * exactly the parameter gradients of the real loss (chain rule). Gradients reach every block weight, both heads, the
 * token table, the learned positions and the batch's puzzle-embedding rows ({@link #PUZZLE_ROWS}, one row per batch
 * row, like the reference's {@code puzzle_emb.local_weights}).
 *
 * <p>Not thread-safe; one instance per training thread.
 */
public final class FinalStepGraph {
    /** Key of the per-batch-row puzzle-embedding copy {@code [B, puzzleEmbNdim]}. */
    public static final String PUZZLE_ROWS = org.hrmlab.engine.compute.ModelOps.PUZZLE_ROWS;

    private final HrmConfig config;
    private final int batch;
    private final DataType dtype;
    private final SameDiff sd = SameDiff.create();
    private final Map<String, String> varNames = new LinkedHashMap<>();
    private final SDVariable cos;
    private final SDVariable sin;

    /**
     * @param config  the architecture ({@code seqLen > 0})
     * @param batch   rows per batch, fixed for the graph's lifetime
     * @param dtype   {@link DataType#FLOAT} for training, {@link DataType#DOUBLE} for gradient checks
     * @param weights initial values under the reference key names (not modified); H_init, L_init and the puzzle table
     *                are not part of the graph
     */
    public FinalStepGraph(HrmConfig config, int batch, DataType dtype, Map<String, HostTensor> weights) {
        if (config.seqLen() <= 0) {
            throw new IllegalArgumentException("the graph needs a sequence length");
        }
        this.config = config;
        this.batch = batch;
        this.dtype = dtype;
        for (String key : trainableKeys(config)) {
            HostTensor t = weights.get(key);
            if (t == null) {
                throw new IllegalArgumentException("missing weight '" + key + "'");
            }
            String name = key.replace('.', '_');
            varNames.put(key, name);
            sd.var(name, Nd4j.create(t.data(), t.shape(), DataType.FLOAT).castTo(dtype));
        }
        if (config.puzzleEmbNdim() > 0) {
            varNames.put(PUZZLE_ROWS, "puzzle_rows");
            sd.var("puzzle_rows", Nd4j.zeros(dtype, batch, config.puzzleEmbNdim()));
        }
        double[][] tables = rotary(config);
        int s = config.totalSeqLen();
        cos = sd.constant("rope_cos", Nd4j.createFromArray(tables[0]).reshape(s, config.headDim()).castTo(dtype));
        sin = sd.constant("rope_sin", Nd4j.createFromArray(tables[1]).reshape(s, config.headDim()).castTo(dtype));
        build();
    }

    /** @return the keys of the dense trainable tensors (Adam-atan2's parameters), in the reference's order */
    public static List<String> trainableKeys(HrmConfig config) {
        return WeightLayout.trainableKeys(config);
    }

    /** @return the batch size the graph was built for */
    public int batch() {
        return batch;
    }

    /**
     * Sets a parameter's value.
     *
     * @param key    a key of {@link #trainableKeys} or {@link #PUZZLE_ROWS}
     * @param values row-major values of the parameter's shape (not modified)
     */
    public void setParameter(String key, float[] values) {
        INDArray arr = parameter(key);
        arr.assign(Nd4j.createFromArray(values).reshape(arr.shape()).castTo(dtype));
    }

    /** @return the live array of a parameter (tests perturb it in place) */
    public INDArray parameter(String key) {
        String name = varNames.get(key);
        if (name == null) {
            throw new IllegalArgumentException("not a graph parameter: '" + key + "'");
        }
        return sd.getArrForVarName(name);
    }

    /**
     * Runs the differentiable step forward only.
     *
     * @return the outputs as arrays: {@code zL [B·S·D]}, {@code zH}, {@code logits [B·seqLen·vocab]}, {@code q [B·2]}
     */
    public Map<String, INDArray> forward(Inputs in) {
        Map<String, INDArray> out = sd.output(placeholders(in, null, null), "zL_out", "zH_out", "logits", "q");
        return out;
    }

    /**
     * The parameter gradients of {@code Σ logits·gradLogits + Σ q·gradQ}.
     *
     * @param gradLogits {@code [B·seqLen·vocab]} d loss / d logits (not modified)
     * @param gradQ      {@code [B·2]} d loss / d (q_halt, q_continue) (not modified)
     * @return key to gradient, row-major float32 in the parameter's shape; {@link #PUZZLE_ROWS} is {@code [B, ndim]}
     */
    public Map<String, float[]> gradients(Inputs in, float[] gradLogits, float[] gradQ) {
        Map<String, INDArray> g = sd.calculateGradients(placeholders(in, gradLogits, gradQ), varNames.values());
        Map<String, float[]> out = new LinkedHashMap<>();
        varNames.forEach((key, name) -> out.put(key, g.get(name).castTo(DataType.FLOAT).data().asFloat()));
        return out;
    }

    /** The same, as arrays in the graph's precision (for gradient checks). */
    public Map<String, INDArray> gradientArrays(Inputs in, INDArray gradLogits, INDArray gradQ) {
        Map<String, INDArray> ph = placeholders(in, null, null);
        ph.put("g_logits", gradLogits.castTo(dtype).reshape(batch * config.seqLen(), config.vocabSize()));
        ph.put("g_q", gradQ.castTo(dtype).reshape(batch, 2));
        Map<String, INDArray> g = sd.calculateGradients(ph, varNames.values());
        Map<String, INDArray> out = new LinkedHashMap<>();
        varNames.forEach((key, name) -> out.put(key, g.get(name)));
        return out;
    }

    /**
     * The inputs of one differentiable step.
     *
     * @param zL     {@code [B·S_total·hidden]} the carry after the no-grad updates (not modified)
     * @param zH     same shape
     * @param tokens {@code [B·seqLen]} token ids
     */
    public record Inputs(float[] zL, float[] zH, int[] tokens) {
    }

    private Map<String, INDArray> placeholders(Inputs in, float[] gradLogits, float[] gradQ) {
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        Map<String, INDArray> ph = new LinkedHashMap<>();
        ph.put("zL_in", Nd4j.createFromArray(in.zL()).reshape(batch * s, d).castTo(dtype));
        ph.put("zH_in", Nd4j.createFromArray(in.zH()).reshape(batch * s, d).castTo(dtype));
        ph.put("tokens_one_hot", oneHot(in.tokens()));
        int n = batch * config.seqLen();
        ph.put("g_logits", gradLogits == null ? Nd4j.zeros(dtype, n, config.vocabSize())
                : Nd4j.createFromArray(gradLogits).reshape(n, config.vocabSize()).castTo(dtype));
        ph.put("g_q", gradQ == null ? Nd4j.zeros(dtype, batch, 2)
                : Nd4j.createFromArray(gradQ).reshape(batch, 2).castTo(dtype));
        return ph;
    }

    private INDArray oneHot(int[] tokens) {
        int vocab = config.vocabSize();
        INDArray out = Nd4j.zeros(dtype, tokens.length, vocab);
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocab) {
                throw new IllegalArgumentException("token " + tokens[i] + " outside [0, " + vocab + ")");
            }
            out.putScalar(i, tokens[i], 1.0);
        }
        return out;
    }

    private SDVariable v(String key) {
        return sd.getVariable(varNames.get(key));
    }

    private void build() {
        int b = batch;
        int s = config.totalSeqLen();
        int seq = config.seqLen();
        int d = config.hiddenSize();
        int p = config.puzzleEmbLen();
        SDVariable zL = sd.placeHolder("zL_in", dtype, (long) b * s, d);
        SDVariable zH = sd.placeHolder("zH_in", dtype, (long) b * s, d);
        SDVariable oneHot = sd.placeHolder("tokens_one_hot", dtype, (long) b * seq, config.vocabSize());
        SDVariable gLogits = sd.placeHolder("g_logits", dtype, (long) b * seq, config.vocabSize());
        SDVariable gQ = sd.placeHolder("g_q", dtype, b, 2);

        // a one-hot product instead of gather: its gradient sums repeated tokens (gather's backward here does not)
        SDVariable emb = sd.reshape(sd.mmul(oneHot, v("embed_tokens.embedding_weight")), b, seq, d);
        if (p > 0) {
            SDVariable rows = v(PUZZLE_ROWS);
            int pad = p * d - config.puzzleEmbNdim();
            if (pad > 0) {
                rows = sd.concat(1, rows, sd.constant(Nd4j.zeros(dtype, b, pad)));
            }
            emb = sd.concat(1, sd.reshape(rows, b, p, d), emb);
        }
        if (config.learnedPositions()) {
            emb = emb.add(v("embed_pos.embedding_weight")).mul(0.707106781);
        }
        SDVariable x = sd.reshape(emb.mul(Math.sqrt(d)), (long) b * s, d);

        SDVariable zL1;
        SDVariable zH1;
        if (config.sharedNetwork()) {
            zL1 = zL;
            for (int l = 0; l < config.lCycles(); l++) {
                zL1 = level("L_level", config.lLayers(), zL1.add(zH.add(x)));
            }
            zH1 = level("L_level", config.lLayers(), zH.add(zL1));
        } else {
            zL1 = level("L_level", config.lLayers(), zL.add(zH.add(x)));
            zH1 = level("H_level", config.hLayers(), zH.add(zL1));
        }
        sd.identity("zL_out", zL1);
        sd.identity("zH_out", zH1);
        SDVariable z3 = sd.reshape(zH1, b, s, d);
        SDVariable grid = sd.reshape(sd.slice(z3, new int[] {0, p, 0}, b, seq, d), (long) b * seq, d);
        SDVariable logits = sd.mmul("logits", grid, v("lm_head.weight"), false, true, false);
        SDVariable first = sd.reshape(sd.slice(z3, new int[] {0, 0, 0}, b, 1, d), b, d);
        SDVariable q = sd.mmul(first, v("q_head.weight"), false, true, false).add("q", v("q_head.bias"));
        SDVariable loss = sd.sum(logits.mul(gLogits)).add("loss", sd.sum(q.mul(gQ)));
        sd.setLossVariables(loss);
    }

    private SDVariable level(String level, int layers, SDVariable x) {
        SDVariable h = x;
        for (int i = 0; i < layers; i++) {
            h = block(level + ".layers." + i + ".", h);
        }
        return h;
    }

    private SDVariable block(String prefix, SDVariable x) {
        if (config.mlpT()) {
            return tokenMlpBlock(prefix, x);
        }
        int b = batch;
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        int heads = config.numHeads();
        int hd = config.headDim();
        int inter = config.mlpInterSize();
        long n = (long) b * s;
        SDVariable qkv = sd.reshape(sd.mmul(x, v(prefix + "self_attn.qkv_proj.weight"), false, true, false),
                b, s, 3L * heads, hd);
        SDVariable q = rope(sd.permute(sd.slice(qkv, new int[] {0, 0, 0, 0}, b, s, heads, hd), 0, 2, 1, 3));
        SDVariable k = rope(sd.permute(sd.slice(qkv, new int[] {0, 0, heads, 0}, b, s, heads, hd), 0, 2, 1, 3));
        SDVariable val = sd.permute(sd.slice(qkv, new int[] {0, 0, 2 * heads, 0}, b, s, heads, hd), 0, 2, 1, 3);
        SDVariable scores = sd.mmul(q, k, false, true, false).mul(1.0 / Math.sqrt(hd));
        SDVariable probs = sd.nn().softmax(scores, 3);
        SDVariable heads4 = sd.mmul(probs, val, false, false, false);
        SDVariable merged = sd.reshape(sd.permute(heads4, 0, 2, 1, 3), n, d);
        SDVariable attn = sd.mmul(merged, v(prefix + "self_attn.o_proj.weight"), false, true, false);
        SDVariable h = rmsNorm(x.add(attn));
        SDVariable gu = sd.mmul(h, v(prefix + "mlp.gate_up_proj.weight"), false, true, false);
        SDVariable gate = sd.slice(gu, new int[] {0, 0}, (int) n, inter);
        SDVariable up = sd.slice(gu, new int[] {0, inter}, (int) n, inter);
        SDVariable mlp = sd.mmul(sd.nn().swish(gate).mul(up), v(prefix + "mlp.down_proj.weight"), false, true, false);
        return rmsNorm(h.add(mlp));
    }

    /**
     * TRM's MLP-variant block as the reference writes it: transpose each example to {@code [D, S]}, add a SwiGLU of
     * width S and normalise over the sequence, transpose back, then the channel SwiGLU with its norm.
     */
    private SDVariable tokenMlpBlock(String prefix, SDVariable x) {
        int b = batch;
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        SDVariable t = sd.reshape(sd.permute(sd.reshape(x, b, s, d), 0, 2, 1), (long) b * d, s);
        t = rmsNorm(t.add(swiGlu(prefix + "mlp_t.", t, b * d, config.mlpTInterSize())));
        SDVariable h = sd.reshape(sd.permute(sd.reshape(t, b, d, s), 0, 2, 1), (long) b * s, d);
        return rmsNorm(h.add(swiGlu(prefix + "mlp.", h, b * s, config.mlpInterSize())));
    }

    /** {@code W_down (SiLU(W_gate x) ⊙ W_up x)} on rows, {@code gate_up_proj} holding the gate rows first. */
    private SDVariable swiGlu(String prefix, SDVariable x, int rows, int inter) {
        SDVariable gu = sd.mmul(x, v(prefix + "gate_up_proj.weight"), false, true, false);
        SDVariable gate = sd.slice(gu, new int[] {0, 0}, rows, inter);
        SDVariable up = sd.slice(gu, new int[] {0, inter}, rows, inter);
        return sd.mmul(sd.nn().swish(gate).mul(up), v(prefix + "down_proj.weight"), false, true, false);
    }

    /** Rotate-half RoPE on {@code [B, heads, S, headDim]}. */
    private SDVariable rope(SDVariable t) {
        int half = config.headDim() / 2;
        int b = batch;
        int heads = config.numHeads();
        int s = config.totalSeqLen();
        SDVariable x1 = sd.slice(t, new int[] {0, 0, 0, 0}, b, heads, s, half);
        SDVariable x2 = sd.slice(t, new int[] {0, 0, 0, half}, b, heads, s, half);
        SDVariable rotated = sd.concat(3, x2.neg(), x1);
        return t.mul(cos).add(rotated.mul(sin));
    }

    private SDVariable rmsNorm(SDVariable x) {
        SDVariable ms = sd.mean(sd.math().square(x), true, 1);
        return x.mul(sd.math().rsqrt(ms.add(config.rmsNormEps())));
    }

    /**
     * @return {@code [cos, sin]} tables {@code [S_total·headDim]} for the config: RoPE's, or the identity (cos 1,
     *         sin 0) when its positions are learned only
     */
    static double[][] rotary(HrmConfig config) {
        double[][] tables = rotary(config.totalSeqLen(), config.headDim(), config.ropeTheta());
        if (!config.rotaryPositions()) {
            Arrays.fill(tables[0], 1.0);
            Arrays.fill(tables[1], 0.0);
        }
        return tables;
    }

    /** @return {@code [cos, sin]} tables {@code [positions·headDim]}, float32 arithmetic as the reference */
    static double[][] rotary(int positions, int headDim, double theta) {
        int half = headDim / 2;
        double[] c = new double[positions * headDim];
        double[] sn = new double[positions * headDim];
        for (int t = 0; t < positions; t++) {
            for (int k = 0; k < half; k++) {
                float invFreq = 1f / (float) Math.pow((float) theta, (float) (2 * k) / (float) headDim);
                float f = (float) t * invFreq;
                c[t * headDim + k] = (float) Math.cos(f);
                c[t * headDim + k + half] = c[t * headDim + k];
                sn[t * headDim + k] = (float) Math.sin(f);
                sn[t * headDim + k + half] = sn[t * headDim + k];
            }
        }
        return new double[][] {c, sn};
    }
}
