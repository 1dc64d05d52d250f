package org.hrmlab.cuda;

import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.ModelOps;
import org.hrmlab.engine.compute.Network;

/**
 * The CUDA implementation of {@link ModelOps}: the model's math for one batch size on one GPU, on parameters shared
 * with the other batch sizes ({@link CudaWeights}). Residual streams, the blocks ({@link CudaNetwork}) and the output
 * head live on the GPU; the input embedding and the Q head run on the host with the CPU engine's own code (they are
 * small), their inputs and outputs copied across. Every buffer is allocated here, once. Made with slots of kept
 * activations for training ({@link #forTraining}), without for stepping. Not thread-safe.
 */
final class CudaModelOps implements ModelOps<DeviceArray> {
    private final CudaContext ctx;
    private final HrmConfig config;
    private final CudaWeights weights;
    private final boolean ownsWeights;
    private final int batch;
    private final DeviceBuffers mem;
    private final CudaNetwork lNetwork;
    private final CudaNetwork hNetwork;
    /** {@code [B·seqLen, V]}: logits, then their gradient in the backward. */
    private final DeviceArray logits;
    /** {@code [B, D]}: position 0 of each row. */
    private final DeviceArray first;
    /** {@code [V, D]}, made by the first backward. */
    private DeviceArray lmHeadGrad;
    /** {@code [B·S·D]} host copy of a stream (embedding, its gradient). */
    private final float[] host;
    /** {@code [B·D]}: position 0 of each row, and its gradient. */
    private final float[] firstRows;
    private final float[] firstRowsGrad;
    /** {@code [B·seqLen]} the tokens of the last {@link #embed}. */
    private final int[] tokens;
    private boolean closed;

    /**
     * @param applications slots of kept activations (0 for stepping)
     * @param ownsWeights  whether {@link #close} also releases the weights
     */
    CudaModelOps(CudaWeights weights, int batch, int applications, boolean ownsWeights) {
        this.ctx = weights.ctx;
        this.config = weights.config;
        this.weights = weights;
        this.ownsWeights = ownsWeights;
        this.batch = batch;
        ctx.enter();
        mem = new DeviceBuffers(ctx);
        try {
            CudaNetwork.SharedBuffers shared = CudaNetwork.SharedBuffers.of(mem, config, batch);
            BackwardBuffers bb = applications > 0 ? new BackwardBuffers(mem, config, batch) : null;
            lNetwork = new CudaNetwork(weights, "L_level", weights.lLayers, batch, mem, shared, applications, bb);
            hNetwork = config.sharedNetwork() ? lNetwork
                    : new CudaNetwork(weights, "H_level", weights.hLayers, batch, mem, shared,
                    applications > 0 ? 1 : 0, bb);
            logits = mem.allocate((long) batch * config.seqLen() * config.vocabSize());
            first = mem.allocate((long) batch * config.hiddenSize());
        } catch (RuntimeException e) {
            mem.close();
            throw e;
        }
        host = new float[batch * config.totalSeqLen() * config.hiddenSize()];
        firstRows = new float[batch * config.hiddenSize()];
        firstRowsGrad = new float[batch * config.hiddenSize()];
        tokens = new int[batch * config.seqLen()];
    }

