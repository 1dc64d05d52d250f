package org.hrmlab.engine.model;

import java.nio.FloatBuffer;
import org.hrmlab.engine.HrmConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Work buffers for one (batch, S_total) shape, allocated once and reused by every block application so that
 * stepping allocates nothing: the attention buffers for attention blocks, the token-mixing ones for TRM's MLP variant
 * (the other kind's are null). Not thread-safe: one workspace per engine thread.
 */
final class BlockWorkspace {
    final int batch;
    final int positions;
    final int hidden;
    final int heads;
    final int headDim;
    final int inter;
    /** {@code [B·S, 3·hidden]} fused projections. */
    final INDArray qkv;
    /** {@code [B·heads, S, headDim]} rotated, scaled queries; keys; values. */
    final INDArray q;
    final INDArray k;
    final INDArray v;
    /** Per batch row: {@code [heads, S, headDim]} views of q, k, v. */
    final INDArray[] qRow;
    final INDArray[] kRow;
    final INDArray[] vRow;
    /** {@code [heads, S, S]} attention probabilities of one batch row. */
    final INDArray scores;
    /** {@code [heads, S, headDim]} attention output of one batch row. */
    final INDArray headOut;
    /** {@code [B·S, hidden]} heads concatenated, then the block's residual stream scratch. */
    final INDArray attn;
    /** {@code [B·S, inter]}. */
    final INDArray gate;
    final INDArray up;
    final FloatBuffer qkvBuf;
    final FloatBuffer qBuf;
    final FloatBuffer kBuf;
    final FloatBuffer vBuf;
    final FloatBuffer headOutBuf;
    final FloatBuffer attnBuf;
    /** Java-heap mirrors for the element-wise passes (bulk-copied, so no per-element native access). */
    final float[] qkvHost;
    final float[] qHost;
    final float[] kHost;
    final float[] vHost;
    final float[] headOutHost;
    final float[] attnHost;
    final float[] residualHost;
    /** TRM MLP variant: {@code [S, hidden]} one example's state; {@code [interT, hidden]} gate and up products. */
    final INDArray token;
    final INDArray tokenGate;
    final INDArray tokenUp;
    final FloatBuffer tokenBuf;
    /** Per-column sums of squares and scales of the norm over the sequence. */
    final double[] columnSums;
    final float[] columnScales;

    BlockWorkspace(HrmConfig c, int batch) {
        this.batch = batch;
        this.positions = c.totalSeqLen();
        this.hidden = c.hiddenSize();
        this.heads = c.numHeads();
        this.headDim = c.headDim();
        this.inter = c.mlpInterSize();
        int rows = batch * positions;
        boolean attention = !c.mlpT();
        qkv = attention ? Nd4j.create(DataType.FLOAT, rows, 3L * hidden) : null;
        q = attention ? Nd4j.create(DataType.FLOAT, (long) batch * heads, positions, headDim) : null;
        k = attention ? Nd4j.create(DataType.FLOAT, (long) batch * heads, positions, headDim) : null;
        v = attention ? Nd4j.create(DataType.FLOAT, (long) batch * heads, positions, headDim) : null;
        qRow = new INDArray[batch];
        kRow = new INDArray[batch];
        vRow = new INDArray[batch];
        for (int b = 0; attention && b < batch; b++) {
            var range = NDArrayIndex.interval((long) b * heads, (long) (b + 1) * heads);
            qRow[b] = q.get(range, NDArrayIndex.all(), NDArrayIndex.all());
            kRow[b] = k.get(range, NDArrayIndex.all(), NDArrayIndex.all());
            vRow[b] = v.get(range, NDArrayIndex.all(), NDArrayIndex.all());
        }
        scores = attention ? Nd4j.create(DataType.FLOAT, heads, positions, positions) : null;
        headOut = attention ? Nd4j.create(DataType.FLOAT, heads, positions, headDim) : null;
        attn = attention ? Nd4j.create(DataType.FLOAT, rows, hidden) : null;
        gate = Nd4j.create(DataType.FLOAT, rows, inter);
        up = Nd4j.create(DataType.FLOAT, rows, inter);
        qkvBuf = attention ? Buffers.of(qkv) : null;
        qBuf = attention ? Buffers.of(q) : null;
        kBuf = attention ? Buffers.of(k) : null;
        vBuf = attention ? Buffers.of(v) : null;
        headOutBuf = attention ? Buffers.of(headOut) : null;
        attnBuf = attention ? Buffers.of(attn) : null;
        qkvHost = attention ? new float[rows * 3 * hidden] : null;
        qHost = attention ? new float[rows * hidden] : null;
        kHost = attention ? new float[rows * hidden] : null;
        vHost = attention ? new float[rows * hidden] : null;
        headOutHost = attention ? new float[positions * hidden] : null;
        attnHost = attention ? new float[rows * hidden] : null;
        residualHost = new float[rows * hidden];
        int interT = attention ? 0 : c.mlpTInterSize();
        token = attention ? null : Nd4j.create(DataType.FLOAT, positions, hidden);
        tokenGate = attention ? null : Nd4j.create(DataType.FLOAT, interT, hidden);
        tokenUp = attention ? null : Nd4j.create(DataType.FLOAT, interT, hidden);
        tokenBuf = attention ? null : Buffers.of(token);
        columnSums = attention ? null : new double[hidden];
        columnScales = attention ? null : new float[hidden];
    }
}
