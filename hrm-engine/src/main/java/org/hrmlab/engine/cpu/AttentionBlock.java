package org.hrmlab.engine.cpu;

/**
 * The reference's post-norm block on the CPU (hrm-reference.md §1.3), forward and backward:
 * <pre>
 *   h ← RMSNorm(x + Attn(x));   y ← RMSNorm(h + SwiGLU(h))
 * </pre>
 * with weightless RMSNorm, rotate-half RoPE on queries and keys (the identity table for models without it), full
 * non-causal attention scaled by {@code 1/√hd}, and bias-free projections. The residual stream {@code [N, D]} is
 * updated in place; products are GEMMs on native memory with offsets, so heads are never split into or merged from
 * separate arrays: head {@code h}'s queries are columns {@code h·hd ..} of the fused projection, its output goes straight
 * to its columns of the merged array. Element-wise passes ({@link Kernels}) run row chunks on all {@link Workers};
 * attention runs one (example, head) pair per task.
 *
 * <p>One instance per block; its buffers come from the caller ({@link BlockActivations}, {@link Scratch},
 * {@link BackwardBuffers}), so the same block serves inference and training. The caller has called
 * {@link Gemm#useEngineThreads()}.
 */
public final class AttentionBlock {
    private final BlockWeights w;
    private final float[] cos;
    private final float[] sin;
    private final float eps;
    private final Kernels k = Kernels.get();

    /**
     * @param weights the block's weights (refilled in place by their owner)
     * @param cos     {@code [S, hd]} rotary cosines (all 1 without RoPE); null for a block without attention
     * @param sin     {@code [S, hd]} rotary sines (all 0 without RoPE)
     * @param eps     RMSNorm epsilon
     */
    public AttentionBlock(BlockWeights weights, float[] cos, float[] sin, double eps) {
        this.w = weights;
        this.cos = cos;
        this.sin = sin;
        this.eps = (float) eps;
    }

    /** @return the weights */
    public BlockWeights weights() {
        return w;
    }

    /**
     * Applies the block in place.
     *
     * @param x   {@code [N, D]} residual stream (modified)
     * @param act where intermediate values go (kept for {@link #backward} if {@code act} keeps them)
     */
    public void forward(NativeArray x, BlockActivations act, Scratch s) {
        BlockShape sh = act.shape;
        int n = sh.rows();
        int d = sh.hidden();
        int a = sh.heads() * sh.headDim();
        if (act.kept) {
            act.input.copyFrom(x);
        }
        Gemm.parallel(s.workers, false, true, n, 3 * a, d, 1f, x.matrix(d), w.qkv.matrix(d), 0f, act.qkv.matrix(3 * a));
        rotate(act.qkv, sh, s, false);
        attend(act, s);
        Gemm.parallel(s.workers, false, true, n, d, a, 1f, act.attn.matrix(a), w.o.matrix(a), 1f, x.matrix(d));
        normRows(x, d, n, act.inv1, s);
        channelMlp(x, act, s);
    }

    /**
     * The block's second sub-layer alone, {@code x ← RMSNorm(x + SwiGLU(x))} in place (also TRM's MLP-variant block
     * after its token mixing).
     */
    public void channelMlp(NativeArray x, BlockActivations act, Scratch s) {
        BlockShape sh = act.shape;
        int n = sh.rows();
        int d = sh.hidden();
        int inter = sh.inter();
        if (act.kept) {
            act.h.copyFrom(x);
        }
        Gemm.parallel(s.workers, false, true, n, 2 * inter, d, 1f, x.matrix(d), w.gateUp.matrix(d), 0f,
                act.gu.matrix(2 * inter));
        NativeArray m = act.kept ? act.m : act.gu;
        int ldm = act.kept ? inter : 2 * inter;
        s.rows(n, 2 * inter, (from, to, wk) -> {
            float[] st = s.a[wk];
            act.gu.get(from * 2 * inter, st, 0, (to - from) * 2 * inter);
            for (int r = from; r < to; r++) {
                int o = (r - from) * 2 * inter;
                k.siluMul(st, o, o + inter, st, o, inter);
                m.put(r * ldm, st, o, inter);
            }
        });
        Gemm.parallel(s.workers, false, true, n, d, inter, 1f, m.matrix(ldm), w.down.matrix(inter), 1f,
                x.matrix(d));
        normRows(x, d, n, act.inv2, s);
        if (act.kept) {
            act.y.copyFrom(x);
        }
    }

