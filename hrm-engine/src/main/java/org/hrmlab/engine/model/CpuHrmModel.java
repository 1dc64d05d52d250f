package org.hrmlab.engine.model;

import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.Network;

/**
 * The CPU implementation of {@link HrmModel}: the one forward ({@link ModelForward} on {@link CpuModelOps}) that the
 * trainer also runs, in float32 on native memory (OpenBLAS GEMMs and vectorised Java passes over all cores,
 * {@code org.hrmlab.engine.cpu}).
 *
 * <p>Updates, with {@code x̃} the scaled input embedding and both modules stacks of post-norm blocks:
 * <pre>
 *   L-update: zL ← L(zL + (zH + x̃))
 *   H-update: zH ← H(zH + zL)
 *   logits   = lm_head(zH)[prefix dropped],  Q = q_head(zH[position 0])  (halt, continue)
 * </pre>
 * The low-state read-out ({@link #lowStateLogits}) is the same heads call on zL.
 * For a TRM ({@link HrmConfig#sharedNetwork}) H is L: the same blocks make both updates, and in its MLP variant
 * ({@link HrmConfig#mlpT}) each block mixes tokens with a SwiGLU across the sequence ({@link TokenMlpBlock}) where
 * the HRM's attends. Weights ({@link CpuWeights}) are shared by all states and change only through
 * {@link #refreshWeights} (a trainer's no-grad updates); all other mutable data lives in a state, with the buffers of
 * its batch size. A model and its states are used from one thread (work buffers are reused, not synchronised).
 */
public final class CpuHrmModel implements HrmModel {
    private final HrmConfig config;
    private final CpuWeights weights;

    /**
     * @param config  the architecture with {@code seqLen > 0}
     * @param weights tensors under the reference key names, shapes as {@code WeightLayout.expected(config)} (not
     *                modified; copied)
     */
    public CpuHrmModel(HrmConfig config, Map<String, HostTensor> weights) {
        this.config = config;
        this.weights = new CpuWeights(config, Weights.flat(weights), true);
    }

    @Override
    public void refreshWeights(Map<String, float[]> params) {
        weights.refresh(params);
    }

    @Override
    public HrmConfig config() {
        return config;
    }

    @Override
    public HrmState newState(int batch) {
        return new CpuHrmState(config, weights, batch);
    }

    @Override
    public void embed(HrmState state, int[] tokens, int[] puzzleIds) {
        CpuHrmState st = (CpuHrmState) state;
        if (puzzleIds.length != st.batch) {
            throw new IllegalArgumentException("expected " + st.batch + " puzzle ids, got " + puzzleIds.length);
        }
        st.ops.embed(tokens, weights.embedding.prefixRows(puzzleIds), st.carry.x());
    }

    @Override
    public void resetCarry(HrmState state, int row) {
        CpuHrmState st = (CpuHrmState) state;
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        for (int t = 0; t < s; t++) {
            st.carry.zH().put((row * s + t) * d, weights.hInit, 0, d);
            st.carry.zL().put((row * s + t) * d, weights.lInit, 0, d);
        }
    }

    @Override
    public void lUpdate(HrmState state) {
        CpuHrmState st = (CpuHrmState) state;
        st.forward.lUpdate(st.carry, Network.NO_GRAD);
    }

    @Override
    public void hUpdate(HrmState state) {
        CpuHrmState st = (CpuHrmState) state;
        st.forward.hUpdate(st.carry, Network.NO_GRAD);
    }

    @Override
    public void previewLogits(HrmState state, float[] out) {
        CpuHrmState st = (CpuHrmState) state;
        st.forward.previewH(st.carry);
        st.ops.heads(st.carry.work(), out, null);
    }

    @Override
    public void logits(HrmState state, float[] out) {
        CpuHrmState st = (CpuHrmState) state;
        st.ops.heads(st.carry.zH(), out, null);
    }

    @Override
    public void lowStateLogits(HrmState state, float[] out) {
        CpuHrmState st = (CpuHrmState) state;
        st.ops.heads(st.carry.zL(), out, null);
    }

    @Override
    public void qLogits(HrmState state, float[] out) {
        CpuHrmState st = (CpuHrmState) state;
        st.ops.heads(st.carry.zH(), null, out);
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public void close() {
    }
}
