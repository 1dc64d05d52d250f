package org.hrmlab.engine.model;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Swish;
import org.nd4j.linalg.factory.Nd4j;

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
    private final float eps;

    TokenMlpBlock(TokenMlpWeights w, double eps) {
        this.w = w;
        this.eps = (float) eps;
    }

    /** @return the block's weights (refilled in place by {@link HrmModel#refreshWeights}) */
    TokenMlpWeights weights() {
        return w;
    }

    @Override
    public void forwardInPlace(INDArray x, FloatBuffer xb, BlockWorkspace ws) {
        int s = ws.positions;
        int d = ws.hidden;
        int per = s * d;
        float[] host = ws.residualHost;
        xb.get(0, host, 0, ws.batch * per);
        for (int b = 0; b < ws.batch; b++) {
            ws.tokenBuf.put(0, host, b * per, per);
            Nd4j.gemm(w.gate(), ws.token, ws.tokenGate, false, false, 1.0, 0.0);
            Nd4j.gemm(w.up(), ws.token, ws.tokenUp, false, false, 1.0, 0.0);
            Nd4j.exec(new Swish(ws.tokenGate, ws.tokenGate));
            ws.tokenGate.muli(ws.tokenUp);
            Nd4j.gemm(w.down(), ws.tokenGate, ws.token, false, false, 1.0, 1.0);
            ws.tokenBuf.get(0, host, b * per, per);
            rmsNormColumns(host, b * per, s, d, eps, ws.columnSums, ws.columnScales);
        }
        xb.put(0, host, 0, ws.batch * per);
        TransformerBlock.channelMlpInPlace(x, xb, ws, w.channelGateT(), w.channelUpT(), w.channelDownT(), eps);
    }

    /**
     * Weightless RMSNorm over the first axis of the {@code [rows, width]} matrix at {@code host[offset..]}: each
     * column divided by its root mean square (over the sequence, for TRM's token mixing), in place.
     */
    static void rmsNormColumns(float[] host, int offset, int rows, int width, float eps, double[] sums,
                               float[] inv) {
        java.util.Arrays.fill(sums, 0, width, 0.0);
        for (int r = 0; r < rows; r++) {
            int o = offset + r * width;
            for (int i = 0; i < width; i++) {
                float v = host[o + i];
                sums[i] += v * v;
            }
        }
        for (int i = 0; i < width; i++) {
            inv[i] = (float) (1.0 / Math.sqrt((float) (sums[i] / rows) + eps));
        }
        for (int r = 0; r < rows; r++) {
            int o = offset + r * width;
            for (int i = 0; i < width; i++) {
                host[o + i] *= inv[i];
            }
        }
    }
}