    /**
     * The operations a trainer runs on: its own copy of the parameters on the GPU, and slots for the activations of
     * the differentiable part of a segment (HRM: one application per module; TRM: L_cycles + 1 of its one network).
     *
     * @param params flat row-major tensors under the reference key names (not modified; copied)
     */
    static CudaModelOps forTraining(CudaContext ctx, HrmConfig config, Map<String, float[]> params, int batch) {
        int applications = config.sharedNetwork() ? config.lCycles() + 1 : 1;
        CudaWeights w = new CudaWeights(ctx, config, params, false);
        try {
            return new CudaModelOps(w, batch, applications, true);
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
    }

    @Override
    public void refreshWeights(Map<String, float[]> params) {
        checkOpen();
        weights.refresh(params);
    }

    /** @return the GPU these operations run on */
    CudaContext context() {
        return ctx;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public DeviceArray newStream() {
        checkOpen();
        ctx.enter();
        DeviceArray a = mem.allocate((long) batch * config.totalSeqLen() * config.hiddenSize());
        ctx.driver.fill32(a.pointer(), 0, a.length());
        return a;
    }

    @Override
    public Network<DeviceArray> lNetwork() {
        return lNetwork;
    }

    @Override
    public Network<DeviceArray> hNetwork() {
        return hNetwork;
    }

    @Override
    public void sum(DeviceArray out, DeviceArray a, DeviceArray b) {
        checkOpen();
        ctx.enter();
        ctx.kernels.elementwise("add2", out.length(), out.pointer(), a.pointer(), b.pointer(), out.length());
    }

    @Override
    public void sum(DeviceArray out, DeviceArray a, DeviceArray b, DeviceArray c) {
        checkOpen();
        ctx.enter();
        ctx.kernels.elementwise("add3", out.length(), out.pointer(), a.pointer(), b.pointer(), c.pointer(),
                out.length());
    }

    @Override
    public void copy(DeviceArray dst, DeviceArray src) {
        checkOpen();
        ctx.enter();
        ctx.driver.copyOnDevice(dst.pointer(), src.pointer(), src.bytes());
    }

    @Override
    public void put(DeviceArray dst, float[] src) {
        checkOpen();
        ctx.enter();
        ctx.upload(src, 0, src.length, dst.pointer());
    }

    @Override
    public void get(DeviceArray src, float[] dst) {
        checkOpen();
        ctx.enter();
        ctx.download(src.pointer(), dst, 0, dst.length);
    }

    /** Writes one batch row's part {@code [S·D]} of a stream from the host (not modified). */
    void putRow(DeviceArray dst, int row, float[] src) {
        checkOpen();
        ctx.enter();
        ctx.upload(src, 0, src.length, dst.at((long) row * src.length));
    }

    /** Reads one batch row's part {@code [S·D]} of a stream into the host. */
    void getRow(DeviceArray src, int row, float[] dst) {
        checkOpen();
        ctx.enter();
        ctx.download(src.at((long) row * dst.length), dst, 0, dst.length);
    }

    @Override
    public void embed(int[] tokenIds, float[] prefixRows, DeviceArray out) {
        checkOpen();
        weights.embedding.compute(tokenIds, prefixRows, host);
        System.arraycopy(tokenIds, 0, tokens, 0, tokens.length);
        put(out, host);
    }

    @Override
    public void embeddingBackward(DeviceArray dx, Map<String, float[]> grads) {
        get(dx, host);
        weights.embedding.backward(tokens, host, grads);
    }

    @Override
    public void heads(DeviceArray z, float[] logitsOut, float[] q) {
        checkOpen();
        ctx.enter();
        if (logitsOut != null) {
            lmHead(z);
            ctx.download(logits.pointer(), logitsOut, 0, logitsOut.length);
        }
        if (q != null) {
            readFirstRows(z);
            weights.qHead.apply(firstRows, q);
        }
    }

    /** {@link #logits} ← lm_head(z) on the grid rows of every batch row. */
    private void lmHead(DeviceArray z) {
        int s = config.totalSeqLen();
        int p = config.puzzleEmbLen();
        int seq = config.seqLen();
        int d = config.hiddenSize();
        int v = config.vocabSize();
        if (p == 0) {
            ctx.blas.linear(z.pointer(), weights.lmHead.pointer(), logits.pointer(), batch * seq, d, v, false);
            return;
        }
        for (int b = 0; b < batch; b++) {
            ctx.blas.linear(z.at(((long) b * s + p) * d), weights.lmHead.pointer(), logits.at((long) b * seq * v),
                    seq, d, v, false);
        }
    }

    @Override
    public void headsBackward(DeviceArray z, float[] gLogits, float[] gQ, DeviceArray dz, Map<String, float[]> grads) {
        checkOpen();
        ctx.enter();
        int s = config.totalSeqLen();
        int p = config.puzzleEmbLen();
        int seq = config.seqLen();
        int d = config.hiddenSize();
        int v = config.vocabSize();
        readFirstRows(z);
        weights.qHead.backward(firstRows, gQ, firstRowsGrad, grads);
        ctx.driver.fill32(dz.pointer(), 0, dz.length());
        for (int b = 0; b < batch; b++) {
            ctx.upload(firstRowsGrad, b * d, d, dz.at((long) b * s * d));
        }
        ctx.upload(gLogits, 0, gLogits.length, logits.pointer());
        if (lmHeadGrad == null) {
            lmHeadGrad = mem.allocate((long) v * d);
        }
        for (int b = 0; b < batch; b++) {
            long rows = (long) b * s + p;
            long g = logits.at((long) b * seq * v);
            ctx.blas.gemm(true, false, v, d, seq, g, v, z.at(rows * d), d, b > 0, lmHeadGrad.pointer(), d);
            ctx.blas.gemm(false, false, seq, d, v, g, v, weights.lmHead.pointer(), d, true, dz.at(rows * d), d);
        }
        float[] out = grads.computeIfAbsent("lm_head.weight", k -> new float[v * d]);
        ctx.download(lmHeadGrad.pointer(), out, 0, out.length);
    }

    /** {@link #firstRows} ← position 0 of each row of {@code z}. */
    private void readFirstRows(DeviceArray z) {
        int d = config.hiddenSize();
        ctx.kernels.elementwise("first_positions", (long) batch * d, z.pointer(), first.pointer(), batch,
                config.totalSeqLen(), d);
        ctx.download(first.pointer(), firstRows, 0, firstRows.length);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("these GPU operations were closed");
        }
        weights.checkOpen();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            mem.close();
            if (ownsWeights) {
                weights.close();
            }
        }
    }
}
