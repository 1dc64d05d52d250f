package org.hrmlab.engine.model;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Swish;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference's post-norm block: {@code h ← RMSNorm(h + Attn(h)); h ← RMSNorm(h + SwiGLU(h))}, with weightless
 * RMSNorm, RoPE (rotate-half) on queries and keys when the model uses it, full non-causal attention scaled by
 * {@code 1/√headDim}.
 */
final class TransformerBlock implements ModelBlock {
    private final LayerWeights w;
    private final RotaryTable rope;
    private final float eps;

    TransformerBlock(LayerWeights w, RotaryTable rope, double eps) {
        this.w = w;
        this.rope = rope;
        this.eps = (float) eps;
    }

    /** @return the block's weights (refilled in place by {@link HrmModel#refreshWeights}) */
    LayerWeights weights() {
        return w;
    }

    /**
     * Applies the block in place.
     *
     * @param x   {@code [B·S, hidden]} residual stream (modified)
     * @param xb  direct view of {@code x}'s memory
     * @param ws  work buffers of the same (B, S)
     */
    @Override
    public void forwardInPlace(INDArray x, FloatBuffer xb, BlockWorkspace ws) {
        Nd4j.gemm(x, w.qkvT(), ws.qkv, false, false, 1.0, 0.0);
        splitHeadsWithRope(ws);
        for (int b = 0; b < ws.batch; b++) {
            Nd4j.matmul(ws.qRow[b], ws.kRow[b], ws.scores, false, true, false);
            Nd4j.exec(new SoftMax(ws.scores, ws.scores, 2));
            Nd4j.matmul(ws.scores, ws.vRow[b], ws.headOut, false, false, false);
            mergeHeads(ws, b);
        }
        Nd4j.gemm(ws.attn, w.oT(), x, false, false, 1.0, 1.0);
        rmsNormInPlace(xb, ws.residualHost, ws.batch * ws.positions, ws.hidden, eps);
        channelMlpInPlace(x, xb, ws, w.gateT(), w.upT(), w.downT(), eps);
    }

    /**
     * The block's second sub-layer, shared by every block kind: {@code h ← RMSNorm(h + SwiGLU(h))} over the hidden
     * axis, in place.
     */
    static void channelMlpInPlace(INDArray x, FloatBuffer xb, BlockWorkspace ws, INDArray gateT, INDArray upT,
                                  INDArray downT, float eps) {
        Nd4j.gemm(x, gateT, ws.gate, false, false, 1.0, 0.0);
        Nd4j.gemm(x, upT, ws.up, false, false, 1.0, 0.0);
        Nd4j.exec(new Swish(ws.gate, ws.gate));
        ws.gate.muli(ws.up);
        Nd4j.gemm(ws.gate, downT, x, false, false, 1.0, 1.0);
        rmsNormInPlace(xb, ws.residualHost, ws.batch * ws.positions, ws.hidden, eps);
    }

    private void splitHeadsWithRope(BlockWorkspace ws) {
        int s = ws.positions;
        int hd = ws.headDim;
        int half = hd / 2;
        int hidden = ws.hidden;
        float scale = (float) (1.0 / Math.sqrt(hd));
        float[] cos = rope.cos;
        float[] sin = rope.sin;
        float[] src = ws.qkvHost;
        float[] qd = ws.qHost;
        float[] kd = ws.kHost;
        float[] vd = ws.vHost;
        ws.qkvBuf.get(0, src);
        for (int b = 0; b < ws.batch; b++) {
            for (int t = 0; t < s; t++) {
                int row = (b * s + t) * 3 * hidden;
                int ro = t * hd;
                for (int h = 0; h < ws.heads; h++) {
                    int dst = ((b * ws.heads + h) * s + t) * hd;
                    int qo = row + h * hd;
                    int ko = row + hidden + h * hd;
                    for (int i = 0; i < half; i++) {
                        float c1 = cos[ro + i];
                        float s1 = sin[ro + i];
                        float c2 = cos[ro + i + half];
                        float s2 = sin[ro + i + half];
                        float q1 = src[qo + i];
                        float q2 = src[qo + i + half];
                        float k1 = src[ko + i];
                        float k2 = src[ko + i + half];
                        qd[dst + i] = (q1 * c1 - q2 * s1) * scale;
                        qd[dst + i + half] = (q2 * c2 + q1 * s2) * scale;
                        kd[dst + i] = k1 * c1 - k2 * s1;
                        kd[dst + i + half] = k2 * c2 + k1 * s2;
                    }
                    System.arraycopy(src, row + 2 * hidden + h * hd, vd, dst, hd);
                }
            }
        }
        ws.qBuf.put(0, qd);
        ws.kBuf.put(0, kd);
        ws.vBuf.put(0, vd);
    }

    private static void mergeHeads(BlockWorkspace ws, int b) {
        int s = ws.positions;
        int hd = ws.headDim;
        float[] heads = ws.headOutHost;
        float[] merged = ws.attnHost;
        ws.headOutBuf.get(0, heads);
        for (int h = 0; h < ws.heads; h++) {
            for (int t = 0; t < s; t++) {
                System.arraycopy(heads, (h * s + t) * hd, merged, (b * s + t) * ws.hidden + h * hd, hd);
            }
        }
        if (b == ws.batch - 1) {
            ws.attnBuf.put(0, merged);
        }
    }

    /** Weightless RMSNorm over the last dimension of a {@code [rows, width]} buffer, in place. */
    static void rmsNormInPlace(FloatBuffer x, float[] host, int rows, int width, float eps) {
        x.get(0, host, 0, rows * width);
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            double sum = 0;
            for (int i = 0; i < width; i++) {
                float v = host[o + i];
                sum += v * v;
            }
            float inv = (float) (1.0 / Math.sqrt((float) (sum / width) + eps));
            for (int i = 0; i < width; i++) {
                host[o + i] *= inv;
            }
        }
        x.put(0, host, 0, rows * width);
    }
}
