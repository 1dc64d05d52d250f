package org.hrmlab.engine.cpu;

/**
 * TRM's MLP-variant block ({@code mlp_t}, hrm-reference.md §6.1) on the CPU, forward and backward, post-norm like the
 * attention block:
 * <pre>
 *   h ← RMSNorm_S(h + SwiGLU_S(h))     token mixing: each of the D channels is a vector over the S positions
 *   h ← RMSNorm(h + SwiGLU(h))          the usual channel SwiGLU over the hidden axis ({@link AttentionBlock#channelMlp})
 * </pre>
 * The reference transposes each example to {@code [D, S]}, applies a SwiGLU of width S and an RMSNorm over its last
 * axis, the sequence, then transposes back. Here the same products are taken on the {@code [S, D]} layout without
 * transposing: per example {@code G|U = W_gate_up · h} ({@code [2·Iₜ, S] × [S, D]}),
 * {@code h ← h + W_down · (SiLU(G) ⊙ U)}, and the norm runs down each column. The residual stream {@code [N, D]} is
 * updated in place; one instance per block, buffers from the caller ({@link TokenMlpActivations}, {@link Scratch},
 * {@link BackwardBuffers}), so the same block serves inference and training. The caller has called
 * {@link Gemm#useEngineThreads()}.
 */
public final class TokenMlpBlock {
    private final TokenMlpWeights w;
    private final AttentionBlock channel;
    private final float eps;
    private final Kernels k = Kernels.get();

    /**
     * @param weights the block's weights (refilled in place by their owner)
     * @param eps     RMSNorm epsilon
     */
    public TokenMlpBlock(TokenMlpWeights weights, double eps) {
        this.w = weights;
        this.channel = new AttentionBlock(weights.channel, null, null, eps);
        this.eps = (float) eps;
    }

    /** @return the weights */
    public TokenMlpWeights weights() {
        return w;
    }

    /**
     * Applies the block in place.
     *
     * @param x   {@code [N, D]} residual stream (modified)
     * @param act where intermediate values go (kept for {@link #backward} if {@code act} keeps them)
     */
    public void forward(NativeArray x, TokenMlpActivations act, Scratch s) {
        BlockShape sh = act.shape;
        int pos = sh.positions();
        int d = sh.hidden();
        int interT = act.interT;
        if (act.kept) {
            act.input.copyFrom(x);
        }
        for (int b = 0; b < sh.batch(); b++) {
            long at = (long) b * pos * d;
            int e = act.kept ? b : 0;
            long gu = (long) e * 2 * interT * d;
            Gemm.parallel(s.workers, false, false, 2 * interT, d, pos, 1f, w.gateUp.matrix(pos), x.at(at, d), 0f,
                    act.gu.at(gu, d));
            // SiLU(G) ⊙ U: kept in m, or written over G
            NativeArray m = act.kept ? act.m : act.gu;
            long mAt = act.kept ? (long) e * interT * d : gu;
            int len = interT * d;
            act.gu.get((int) gu, act.hostA, 0, 2 * len);
            k.siluMul(act.hostA, 0, len, act.hostA, 0, len);
            m.put((int) mAt, act.hostA, 0, len);
            Gemm.parallel(s.workers, false, false, pos, d, interT, 1f, w.down.matrix(interT), m.at(mAt, d), 1f,
                    x.at(at, d));
            normColumns(x, (int) at, pos, d, act, e * d);
        }
        channel.channelMlp(x, act.channel, s);
    }

    /**
     * Back-propagates through the block.
     *
     * @param dy         {@code [N, D]} d loss / d output; replaced by d loss / d input
     * @param act        the activations its {@link #forward} kept
     * @param grad       receives the weight gradients
     * @param accumulate true to add them to {@code grad} (a block applied several times), false to overwrite it
     * @param bb         made with the token SwiGLU's width
     */
    public void backward(NativeArray dy, TokenMlpActivations act, TokenMlpWeights grad, boolean accumulate,
                         BackwardBuffers bb, Scratch s) {
        BlockShape sh = act.shape;
        int pos = sh.positions();
        int d = sh.hidden();
        int interT = act.interT;
        int len = interT * d;
        channel.channelMlpBackward(dy, act.channel, grad.channel, accumulate, bb, s);
        for (int b = 0; b < sh.batch(); b++) {
            long at = (long) b * pos * d;
            float beta = accumulate || b > 0 ? 1f : 0f;
            // the norm over the sequence: dy becomes d(residual sum); the token mixing's output is the channel's input
            normColumnsBackward(dy, act.channel.h, (int) at, pos, d, act, b * d);
            Gemm.parallel(s.workers, false, true, pos, interT, d, 1f, dy.at(at, d), act.m.at((long) b * len, d), beta,
                    grad.down.matrix(interT));
            Gemm.parallel(s.workers, true, false, interT, d, pos, 1f, w.down.matrix(interT), dy.at(at, d), 0f,
                    bb.tokenDm.matrix(d));
            act.gu.get(b * 2 * len, act.hostA, 0, 2 * len);
            bb.tokenDm.get(0, act.hostB, 0, len);
            k.siluMulBackward(act.hostA, 0, len, act.hostB, 0, act.hostA, 0, len, len);
            bb.tokenDgu.put(0, act.hostA, 0, 2 * len);
            Gemm.parallel(s.workers, false, true, 2 * interT, pos, d, 1f, bb.tokenDgu.matrix(d),
                    act.input.at(at, d), beta, grad.gateUp.matrix(pos));
            Gemm.parallel(s.workers, true, false, pos, d, 2 * interT, 1f, w.gateUp.matrix(pos), bb.tokenDgu.matrix(d),
                    1f, dy.at(at, d));
        }
    }

    /**
     * Weightless RMSNorm over the first axis of the {@code [rows, width]} matrix at {@code offset}: each column divided
     * by its root mean square (over the sequence), in place; the factors go to {@code act.colInv[inv ..]}.
     */
    private void normColumns(NativeArray x, int offset, int rows, int width, TokenMlpActivations act, int inv) {
        float[] host = act.hostB;
        double[] sums = act.sums;
        x.get(offset, host, 0, rows * width);
        java.util.Arrays.fill(sums, 0.0);
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            for (int i = 0; i < width; i++) {
                float v = host[o + i];
                sums[i] += v * v;
            }
        }
        for (int i = 0; i < width; i++) {
            act.colInv[inv + i] = (float) (1.0 / Math.sqrt((float) (sums[i] / rows) + eps));
        }
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            for (int i = 0; i < width; i++) {
                host[o + i] *= act.colInv[inv + i];
            }
        }
        x.put(offset, host, 0, rows * width);
    }

    /** Backward of {@link #normColumns} in place on {@code dy}: per column {@code inv · (dy − y · mean(dy ⊙ y))}. */
    private void normColumnsBackward(NativeArray dy, NativeArray y, int offset, int rows, int width,
                                     TokenMlpActivations act, int inv) {
        float[] g = act.hostA;
        float[] yv = act.hostB;
        double[] dots = act.sums;
        dy.get(offset, g, 0, rows * width);
        y.get(offset, yv, 0, rows * width);
        java.util.Arrays.fill(dots, 0.0);
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            for (int i = 0; i < width; i++) {
                dots[i] += g[o + i] * yv[o + i];
            }
        }
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            for (int i = 0; i < width; i++) {
                float mean = (float) (dots[i] / rows);
                g[o + i] = act.colInv[inv + i] * (g[o + i] - yv[o + i] * mean);
            }
        }
        dy.put(offset, g, 0, rows * width);
    }
}
