package org.hrmlab.cuda;

import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.Network;

/**
 * A module's post-norm blocks on the GPU, applied in place to a residual stream {@code [N, D]} ({@code N = B·S}) for
 * one batch size, forward and backward:
 * <pre>
 *   h ← RMSNorm(x + Attn(x));   y ← RMSNorm(h + SwiGLU(h))
 * </pre>
 * GEMMs in cuBLAS, the rest in the kernels of {@link Kernels}, each step the CPU engine's
 * ({@code org.hrmlab.engine.cpu.AttentionBlock}) on device memory. The no-grad forward runs on the batch's shared
 * buffers; a kept forward stores each block's activations in its application's slot for {@link #backward}. Weight
 * gradients live here, summed over backward calls until one starts afresh. Not thread-safe.
 */
final class CudaNetwork implements Network<DeviceArray> {
    private final CudaContext ctx;
    private final String module;
    private final List<CudaWeights.Layer> layers;
    private final DeviceArray cos;
    private final DeviceArray sin;
    private final int batch;
    private final int seq;
    private final int rows;
    private final int hidden;
    private final int heads;
    private final int headDim;
    private final int inter;
    private final int interT;
    private final float eps;
    private final float scale;
    /** {@code [N, 3D]} and {@code [B, heads, S, hd]}: shared by every application. */
    private final DeviceArray qkv;
    private final DeviceArray headOut;
    private final BlockActivations noGrad;
    /** {@code [application][layer]}; empty without slots. */
    private final BlockActivations[][] kept;
    /** Per layer, {@code [out, in]} like the weights; null without slots. */
    private final CudaWeights.Layer[] grads;
    private final BackwardBuffers bb;

    /**
     * @param module       {@code L_level} or {@code H_level}: the gradients' key prefix
     * @param shared       the batch's no-grad activations and the fused-projection and head buffers
     * @param applications slots of kept activations; 0 for a no-grad network
     * @param bb           the batch's backward buffers (null when {@code applications == 0})
     */
    CudaNetwork(CudaWeights w, String module, List<CudaWeights.Layer> layers, int batch, DeviceBuffers mem,
                SharedBuffers shared, int applications, BackwardBuffers bb) {
        HrmConfig c = w.config;
        this.ctx = w.ctx;
        this.module = module;
        this.layers = layers;
        this.cos = w.cos;
        this.sin = w.sin;
        this.batch = batch;
        this.seq = c.totalSeqLen();
        this.rows = batch * seq;
        this.hidden = c.hiddenSize();
        this.heads = c.numHeads();
        this.headDim = c.headDim();
        this.inter = c.mlpInterSize();
        this.interT = c.mlpT() ? c.mlpTInterSize() : 0;
        this.eps = (float) c.rmsNormEps();
        this.scale = (float) (1.0 / Math.sqrt(headDim));
        this.qkv = shared.qkv();
        this.headOut = shared.headOut();
        this.noGrad = shared.noGrad();
        this.bb = bb;
        kept = new BlockActivations[applications][layers.size()];
        for (BlockActivations[] slot : kept) {
            for (int i = 0; i < slot.length; i++) {
                slot[i] = new BlockActivations(mem, c, batch, true);
            }
        }
        grads = applications > 0 ? new CudaWeights.Layer[layers.size()] : null;
        for (int i = 0; grads != null && i < layers.size(); i++) {
            CudaWeights.Layer layer = layers.get(i);
            grads[i] = new CudaWeights.Layer(like(mem, layer.qkv()), like(mem, layer.o()),
                    like(mem, layer.tokenGateUp()), like(mem, layer.tokenDown()), like(mem, layer.gateUp()),
                    like(mem, layer.down()));
        }
    }

    private static DeviceArray like(DeviceBuffers mem, DeviceArray a) {
        return a == null ? null : mem.allocate(a.length());
    }

