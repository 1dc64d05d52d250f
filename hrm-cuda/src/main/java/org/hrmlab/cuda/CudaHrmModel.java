package org.hrmlab.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.model.HrmState;
import org.hrmlab.engine.model.InputEmbedding;
import org.hrmlab.engine.model.QHead;
import org.hrmlab.engine.model.RotaryTable;
import org.hrmlab.engine.model.Weights;

/**
 * {@link HrmModel} on an NVIDIA GPU, float32: weights in the reference's {@code [out, in]} layout in device memory,
 * GEMMs in cuBLAS (TF32 only when asked for), and the kernels of {@link Kernels} for RoPE, softmax, RMSNorm, SwiGLU and
 * the residual sums. The input embedding and the Q head are computed on the host with the CPU engine's own code.
 * Work is queued on the default stream; reading a result waits for it.
 *
 * <p>A TRM with attention blocks runs as an HRM whose H-update uses the L layers (one network, uploaded once). TRM's
 * MLP variant ({@code mlp_t}: token mixing across the sequence) is refused with a {@link CudaException}: it runs on
 * the CPU only for now.
 */
final class CudaHrmModel implements HrmModel {
    /** The one-line refusal of TRM's MLP variant. */
    static final String MLP_T_REFUSAL = "cuda: TRM's MLP variant (mlp_t) runs on the CPU only for now";

    private record Layer(DeviceArray qkv, DeviceArray o, DeviceArray gateUp, DeviceArray down) {
    }

    private final CudaContext ctx;
    private final HrmConfig config;
    private final InputEmbedding inputEmbedding;
    private final QHead qHead;
    private final float[] hInit;
    private final float[] lInit;
    private final List<Layer> hLevel;
    private final List<Layer> lLevel = new ArrayList<>();
    private final List<DeviceArray> weights = new ArrayList<>();
    private final List<CudaHrmState> states = new ArrayList<>();
    private final DeviceArray cos;
    private final DeviceArray sin;
    private final DeviceArray lmHead;
    private final int inter;
    private boolean closed;

