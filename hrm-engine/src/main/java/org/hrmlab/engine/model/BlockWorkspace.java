package org.hrmlab.engine.model;

import java.nio.FloatBuffer;
import org.hrmlab.engine.HrmConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Work buffers for one (batch, S_total) shape, allocated once and reused by every block application so that
 * stepping allocates nothing. Not thread-safe: one workspace per engine thread.
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

    BlockWorkspace(HrmConfig c, int batch) {
        this.batch = batch;
        this.positions = c.totalSeqLen();
        this.hidden = c.hiddenSize();
        this.heads = c.numHeads();
        this.headDim = c.headDim();
        this.inter = c.mlpInterSize();
        int rows = batch * positions;
        qkv = Nd4j.create(DataType.FLOAT, rows, 3L * hidden);
        q = Nd4j.create(DataType.FLOAT, (long) batch * heads, positions, headDim);
        k = Nd4j.create(DataType.FLOAT, (long) batch * heads, positions, headDim);
        v = Nd4j.create(DataType.FLOAT, (long) batch * heads, positions, headDim);
        qRow = new INDArray[batch];
        kRow = new INDArray[batch];
        vRow = new INDArray[batch];
        for (int b = 0; b < batch; b++) {
            var range = NDArrayIndex.interval((long) b * heads, (long) (b + 1) * heads);
            qRow[b] = q.get(range, NDArrayIndex.all(), NDArrayIndex.all());
            kRow[b] = k.get(range, NDArrayIndex.all(), NDArrayIndex.all());
            vRow[b] = v.get(range, NDArrayIndex.all(), NDArrayIndex.all());
        }
        scores = Nd4j.create(DataType.FLOAT, heads, positions, positions);
        headOut = Nd4j.create(DataType.FLOAT, heads, positions, headDim);
        attn = Nd4j.create(DataType.FLOAT, rows, hidden);
        gate = Nd4j.create(DataType.FLOAT, rows, inter);
        up = Nd4j.create(DataType.FLOAT, rows, inter);
        qkvBuf = Buffers.of(qkv);
        qBuf = Buffers.of(q);
        kBuf = Buffers.of(k);
        vBuf = Buffers.of(v);
        headOutBuf = Buffers.of(headOut);
        attnBuf = Buffers.of(attn);
        qkvHost = new float[rows * 3 * hidden];
        qHost = new float[rows * hidden];
        kHost = new float[rows * hidden];
        vHost = new float[rows * hidden];
        headOutHost = new float[positions * hidden];
        attnHost = new float[rows * hidden];
        residualHost = new float[rows * hidden];
    }
}