    /**
     * Back-propagates through the block.
     *
     * @param dy         {@code [N, D]} d loss / d output; replaced by d loss / d input
     * @param act        the activations its {@link #forward} kept
     * @param grad       receives the weight gradients
     * @param accumulate true to add them to {@code grad} (a block applied several times, as TRM's shared network),
     *                   false to overwrite it
     */
    public void backward(NativeArray dy, BlockActivations act, BlockWeights grad, boolean accumulate,
                         BackwardBuffers bb, Scratch s) {
        float beta = accumulate ? 1f : 0f;
        BlockShape sh = act.shape;
        int n = sh.rows();
        int d = sh.hidden();
        int a = sh.heads() * sh.headDim();
        channelBackward(dy, act, grad, beta, bb, s);
        // first norm and attention: dh becomes dr1
        normBackwardRows(bb.dh, act.h, act.inv1, d, n, s);
        Gemm.parallel(s.workers, true, false, d, a, n, 1f, bb.dh.matrix(d), act.attn.matrix(a), beta,
                grad.o.matrix(a));
        Gemm.parallel(s.workers, false, false, n, a, d, 1f, bb.dh.matrix(d), w.o.matrix(a), 0f, bb.dattn.matrix(a));
        attendBackward(act, bb, s);
        rotate(bb.dqkv, sh, s, true);
        Gemm.parallel(s.workers, true, false, 3 * a, d, n, 1f, bb.dqkv.matrix(3 * a), act.input.matrix(d), beta,
                grad.qkv.matrix(d));
        dy.copyFrom(bb.dh);
        Gemm.parallel(s.workers, false, false, n, d, 3 * a, 1f, bb.dqkv.matrix(3 * a), w.qkv.matrix(d), 1f,
                dy.matrix(d));
    }

    /**
     * Back-propagates through the second sub-layer alone ({@link #channelMlp}).
     *
     * @param dy         {@code [N, D]} d loss / d output; replaced by d loss / d the sub-layer's input
     * @param act        the activations {@link #channelMlp} kept
     * @param grad       receives the SwiGLU's weight gradients
     * @param accumulate true to add them to {@code grad}, false to overwrite it
     */
    public void channelMlpBackward(NativeArray dy, BlockActivations act, BlockWeights grad, boolean accumulate,
                                   BackwardBuffers bb, Scratch s) {
        channelBackward(dy, act, grad, accumulate ? 1f : 0f, bb, s);
        dy.copyFrom(bb.dh);
    }

    /** The second sub-layer's backward: d loss / d its input into {@code bb.dh} ({@code dy} is overwritten). */
    private void channelBackward(NativeArray dy, BlockActivations act, BlockWeights grad, float beta,
                                 BackwardBuffers bb, Scratch s) {
        BlockShape sh = act.shape;
        int n = sh.rows();
        int d = sh.hidden();
        int inter = sh.inter();
        // second norm and SwiGLU: dy becomes dr2
        normBackwardRows(dy, act.y, act.inv2, d, n, s);
        Gemm.parallel(s.workers, true, false, d, inter, n, 1f, dy.matrix(d), act.m.matrix(inter), beta,
                grad.down.matrix(inter));
        Gemm.parallel(s.workers, false, false, n, inter, d, 1f, dy.matrix(d), w.down.matrix(inter), 0f,
                bb.dm.matrix(inter));
        s.rows(n, 2 * inter, (from, to, wk) -> {
            float[] gu = s.a[wk];
            float[] dm = s.b[wk];
            int rows = to - from;
            act.gu.get(from * 2 * inter, gu, 0, rows * 2 * inter);
            bb.dm.get(from * inter, dm, 0, rows * inter);
            for (int r = 0; r < rows; r++) {
                int o = r * 2 * inter;
                k.siluMulBackward(gu, o, o + inter, dm, r * inter, gu, o, o + inter, inter);
            }
            bb.dgu.put(from * 2 * inter, gu, 0, rows * 2 * inter);
        });
        Gemm.parallel(s.workers, true, false, 2 * inter, d, n, 1f, bb.dgu.matrix(2 * inter), act.h.matrix(d), beta,
                grad.gateUp.matrix(d));
        bb.dh.copyFrom(dy);
        Gemm.parallel(s.workers, false, false, n, d, 2 * inter, 1f, bb.dgu.matrix(2 * inter), w.gateUp.matrix(d), 1f,
                bb.dh.matrix(d));
    }

    /** RoPE (and the query scale) on the Q and K columns of every row, in place; or its transpose on gradients. */
    private void rotate(NativeArray qkv, BlockShape sh, Scratch s, boolean backward) {
        int hd = sh.headDim();
        int a = sh.heads() * hd;
        int width = 3 * a;
        int positions = sh.positions();
        float scale = (float) (1.0 / Math.sqrt(hd));
        s.rows(sh.rows(), width, (from, to, wk) -> {
            float[] st = s.a[wk];
            qkv.get(from * width, st, 0, (to - from) * width);
            for (int r = from; r < to; r++) {
                int o = (r - from) * width;
                int t = (r % positions) * hd;
                for (int h = 0; h < sh.heads(); h++) {
                    if (backward) {
                        k.ropeBackward(st, o + h * hd, hd, cos, sin, t, scale);
                        k.ropeBackward(st, o + a + h * hd, hd, cos, sin, t, 1f);
                    } else {
                        k.rope(st, o + h * hd, hd, cos, sin, t, scale);
                        k.rope(st, o + a + h * hd, hd, cos, sin, t, 1f);
                    }
                }
                qkv.put(r * width, st, o, 2 * a);
            }
        });
    }

