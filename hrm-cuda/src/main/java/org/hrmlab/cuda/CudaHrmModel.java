package org.hrmlab.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.Network;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.model.HrmState;
import org.hrmlab.engine.model.ModelForward;
import org.hrmlab.engine.model.Weights;

/**
 * {@link HrmModel} on an NVIDIA GPU, float32: the one forward ({@link ModelForward}) that every backend and the
 * trainer run, on {@link CudaModelOps}: weights in the reference's {@code [out, in]} layout in device memory, GEMMs
 * in cuBLAS (TF32 only when asked for), the kernels of {@link Kernels} for RoPE, softmax, RMSNorm, SwiGLU and the
 * residual sums; the input embedding and the Q head on the host with the CPU engine's own code. Work is queued on the
 * default stream; reading a result waits for it.
 *
 * <p>A TRM runs with one network for both updates (uploaded once), in both variants: attention, and the MLP variant
 * ({@code mlp_t}: token mixing by a SwiGLU across the sequence, {@link CudaNetwork}).
 */
final class CudaHrmModel implements HrmModel {
    private final CudaContext ctx;
    private final HrmConfig config;
    private final CudaWeights weights;
    private final List<CudaHrmState> states = new ArrayList<>();
    private boolean closed;

    CudaHrmModel(CudaContext ctx, HrmConfig config, Map<String, HostTensor> w) {
        this.ctx = ctx;
        this.config = config;
        this.weights = new CudaWeights(ctx, config, Weights.flat(w), true);
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
        CudaHrmState st = new CudaHrmState(config, new CudaModelOps(weights, batch, 0, false));
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
        st.ops.embed(tokens, weights.embedding.prefixRows(puzzleIds), st.carry.x());
    }

    @Override
    public void resetCarry(HrmState state, int row) {
        CudaHrmState st = own(state);
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        float[] zl = new float[s * d];
        float[] zh = new float[s * d];
        for (int t = 0; t < s; t++) {
            System.arraycopy(weights.hInit, 0, zh, t * d, d);
            System.arraycopy(weights.lInit, 0, zl, t * d, d);
        }
        st.setRow(row, zl, zh);
    }

    @Override
    public void lUpdate(HrmState state) {
        CudaHrmState st = own(state);
        st.forward.lUpdate(st.carry, Network.NO_GRAD);
    }

    @Override
    public void hUpdate(HrmState state) {
        CudaHrmState st = own(state);
        st.forward.hUpdate(st.carry, Network.NO_GRAD);
    }

    @Override
    public void previewLogits(HrmState state, float[] out) {
        CudaHrmState st = own(state);
        st.forward.previewH(st.carry);
        st.ops.heads(st.carry.work(), out, null);
    }

    @Override
    public void logits(HrmState state, float[] out) {
        CudaHrmState st = own(state);
        st.ops.heads(st.carry.zH(), out, null);
    }

    @Override
    public void lowStateLogits(HrmState state, float[] out) {
        CudaHrmState st = own(state);
        st.ops.heads(st.carry.zL(), out, null);
    }

    @Override
    public void qLogits(HrmState state, float[] out) {
        CudaHrmState st = own(state);
        st.ops.heads(st.carry.zH(), null, out);
    }

    @Override
    public void refreshWeights(Map<String, float[]> params) {
        checkOpen();
        weights.refresh(params);
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
        for (CudaHrmState st : states) {
            st.close();
        }
        states.clear();
        weights.close();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this GPU model was closed");
        }
    }

    private CudaHrmState own(HrmState state) {
        checkOpen();
        if (!(state instanceof CudaHrmState st) || !states.contains(st)) {
            throw new IllegalArgumentException("the state was not made by this model");
        }
        st.checkOpen();
        ctx.enter();
        return st;
    }
}