    /** The no-grad activations and the buffers every application of a batch shares. */
    record SharedBuffers(DeviceArray qkv, DeviceArray headOut, BlockActivations noGrad) {
        static SharedBuffers of(DeviceBuffers mem, HrmConfig c, int batch) {
            long n = (long) batch * c.totalSeqLen() * c.hiddenSize();
            return new SharedBuffers(mem.allocate(3 * n), mem.allocate(n), new BlockActivations(mem, c, batch, false));
        }
    }

    @Override
    public void forward(DeviceArray x, int application) {
        ctx.enter();
        for (int i = 0; i < layers.size(); i++) {
            block(layers.get(i), x, application == NO_GRAD ? noGrad : kept[application][i]);
        }
    }

    @Override
    public void backward(DeviceArray dy, int application, boolean accumulate) {
        ctx.enter();
        for (int i = layers.size() - 1; i >= 0; i--) {
            blockBackward(layers.get(i), dy, kept[application][i], grads[i], accumulate);
        }
    }

    @Override
    public void gradientsTo(Map<String, float[]> out) {
        if (grads == null) {
            return;
        }
        ctx.enter();
        for (int i = 0; i < grads.length; i++) {
            DeviceArray[] g = CudaWeights.tensors(grads[i]);
            for (int k = 0; k < g.length; k++) {
                if (g[k] != null) {
                    download(g[k], out, CudaWeights.prefix(module, i) + CudaWeights.KEYS[k]);
                }
            }
        }
    }

    private void download(DeviceArray g, Map<String, float[]> out, String key) {
        float[] host = out.computeIfAbsent(key, k -> new float[(int) g.length()]);
        ctx.download(g.pointer(), host, 0, host.length);
    }

    private void copy(DeviceArray dst, DeviceArray src) {
        ctx.driver.copyOnDevice(dst.pointer(), src.pointer(), src.bytes());
    }

    /** One block in place on {@code x}. */
    private void block(CudaWeights.Layer w, DeviceArray x, BlockActivations a) {
        if (a.kept) {
            copy(a.input, x);
        }
        if (w.tokenMixing()) {
            tokenMixing(w, x, a);
        } else {
            attention(w, x, a);
        }
        if (a.kept) {
            copy(a.h, x);
        }
        Kernels k = ctx.kernels;
        CuBlas blas = ctx.blas;
        int d = hidden;
        blas.linear(x.pointer(), w.gateUp().pointer(), a.gateUp.pointer(), rows, d, 2 * inter, false);
        k.elementwise("swiglu", (long) rows * inter, a.gateUp.pointer(), a.act.pointer(), (long) rows, inter);
        blas.linear(a.act.pointer(), w.down().pointer(), x.pointer(), rows, inter, d, true);
        k.perRow("rms_norm", rows, d, x.pointer(), d, eps, a.kept ? a.inv2.pointer() : 0L);
        if (a.kept) {
            copy(a.y, x);
        }
    }

    /** {@code x ← RMSNorm(x + Attn(x))} in place. */
    private void attention(CudaWeights.Layer w, DeviceArray x, BlockActivations a) {
        Kernels k = ctx.kernels;
        CuBlas blas = ctx.blas;
        int d = hidden;
        long n = (long) rows * d;
        long hs = (long) seq * headDim;
        long ss = (long) seq * seq;
        blas.linear(x.pointer(), w.qkv().pointer(), qkv.pointer(), rows, d, 3 * d, false);
        k.elementwise("rope_split", (long) rows * heads * (headDim / 2), qkv.pointer(), a.q.pointer(), a.k.pointer(),
                a.v.pointer(), cos.pointer(), sin.pointer(), batch, seq, heads, headDim, scale);
        blas.gemmBatched(false, true, seq, seq, headDim, a.q.pointer(), headDim, hs, a.k.pointer(), headDim, hs,
                a.probs.pointer(), seq, ss, batch * heads);
        k.perRow("softmax_rows", (long) batch * heads * seq, seq, a.probs.pointer(), seq);
        blas.gemmBatched(false, false, seq, headDim, seq, a.probs.pointer(), seq, ss, a.v.pointer(), headDim, hs,
                headOut.pointer(), headDim, hs, batch * heads);
        k.elementwise("merge_heads", n, headOut.pointer(), a.attn.pointer(), batch, seq, heads, headDim);
        blas.linear(a.attn.pointer(), w.o().pointer(), x.pointer(), rows, d, d, true);
        k.perRow("rms_norm", rows, d, x.pointer(), d, eps, a.kept ? a.inv1.pointer() : 0L);
    }