    /** Every (example, head): probabilities {@code softmax(Q Kᵀ)} and output {@code P V} into its columns. */
    private void attend(BlockActivations act, Scratch s) {
        BlockShape sh = act.shape;
        int heads = sh.heads();
        int hd = sh.headDim();
        int a = heads * hd;
        int len = sh.positions();
        heads(sh, s, (task, wk) -> {
            int b = task / heads;
            int h = task % heads;
            NativeArray p = act.kept ? act.probs : s.scores[wk];
            long po = act.kept ? (long) task * len * len : 0;
            long row = (long) b * len;
            Gemm.single(false, true, len, len, hd, 1f, act.qkv.at(row * 3 * a + h * hd, 3 * a),
                    act.qkv.at(row * 3 * a + a + h * hd, 3 * a), 0f, p.at(po, len));
            softmaxRows(p, po, len, s.a[wk]);
            Gemm.single(false, false, len, hd, len, 1f, p.at(po, len), act.qkv.at(row * 3 * a + 2 * a + h * hd, 3 * a),
                    0f, act.attn.at(row * a + h * hd, a));
        });
    }

    /** The backward of {@link #attend}: from d(merged heads) to d(Q|K|V) (before the rotation's backward). */
    private void attendBackward(BlockActivations act, BackwardBuffers bb, Scratch s) {
        BlockShape sh = act.shape;
        int heads = sh.heads();
        int hd = sh.headDim();
        int a = heads * hd;
        int len = sh.positions();
        heads(sh, s, (task, wk) -> {
            int b = task / heads;
            int h = task % heads;
            long po = (long) task * len * len;
            long row = (long) b * len;
            long q = row * 3 * a + h * hd;
            long kk = q + a;
            long v = q + 2 * a;
            Gemm.Operand probs = act.probs.at(po, len);
            Gemm.Operand dOut = bb.dattn.at(row * a + h * hd, a);
            NativeArray dp = s.scoreGrads[wk];
            Gemm.single(false, true, len, len, hd, 1f, dOut, act.qkv.at(v, 3 * a), 0f, dp.matrix(len));
            Gemm.single(true, false, len, hd, len, 1f, probs, dOut, 0f, bb.dqkv.at(v, 3 * a));
            int fit = s.fit(len);
            float[] pa = s.a[wk];
            float[] da = s.b[wk];
            for (int r0 = 0; r0 < len; r0 += fit) {
                int rows = Math.min(len, r0 + fit) - r0;
                act.probs.get((int) (po + (long) r0 * len), pa, 0, rows * len);
                dp.get(r0 * len, da, 0, rows * len);
                for (int r = 0; r < rows; r++) {
                    k.softmaxBackward(pa, r * len, da, r * len, len);
                }
                dp.put(r0 * len, da, 0, rows * len);
            }
            Gemm.single(false, false, len, hd, len, 1f, dp.matrix(len), act.qkv.at(kk, 3 * a), 0f,
                    bb.dqkv.at(q, 3 * a));
            Gemm.single(true, false, len, hd, len, 1f, dp.matrix(len), act.qkv.at(q, 3 * a), 0f,
                    bb.dqkv.at(kk, 3 * a));
        });
    }

    /** Runs one task per (example, head) on the workers, or all on the caller when the products are small. */
    private static void heads(BlockShape sh, Scratch s, Workers.Task task) {
        int tasks = sh.batch() * sh.heads();
        long macs = 2L * tasks * sh.positions() * sh.positions() * sh.headDim();
        if (macs < Gemm.PARALLEL_MIN_MACS) {
            for (int t = 0; t < tasks; t++) {
                task.run(t, 0);
            }
        } else {
            s.workers.run(tasks, task);
        }
    }

    private void softmaxRows(NativeArray p, long offset, int len, float[] stage) {
        int fit = Math.max(1, stage.length / len);
        for (int r0 = 0; r0 < len; r0 += fit) {
            int rows = Math.min(len, r0 + fit) - r0;
            int at = (int) (offset + (long) r0 * len);
            p.get(at, stage, 0, rows * len);
            for (int r = 0; r < rows; r++) {
                k.softmax(stage, r * len, len);
            }
            p.put(at, stage, 0, rows * len);
        }
    }

    private void normRows(NativeArray x, int d, int n, float[] inv, Scratch s) {
        s.rows(n, d, (from, to, wk) -> {
            float[] st = s.a[wk];
            x.get(from * d, st, 0, (to - from) * d);
            for (int r = from; r < to; r++) {
                float f = k.rmsNorm(st, (r - from) * d, d, eps);
                if (inv != null) {
                    inv[r] = f;
                }
            }
            x.put(from * d, st, 0, (to - from) * d);
        });
    }

    private void normBackwardRows(NativeArray dy, NativeArray y, float[] inv, int d, int n, Scratch s) {
        s.rows(n, d, (from, to, wk) -> {
            float[] g = s.a[wk];
            float[] yv = s.b[wk];
            int len = (to - from) * d;
            dy.get(from * d, g, 0, len);
            y.get(from * d, yv, 0, len);
            for (int r = from; r < to; r++) {
                int o = (r - from) * d;
                k.rmsNormBackward(g, o, yv, o, inv[r], g, o, d);
            }
            dy.put(from * d, g, 0, len);
        });
    }
}
