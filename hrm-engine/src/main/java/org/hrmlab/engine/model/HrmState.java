package org.hrmlab.engine.model;

import java.nio.FloatBuffer;
import org.hrmlab.engine.HrmConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The recurrent carry of a batch and its input embedding, with the work buffers to update them. Created by
 * {@link HrmModel#newState(int)}; used from one thread only.
 */
public final class HrmState {
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

    HrmState(HrmConfig c, int batch) {
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

    /** @return the batch size B */
    public int batch() {
        return batch;
    }

    /** @return {@code S_total}, prefix plus grid positions */
    public int positions() {
        return positions;
    }

    /** Copies zL out. @param out {@code [B·S_total·hidden]} (modified) */
    public void copyZL(float[] out) {
        zLBuf.get(0, out);
    }

    /** Copies zH out. @param out {@code [B·S_total·hidden]} (modified) */
    public void copyZH(float[] out) {
        zHBuf.get(0, out);
    }

    /** Sets the carry. @param zl {@code [B·S_total·hidden]} @param zh same shape (neither modified) */
    public void setCarry(float[] zl, float[] zh) {
        zLBuf.put(0, zl);
        zHBuf.put(0, zh);
    }

    /** Copies one batch row's carry out. @param zl, zh {@code [S_total·hidden]} (modified) */
    public void copyRow(int row, float[] zl, float[] zh) {
        zLBuf.get(row * positions * hidden, zl);
        zHBuf.get(row * positions * hidden, zh);
    }

    /** Sets one batch row's carry. @param zl, zh {@code [S_total·hidden]} (not modified) */
    public void setRow(int row, float[] zl, float[] zh) {
        zLBuf.put(row * positions * hidden, zl);
        zHBuf.put(row * positions * hidden, zh);
    }

    /**
     * Sets the input embedding x̃ directly (a trainer that computes it itself).
     *
     * @param x {@code [B·S_total·hidden]} (not modified)
     */
    public void setEmbedding(float[] x) {
        embBuf.put(0, x);
    }

    /** Copies the input embedding x̃ out. @param out {@code [B·S_total·hidden]} (modified) */
    public void copyEmbedding(float[] out) {
        embBuf.get(0, out);
    }
}
