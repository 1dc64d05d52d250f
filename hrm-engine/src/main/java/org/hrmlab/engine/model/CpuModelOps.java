package org.hrmlab.engine.model;

import java.util.Arrays;
import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.ModelOps;
import org.hrmlab.engine.compute.Network;
import org.hrmlab.engine.cpu.Gemm;
import org.hrmlab.engine.cpu.NativeArray;
import org.hrmlab.engine.cpu.Streams;

/**
 * The CPU implementation of {@link ModelOps}: the model's math for one batch size on native memory (OpenBLAS GEMMs
 * and vectorised passes over the engine's workers, {@code org.hrmlab.engine.cpu}), on parameters shared with the
 * other batch sizes ({@link CpuWeights}). Every buffer is allocated here, once: the no-grad forward allocates nothing
 * per call. Made with slots of kept activations for training ({@link #forTraining}), without for stepping. Not
 * thread-safe.
 */
public final class CpuModelOps implements ModelOps<NativeArray> {
    private final HrmConfig config;
    private final CpuWeights weights;
    private final int batch;
    private final BlockWorkspace ws;
    private final CpuNetwork lNetwork;
    private final CpuNetwork hNetwork;
    /** {@code [B·seqLen, V]}: logits, then their gradient in the backward. */
    private final NativeArray logits;
    /** {@code [V, D]}, made by the first backward. */
    private NativeArray lmHeadGrad;
    /** {@code [B·S·D]} host copy of a stream (embedding, gradients). */
    private final float[] host;
    /** {@code [B·D]}: position 0 of each row, and its gradient. */
    private final float[] firstRows;
    private final float[] firstRowsGrad;
    /** {@code [B·seqLen]} the tokens of the last {@link #embed}. */
    private final int[] tokens;

    CpuModelOps(CpuWeights weights, int batch, int applications) {
        this.config = weights.config;
        this.weights = weights;
        this.batch = batch;
        ws = new BlockWorkspace(config, batch, applications > 0);
        lNetwork = new CpuNetwork(config, "L_level", weights.lBlocks, ws, applications);
        hNetwork = config.sharedNetwork() ? lNetwork
                : new CpuNetwork(config, "H_level", weights.hBlocks, ws, applications > 0 ? 1 : 0);
        logits = new NativeArray((long) batch * config.seqLen() * config.vocabSize());
        host = new float[batch * config.totalSeqLen() * config.hiddenSize()];
        firstRows = new float[batch * config.hiddenSize()];
        firstRowsGrad = new float[batch * config.hiddenSize()];
        tokens = new int[batch * config.seqLen()];
    }

    /**
     * The operations a trainer runs on: its own copy of the parameters, and slots for the activations of the
     * differentiable part of a segment (HRM: one application per module; TRM: L_cycles + 1 of its one network).
     *
     * @param params flat row-major tensors under the reference key names (not modified; copied)
     */
    public static CpuModelOps forTraining(HrmConfig config, Map<String, float[]> params, int batch) {
        int applications = config.sharedNetwork() ? config.lCycles() + 1 : 1;
        CpuModelOps ops = new CpuModelOps(new CpuWeights(config, params, false), batch, applications);
        ops.refreshWeights(params);
        return ops;
    }

    @Override
    public void refreshWeights(Map<String, float[]> params) {
        weights.refresh(params);
    }

    /** @return {@code [D]} the initial zH (the shared array: not to be modified) */
    float[] hInit() {
        return weights.hInit;
    }

    /** @return {@code [D]} the initial zL (the shared array: not to be modified) */
    float[] lInit() {
        return weights.lInit;
    }

    /** @return the shared input embedding (its puzzle table, for a model's look-up by id) */
    InputEmbedding embedding() {
        return weights.embedding;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public NativeArray newStream() {
        return new NativeArray((long) batch * config.totalSeqLen() * config.hiddenSize());
    }

    @Override
    public Network<NativeArray> lNetwork() {
        return lNetwork;
    }

    @Override
    public Network<NativeArray> hNetwork() {
        return hNetwork;
    }

    @Override
    public void sum(NativeArray out, NativeArray a, NativeArray b) {
        Streams.sum(out, a, b, ws.scratch);
    }

    @Override
    public void sum(NativeArray out, NativeArray a, NativeArray b, NativeArray c) {
        Streams.sum(out, a, b, c, ws.scratch);
    }

    @Override
    public void copy(NativeArray dst, NativeArray src) {
        dst.copyFrom(src);
    }

    @Override
    public void put(NativeArray dst, float[] src) {
        dst.put(src);
    }

    @Override
    public void get(NativeArray src, float[] dst) {
        src.get(dst);
    }

    @Override
    public void embed(int[] tokenIds, float[] prefixRows, NativeArray out) {
        weights.embedding.compute(tokenIds, prefixRows, host);
        System.arraycopy(tokenIds, 0, tokens, 0, tokens.length);
        out.put(host);
    }

    @Override
    public void embeddingBackward(NativeArray dx, Map<String, float[]> grads) {
        dx.get(host);
        weights.embedding.backward(tokens, host, grads);
    }

    @Override
    public void heads(NativeArray z, float[] logitsOut, float[] q) {
        if (logitsOut != null) {
            Gemm.useEngineThreads();
            weights.lmHead.forward(ws.workers, batch, z, logits);
            logits.get(logitsOut);
        }
        if (q != null) {
            readFirstRows(z);
            weights.qHead.apply(firstRows, q);
        }
    }

    @Override
    public void headsBackward(NativeArray z, float[] gLogits, float[] gQ, NativeArray dz, Map<String, float[]> grads) {
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        readFirstRows(z);
        weights.qHead.backward(firstRows, gQ, firstRowsGrad, grads);
        Arrays.fill(host, 0f);
        for (int b = 0; b < batch; b++) {
            System.arraycopy(firstRowsGrad, b * d, host, b * s * d, d);
        }
        dz.put(host);
        logits.put(gLogits);
        if (lmHeadGrad == null) {
            lmHeadGrad = new NativeArray((long) config.vocabSize() * d);
        }
        Gemm.useEngineThreads();
        weights.lmHead.backward(ws.workers, batch, z, logits, dz, lmHeadGrad);
        lmHeadGrad.get(grads.computeIfAbsent("lm_head.weight", k -> new float[config.vocabSize() * d]));
    }

    /** {@link #firstRows} ← position 0 of each row of {@code z}. */
    private void readFirstRows(NativeArray z) {
        int s = config.totalSeqLen();
        int d = config.hiddenSize();
        for (int b = 0; b < batch; b++) {
            z.get(b * s * d, firstRows, b * d, d);
        }
    }
}
