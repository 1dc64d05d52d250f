package org.hrmlab.engine.model;

import java.nio.FloatBuffer;
import org.hrmlab.engine.HrmConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The CPU state: carry, input embedding and work buffers as ND4J arrays. Used from one thread only. */
final class Nd4jHrmState implements HrmState {
    final int batch;
    final int positions;
    final int hidden;
    /** {@code [B·S_total, hidden]}. */
    final INDArray zL;
    final INDArray zH;
    final INDArray embedding;
    final INDArray scratch;
    final INDArray allLogits;
    final FloatBuffer zLBuf;
    final FloatBuffer zHBuf;
    final FloatBuffer embBuf;
    final FloatBuffer scratchBuf;
    final FloatBuffer logitsBuf;
    final BlockWorkspace workspace;

    Nd4jHrmState(HrmConfig c, int batch) {
        this.batch = batch;
        this.positions = c.totalSeqLen();
        this.hidden = c.hiddenSize();
        long rows = (long) batch * positions;
        zL = Nd4j.create(DataType.FLOAT, rows, hidden);
        zH = Nd4j.create(DataType.FLOAT, rows, hidden);
        embedding = Nd4j.create(DataType.FLOAT, rows, hidden);
        scratch = Nd4j.create(DataType.FLOAT, rows, hidden);
        allLogits = Nd4j.create(DataType.FLOAT, rows, c.vocabSize());
        zLBuf = Buffers.of(zL);
        zHBuf = Buffers.of(zH);
        embBuf = Buffers.of(embedding);
        scratchBuf = Buffers.of(scratch);
        logitsBuf = Buffers.of(allLogits);
        workspace = new BlockWorkspace(c, batch);
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public int positions() {
        return positions;
    }

    @Override
    public void copyZL(float[] out) {
        zLBuf.get(0, out);
    }

    @Override
    public void copyZH(float[] out) {
        zHBuf.get(0, out);
    }

    @Override
    public void setCarry(float[] zl, float[] zh) {
        zLBuf.put(0, zl);
        zHBuf.put(0, zh);
    }

    @Override
    public void copyRow(int row, float[] zl, float[] zh) {
        zLBuf.get(row * positions * hidden, zl);
        zHBuf.get(row * positions * hidden, zh);
    }

    @Override
    public void setRow(int row, float[] zl, float[] zh) {
        zLBuf.put(row * positions * hidden, zl);
        zHBuf.put(row * positions * hidden, zh);
    }

    @Override
    public void setEmbedding(float[] x) {
        embBuf.put(0, x);
    }

    @Override
    public void copyEmbedding(float[] out) {
        embBuf.get(0, out);
    }
}
