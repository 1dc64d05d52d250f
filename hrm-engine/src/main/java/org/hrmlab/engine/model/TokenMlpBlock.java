package org.hrmlab.engine.model;

import org.hrmlab.engine.cpu.AttentionBlock;
import org.hrmlab.engine.cpu.Gemm;
import org.hrmlab.engine.cpu.Kernels;
import org.hrmlab.engine.cpu.NativeArray;

/**
 * TRM's MLP-variant block ({@code mlp_t}, hrm-reference.md §6.1), post-norm like the attention block:
 * <pre>
 *   h ← RMSNorm_S(h + SwiGLU_S(h))     token mixing: each of the D channels is a vector over the S positions
 *   h ← RMSNorm(h + SwiGLU(h))          the usual channel SwiGLU over the hidden axis
 * </pre>
 * The reference transposes each example to {@code [D, S]}, applies a SwiGLU of width S ({@code mlp_t.gate_up_proj}
 * {@code [2·interT, S]}, {@code mlp_t.down_proj [S, interT]}) and an RMSNorm over its last axis, the sequence, then
 * transposes back. Here the same products are taken on the {@code [S, D]} layout without transposing:
 * {@code out = W_down · (SiLU(W_gate · h) ⊙ (W_up · h))}, and the norm runs down each column.
 */
final class TokenMlpBlock implements ModelBlock {
    private final TokenMlpWeights w;
    private final AttentionBlock channel;
    private final float eps;
    private final Kernels k = Kernels.get();

    TokenMlpBlock(TokenMlpWeights w, double eps) {
        this.w = w;
        this.channel = new AttentionBlock(w.channel(), null, null, eps);
        this.eps = (float) eps;
    }

    /** @return the block's weights (refilled in place by {@link HrmModel#refreshWeights}) */
    TokenMlpWeights weights() {
        return w;
    }

    @Override
    public void forwardInPlace(NativeArray x, BlockWorkspace ws) {
        int s = ws.positions;
        int d = ws.hidden;
        int interT = ws.interT;
        for (int b = 0; b < ws.batch; b++) {
            long at = (long) b * s * d;
            Gemm.parallel(ws.workers, false, false, interT, d, s, 1f, w.gate().matrix(s), x.at(at, d), 0f,
                    ws.tokenGate.matrix(d));
            Gemm.parallel(ws.workers, false, false, interT, d, s, 1f, w.up().matrix(s), x.at(at, d), 0f,
                    ws.tokenUp.matrix(d));
            gateTokens(ws, interT * d);
            Gemm.parallel(ws.workers, false, false, s, d, interT, 1f, w.down().matrix(interT), ws.tokenGate.matrix(d),
                    1f, x.at(at, d));
            rmsNormColumns(x, (int) at, s, d, ws);
        }
        channel.channelMlp(x, ws.activations, ws.scratch);
    }

    /** {@code tokenGate ← SiLU(tokenGate) ⊙ tokenUp}. */
    private void gateTokens(BlockWorkspace ws, int n) {
        float[] g = ws.hostA;
        float[] u = ws.hostB;
        ws.tokenGate.get(0, g, 0, n);
        ws.tokenUp.get(0, u, 0, n);
        for (int i = 0; i < n; i++) {
            float gv = g[i];
            g[i] = gv / (1f + (float) Math.exp(-gv)) * u[i];
        }
        ws.tokenGate.put(0, g, 0, n);
    }

    /**
     * Weightless RMSNorm over the first axis of the {@code [rows, width]} matrix at {@code offset}: each column
     * divided by its root mean square (over the sequence, for TRM's token mixing), in place.
     */
    private void rmsNormColumns(NativeArray x, int offset, int rows, int width, BlockWorkspace ws) {
        float[] host = ws.hostA;
        double[] sums = ws.columnSums;
        float[] inv = ws.columnScales;
        x.get(offset, host, 0, rows * width);
        java.util.Arrays.fill(sums, 0, width, 0.0);
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            for (int i = 0; i < width; i++) {
                float v = host[o + i];
                sums[i] += v * v;
            }
        }
        for (int i = 0; i < width; i++) {
            inv[i] = (float) (1.0 / Math.sqrt((float) (sums[i] / rows) + eps));
        }
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            for (int i = 0; i < width; i++) {
                host[o + i] *= inv[i];
            }
        }
        x.put(offset, host, 0, rows * width);
    }
}