    /**
     * TRM's token mixing in place: per example {@code x ← RMSNorm_S(x + W_down · SwiGLU(W_gate_up · x))}, the products
     * taken on the {@code [S, D]} layout (as the CPU engine's {@code TokenMlpBlock}) and the norm down each column.
     */
    private void tokenMixing(CudaWeights.Layer w, DeviceArray x, BlockActivations a) {
        int d = hidden;
        long sd = (long) seq * d;
        long gd = 2L * interT * d;
        long md = (long) interT * d;
        ctx.blas.gemmBatched(false, false, 2 * interT, d, seq, w.tokenGateUp().pointer(), seq, 0, x.pointer(), d, sd,
                false, a.tokenGateUp.pointer(), d, gd, batch);
        ctx.kernels.elementwise("swiglu", (long) batch * interT * d, a.tokenGateUp.pointer(), a.tokenAct.pointer(),
                (long) batch, interT * d);
        ctx.blas.gemmBatched(false, false, seq, d, interT, w.tokenDown().pointer(), interT, 0, a.tokenAct.pointer(), d,
                md, true, x.pointer(), d, sd, batch);
        ctx.kernels.elementwise("rms_norm_columns", (long) batch * d, x.pointer(), batch, seq, d, eps,
                a.kept ? a.inv1.pointer() : 0L);
    }

    /** One block's backward: {@code dy} (d loss / d output) becomes d loss / d input; weight gradients into g. */
    private void blockBackward(CudaWeights.Layer w, DeviceArray dy, BlockActivations a, CudaWeights.Layer g,
                               boolean accumulate) {
        Kernels k = ctx.kernels;
        CuBlas blas = ctx.blas;
        int d = hidden;
        // second norm and SwiGLU: dy becomes d loss / d (h + SwiGLU(h))
        k.perRow("rms_norm_backward", rows, d, dy.pointer(), a.y.pointer(), a.inv2.pointer(), d);
        blas.gemm(true, false, d, inter, rows, dy.pointer(), d, a.act.pointer(), inter, accumulate, g.down().pointer(),
                inter);
        blas.gemm(false, false, rows, inter, d, dy.pointer(), d, w.down().pointer(), inter, false, bb.dact.pointer(),
                inter);
        k.elementwise("swiglu_backward", (long) rows * inter, a.gateUp.pointer(), bb.dact.pointer(),
                bb.dgateUp.pointer(), (long) rows, inter);
        blas.gemm(true, false, 2 * inter, d, rows, bb.dgateUp.pointer(), 2 * inter, a.h.pointer(), d, accumulate,
                g.gateUp().pointer(), d);
        copy(bb.dh, dy);
        blas.gemm(false, false, rows, d, 2 * inter, bb.dgateUp.pointer(), 2 * inter, w.gateUp().pointer(), d, true,
                bb.dh.pointer(), d);
        if (w.tokenMixing()) {
            tokenMixingBackward(w, dy, a, g, accumulate);
        } else {
            attentionBackward(w, dy, a, g, accumulate);
        }
    }