    CudaHrmModel(CudaContext ctx, HrmConfig config, Map<String, HostTensor> w) {
        if (config.seqLen() <= 0) {
            throw new IllegalArgumentException("the model needs a sequence length; use HrmConfig.withSeqLen");
        }
        if (config.mlpT()) {
            throw new CudaException(MLP_T_REFUSAL);
        }
        this.ctx = ctx;
        this.hLevel = config.sharedNetwork() ? lLevel : new ArrayList<>();
        this.config = config;
        this.inter = config.mlpInterSize();
        inputEmbedding = new InputEmbedding(config, w);
        qHead = new QHead(w, config.hiddenSize());
        hInit = Weights.tensor(w, "H_init").data().clone();
        lInit = Weights.tensor(w, "L_init").data().clone();
        ctx.enter();
        try {
            RotaryTable rope = RotaryTable.of(config);
            cos = keep(rope.cosines());
            sin = keep(rope.sines());
            for (int i = 0; !config.sharedNetwork() && i < config.hLayers(); i++) {
                hLevel.add(layer(w, "H_level.layers." + i + "."));
            }
            for (int i = 0; i < config.lLayers(); i++) {
                lLevel.add(layer(w, "L_level.layers." + i + "."));
            }
            lmHead = keep(Weights.tensor(w, "lm_head.weight").data());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Layer layer(Map<String, HostTensor> w, String prefix) {
        return new Layer(keep(Weights.tensor(w, prefix + "self_attn.qkv_proj.weight").data()),
                keep(Weights.tensor(w, prefix + "self_attn.o_proj.weight").data()),
                keep(Weights.tensor(w, prefix + "mlp.gate_up_proj.weight").data()),
                keep(Weights.tensor(w, prefix + "mlp.down_proj.weight").data()));
    }

    private DeviceArray keep(float[] host) {
        DeviceArray a = ctx.uploadNew(host);
        weights.add(a);
        return a;
    }

    @Override
    public HrmConfig config() {
        return config;
    }

    @Override
    public String device() {
        return "cuda:" + ctx.ordinal + " (" + ctx.name + ")";
    }

    @Override
    public HrmState newState(int batch) {
        checkOpen();
        ctx.enter();
        CudaHrmState st = new CudaHrmState(ctx, config, batch);
        states.add(st);
        return st;
    }

    @Override
    public org.hrmlab.engine.model.StateScatter newScatter(int[] positions) {
        checkOpen();
        ctx.enter();
        return new CudaStateScatter(ctx, config.totalSeqLen(), config.hiddenSize(), positions);
    }

    @Override
    public void embed(HrmState state, int[] tokens, int[] puzzleIds) {
        CudaHrmState st = own(state);
        if (puzzleIds.length != st.batch) {
            throw new IllegalArgumentException("expected " + st.batch + " puzzle ids, got " + puzzleIds.length);
        }
        st.setEmbedding(inputEmbedding.compute(tokens, puzzleIds));
    }

    @Override
    public void resetCarry(HrmState state, int row) {
        CudaHrmState st = own(state);
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        float[] zl = new float[s * d];
        float[] zh = new float[s * d];
        for (int t = 0; t < s; t++) {
            System.arraycopy(hInit, 0, zh, t * d, d);
            System.arraycopy(lInit, 0, zl, t * d, d);
        }
        st.setRow(row, zl, zh);
    }

    @Override
    public void lUpdate(HrmState state) {
        CudaHrmState st = own(state);
        long n = (long) st.rows * st.hidden;
        ctx.kernels.elementwise("add3", n, st.x.pointer(), st.zL.pointer(), st.zH.pointer(), st.embedding.pointer(), n);
        run(lLevel, st);
        st.swapL();
    }

    @Override
    public void hUpdate(HrmState state) {
        CudaHrmState st = own(state);
        long n = (long) st.rows * st.hidden;
        ctx.kernels.elementwise("add2", n, st.x.pointer(), st.zH.pointer(), st.zL.pointer(), n);
        run(hLevel, st);
        st.swapH();
    }

    @Override
    public void previewLogits(HrmState state, float[] out) {
        CudaHrmState st = own(state);
        long n = (long) st.rows * st.hidden;
        ctx.kernels.elementwise("add2", n, st.x.pointer(), st.zH.pointer(), st.zL.pointer(), n);
        run(hLevel, st);
        logitsOf(st, st.x, out);
    }

    @Override
    public void logits(HrmState state, float[] out) {
        CudaHrmState st = own(state);
        logitsOf(st, st.zH, out);
    }

    @Override
    public void lowStateLogits(HrmState state, float[] out) {
        CudaHrmState st = own(state);
        logitsOf(st, st.zL, out);
    }

    @Override
    public void qLogits(HrmState state, float[] out) {
        CudaHrmState st = own(state);
        int d = config.hiddenSize();
        ctx.kernels.elementwise("first_positions", (long) st.batch * d, st.zH.pointer(), st.first.pointer(), st.batch,
                st.positions, d);
        float[] firstRows = new float[st.batch * d];
        ctx.download(st.first.pointer(), firstRows, 0, firstRows.length);
        qHead.apply(firstRows, out);
    }

    @Override
    public void refreshWeights(Map<String, float[]> params) {
        checkOpen();
        ctx.enter();
        if (!config.sharedNetwork()) {
            refreshLevel(hLevel, params, "H_level.layers.");
        }
        refreshLevel(lLevel, params, "L_level.layers.");
        upload(lmHead, Weights.array(params, "lm_head.weight"), "lm_head.weight");
        inputEmbedding.refresh(params);
        qHead.refresh(params);
        Weights.copyInto(hInit, params, "H_init");
        Weights.copyInto(lInit, params, "L_init");
    }

    private void refreshLevel(List<Layer> level, Map<String, float[]> p, String prefix) {
        for (int i = 0; i < level.size(); i++) {
            Layer l = level.get(i);
            String k = prefix + i + ".";
            upload(l.qkv(), Weights.array(p, k + "self_attn.qkv_proj.weight"), k + "self_attn.qkv_proj.weight");
            upload(l.o(), Weights.array(p, k + "self_attn.o_proj.weight"), k + "self_attn.o_proj.weight");
            upload(l.gateUp(), Weights.array(p, k + "mlp.gate_up_proj.weight"), k + "mlp.gate_up_proj.weight");
            upload(l.down(), Weights.array(p, k + "mlp.down_proj.weight"), k + "mlp.down_proj.weight");
        }
    }

    private void upload(DeviceArray dst, float[] src, String key) {
        if (src.length != dst.length()) {
            throw new IllegalArgumentException("'" + key + "' has " + src.length + " values, expected " + dst.length());
        }
        ctx.upload(src, 0, src.length, dst.pointer());
    }

    @Override
    public void finish() {
        ctx.enter();
        ctx.driver.synchronize();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ctx.enter();
        for (CudaHrmState st : states) {
            st.close();
        }
        states.clear();
        for (DeviceArray a : weights) {
            ctx.free(a);
        }
        weights.clear();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this GPU model was closed");
        }
    }

    private CudaHrmState own(HrmState state) {
        checkOpen();
        if (!(state instanceof CudaHrmState st) || st.ctx != ctx) {
            throw new IllegalArgumentException("the state was not made by this model");
        }
        st.checkOpen();
        ctx.enter();
        return st;
    }

    private void logitsOf(CudaHrmState st, DeviceArray z, float[] out) {
        int s = config.totalSeqLen();
        int p = config.puzzleEmbLen();
        int v = config.vocabSize();
        int seq = config.seqLen();
        ctx.blas.linear(z.pointer(), lmHead.pointer(), st.logits.pointer(), st.rows, config.hiddenSize(), v, false);
        for (int b = 0; b < st.batch; b++) {
            ctx.download(st.logits.at((long) (b * s + p) * v), out, b * seq * v, seq * v);
        }
    }

    /** The post-norm blocks of one module on {@code st.x}, in place. */
    private void run(List<Layer> level, CudaHrmState st) {
        int rows = st.rows;
        int d = config.hiddenSize();
        int heads = config.numHeads();
        int hd = config.headDim();
        int s = st.positions;
        long n = (long) rows * d;
        float eps = (float) config.rmsNormEps();
        float scale = (float) (1.0 / Math.sqrt(hd));
        Kernels k = ctx.kernels;
        CuBlas blas = ctx.blas;
        for (Layer w : level) {
            blas.linear(st.x.pointer(), w.qkv().pointer(), st.qkv.pointer(), rows, d, 3 * d, false);
            k.elementwise("rope_split", (long) rows * heads * (hd / 2), st.qkv.pointer(), st.q.pointer(),
                    st.k.pointer(), st.v.pointer(), cos.pointer(), sin.pointer(), st.batch, s, heads, hd, scale);
            long hs = (long) s * hd;
            blas.batched(CuBlas.OP_T, CuBlas.OP_N, s, s, hd, st.k.pointer(), hd, hs, st.q.pointer(), hd, hs,
                    st.scores.pointer(), s, (long) s * s, st.batch * heads);
            k.perRow("softmax_rows", (long) st.batch * heads * s, s, st.scores.pointer(), s);
            blas.batched(CuBlas.OP_N, CuBlas.OP_N, hd, s, s, st.v.pointer(), hd, hs, st.scores.pointer(), s,
                    (long) s * s, st.heads.pointer(), hd, hs, st.batch * heads);
            k.elementwise("merge_heads", n, st.heads.pointer(), st.attn.pointer(), st.batch, s, heads, hd);
            blas.linear(st.attn.pointer(), w.o().pointer(), st.x.pointer(), rows, d, d, true);
            k.perRow("rms_norm", rows, d, st.x.pointer(), d, eps);
            blas.linear(st.x.pointer(), w.gateUp().pointer(), st.gateUp.pointer(), rows, d, 2 * inter, false);
            k.elementwise("swiglu", (long) rows * inter, st.gateUp.pointer(), st.act.pointer(), (long) rows, inter);
            blas.linear(st.act.pointer(), w.down().pointer(), st.x.pointer(), rows, inter, d, true);
            k.perRow("rms_norm", rows, d, st.x.pointer(), d, eps);
        }
    }
}
