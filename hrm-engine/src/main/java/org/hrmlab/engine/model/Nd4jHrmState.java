package org.hrmlab.engine.model;

import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.cpu.NativeArray;

/** The CPU state: carry, input embedding and work buffers in native memory. Used from one thread only. */
final class Nd4jHrmState implements HrmState {
    final int batch;
    final int positions;
    final int hidden;
    /** {@code [B·S_total, hidden]}. */
    final NativeArray zL;
    final NativeArray zH;
    final NativeArray embedding;
    final NativeArray scratch;
    /** {@code [B·S_total, vocab]}. */
    final NativeArray allLogits;
    final BlockWorkspace workspace;

    Nd4jHrmState(HrmConfig c, int batch) {
        this.batch = batch;
        this.positions = c.totalSeqLen();
        this.hidden = c.hiddenSize();
        long rows = (long) batch * positions;
        zL = new NativeArray(rows * hidden);
        zH = new NativeArray(rows * hidden);
        embedding = new NativeArray(rows * hidden);
        scratch = new NativeArray(rows * hidden);
        allLogits = new NativeArray(rows * c.vocabSize());
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
        zL.get(out);
    }

    @Override
    public void copyZH(float[] out) {
        zH.get(out);
    }

    @Override
    public void setCarry(float[] zl, float[] zh) {
        zL.put(zl);
        zH.put(zh);
    }

    @Override
    public void copyRow(int row, float[] zl, float[] zh) {
        zL.get(row * positions * hidden, zl, 0, zl.length);
        zH.get(row * positions * hidden, zh, 0, zh.length);
    }

    @Override
    public void setRow(int row, float[] zl, float[] zh) {
        zL.put(row * positions * hidden, zl, 0, zl.length);
        zH.put(row * positions * hidden, zh, 0, zh.length);
    }

    @Override
    public void setEmbedding(float[] x) {
        embedding.put(x);
    }

    @Override
    public void copyEmbedding(float[] out) {
        embedding.get(out);
    }
}