    /** The first sub-layer's backward, from {@code bb.dh} (d loss / d its output) into {@code dy}. */
    private void attentionBackward(CudaWeights.Layer w, DeviceArray dy, BlockActivations a, CudaWeights.Layer g,
                                   boolean accumulate) {
        Kernels k = ctx.kernels;
        CuBlas blas = ctx.blas;
        int d = hidden;
        long n = (long) rows * d;
        long hs = (long) seq * headDim;
        long ss = (long) seq * seq;
        int count = batch * heads;
        // first norm and attention: dh becomes d loss / d (x + Attn(x))
        k.perRow("rms_norm_backward", rows, d, bb.dh.pointer(), a.h.pointer(), a.inv1.pointer(), d);
        blas.gemm(true, false, d, d, rows, bb.dh.pointer(), d, a.attn.pointer(), d, accumulate, g.o().pointer(), d);
        blas.gemm(false, false, rows, d, d, bb.dh.pointer(), d, w.o().pointer(), d, false, bb.dattn.pointer(), d);
        k.elementwise("split_heads", n, bb.dattn.pointer(), bb.dout.pointer(), batch, seq, heads, headDim);
        blas.gemmBatched(false, true, seq, seq, headDim, bb.dout.pointer(), headDim, hs, a.v.pointer(), headDim, hs,
                bb.dprobs.pointer(), seq, ss, count);
        blas.gemmBatched(true, false, seq, headDim, seq, a.probs.pointer(), seq, ss, bb.dout.pointer(), headDim, hs,
                bb.dv.pointer(), headDim, hs, count);
        k.perRow("softmax_backward", (long) count * seq, seq, a.probs.pointer(), bb.dprobs.pointer(), seq);
        blas.gemmBatched(false, false, seq, headDim, seq, bb.dprobs.pointer(), seq, ss, a.k.pointer(), headDim, hs,
                bb.dq.pointer(), headDim, hs, count);
        blas.gemmBatched(true, false, seq, headDim, seq, bb.dprobs.pointer(), seq, ss, a.q.pointer(), headDim, hs,
                bb.dk.pointer(), headDim, hs, count);
        k.elementwise("rope_merge_backward", (long) rows * heads * (headDim / 2), bb.dq.pointer(), bb.dk.pointer(),
                bb.dv.pointer(), bb.dqkv.pointer(), cos.pointer(), sin.pointer(), batch, seq, heads, headDim, scale);
        blas.gemm(true, false, 3 * d, d, rows, bb.dqkv.pointer(), 3 * d, a.input.pointer(), d, accumulate,
                g.qkv().pointer(), d);
        copy(dy, bb.dh);
        blas.gemm(false, false, rows, d, 3 * d, bb.dqkv.pointer(), 3 * d, w.qkv().pointer(), d, true, dy.pointer(), d);
    }

    /** The token mixing's backward, from {@code bb.dh} (d loss / d its output) into {@code dy}. */
    private void tokenMixingBackward(CudaWeights.Layer w, DeviceArray dy, BlockActivations a, CudaWeights.Layer g,
                                     boolean accumulate) {
        CuBlas blas = ctx.blas;
        int d = hidden;
        long sd = (long) seq * d;
        long gd = 2L * interT * d;
        long md = (long) interT * d;
        ctx.kernels.elementwise("rms_norm_columns_backward", (long) batch * d, bb.dh.pointer(), a.h.pointer(),
                a.inv1.pointer(), batch, seq, d);
        for (int b = 0; b < batch; b++) {
            blas.gemm(false, true, seq, interT, d, bb.dh.at(b * sd), d, a.tokenAct.at(b * md), d, accumulate || b > 0,
                    g.tokenDown().pointer(), interT);
        }
        blas.gemmBatched(true, false, interT, d, seq, w.tokenDown().pointer(), interT, 0, bb.dh.pointer(), d, sd,
                false, bb.tokenDact.pointer(), d, md, batch);
        ctx.kernels.elementwise("swiglu_backward", (long) batch * interT * d, a.tokenGateUp.pointer(),
                bb.tokenDact.pointer(), bb.tokenDgateUp.pointer(), (long) batch, interT * d);
        for (int b = 0; b < batch; b++) {
            blas.gemm(false, true, 2 * interT, seq, d, bb.tokenDgateUp.at(b * gd), d, a.input.at(b * sd), d,
                    accumulate || b > 0, g.tokenGateUp().pointer(), seq);
        }
        copy(dy, bb.dh);
        blas.gemmBatched(true, false, seq, d, 2 * interT, w.tokenGateUp().pointer(), seq, 0, bb.tokenDgateUp.pointer(),
                d, gd, true, dy.pointer(), d, sd, batch);
    }
}
