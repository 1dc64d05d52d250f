package org.hrmlab.engine.model;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Swish;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference's post-norm block: {@code h ← RMSNorm(h + Attn(h)); h ← RMSNorm(h + SwiGLU(h))}, with weightless
 * RMSNorm, RoPE (rotate-half) on queries and keys, full non-causal attention scaled by {@code 1/√headDim}.
 */
final class TransformerBlock {
    private final LayerWeights w;
    private final RotaryTable rope;
    private final float eps;

    TransformerBlock(LayerWeights w, RotaryTable rope, double eps) {
        this.w = w;
        this.rope = rope;
        this.eps = (float) eps;
    }

    /**
     * Applies the block in place.
     *
     * @param x   {@code [B·S, hidden]} residual stream (modified)
     * @param xb  direct view of {@code x}'s memory
     * @param ws  work buffers of the same (B, S)
     */
    void forwardInPlace(INDArray x, FloatBuffer xb, BlockWorkspace ws) {
        Nd4j.gemm(x, w.qkvT(), ws.qkv, false, false, 1.0, 0.0);
        splitHeadsWithRope(ws);
        for (int b = 0; b < ws.batch; b++) {
            Nd4j.matmul(ws.qRow[b], ws.kRow[b], ws.scores, false, true, false);
            Nd4j.exec(new SoftMax(ws.scores, ws.scores, 2));
            Nd4j.matmul(ws.scores, ws.vRow[b], ws.headOut, false, false, false);
            mergeHeads(ws, b);
        }
        Nd4j.gemm(ws.attn, w.oT(), x, false, false, 1.0, 1.0);
        rmsNormInPlace(xb, ws.batch * ws.positions, ws.hidden, eps);
        Nd4j.gemm(x, w.gateT(), ws.gate, false, false, 1.0, 0.0);
        Nd4j.gemm(x, w.upT(), ws.up, false, false, 1.0, 0.0);
        Nd4j.exec(new Swish(ws.gate, ws.gate));
        ws.gate.muli(ws.up);
        Nd4j.gemm(ws.gate, w.downT(), x, false, false, 1.0, 1.0);
        rmsNormInPlace(xb, ws.batch * ws.positions, ws.hidden, eps);
    }

    private void splitHeadsWithRope(BlockWorkspace ws) {
        int s = ws.positions;
        int hd = ws.headDim;
        int half = hd / 2;
        int hidden = ws.hidden;
        float scale = (float) (1.0 / Math.sqrt(hd));
        FloatBuffer src = ws.qkvBuf;
        float[] cos = rope.cos;
        float[] sin = rope.sin;
        float[] row = new float[3 * hidden];
        for (int b = 0; b < ws.batch; b++) {
            for (int t = 0; t < s; t++) {
                src.get((b * s + t) * 3 * hidden, row);
                int ro = t * hd;
                for (int h = 0; h < ws.heads; h++) {
                    int dst = ((b * ws.heads + h) * s + t) * hd;
                    int qo = h * hd;
                    int ko = hidden + h * hd;
                    int vo = 2 * hidden + h * hd;
                    for (int i = 0; i < half; i++) {
                        float q1 = row[qo + i];
                        float q2 = row[qo + i + half];
                        float k1 = row[ko + i];
                        float k2 = row[ko + i + half];
                        float c1 = cos[ro + i];
                        float s1 = sin[ro + i];
                        float c2 = cos[ro + i + half];
                        float s2 = sin[ro + i + half];
                        ws.qBuf.put(dst + i, (q1 * c1 - q2 * s1) * scale);
                        ws.qBuf.put(dst + i + half, (q2 * c2 + q1 * s2) * scale);
                        ws.kBuf.put(dst + i, k1 * c1 - k2 * s1);
                        ws.kBuf.put(dst + i + half, k2 * c2 + k1 * s2);
                    }
                    ws.vBuf.put(dst, row, vo, hd);
                }
            }
        }
    }

    private static void mergeHeads(BlockWorkspace ws, int b) {
        int s = ws.positions;
        int hd = ws.headDim;
        for (int h = 0; h < ws.heads; h++) {
            for (int t = 0; t < s; t++) {
                int src = (h * s + t) * hd;
                int dst = (b * s + t) * ws.hidden + h * hd;
                for (int i = 0; i < hd; i++) {
                    ws.attnBuf.put(dst + i, ws.headOutBuf.get(src + i));
                }
            }
        }
    }

    /** Weightless RMSNorm over the last dimension of a {@code [rows, width]} buffer, in place. */
    static void rmsNormInPlace(FloatBuffer x, int rows, int width, float eps) {
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            double sum = 0;
            for (int i = 0; i < width; i++) {
                float v = x.get(o + i);
                sum += v * v;
            }
            float inv = (float) (1.0 / Math.sqrt((float) (sum / width) + eps));
            for (int i = 0; i < width; i++) {
                x.put(o + i, x.get(o + i) * inv);
            }
        }
    }
}
