package org.hrmlab.engine.model;

import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.cpu.NativeArray;

/**
 * The CPU state: carry, input embedding and the work stream in native memory ({@link ModelForward.Carry}), and the
 * operations of its batch size ({@link CpuModelOps}, whose buffers it owns). Used from one thread only.
 */
final class CpuHrmState implements HrmState {
    final int batch;
    final int positions;
    final int hidden;
    final CpuModelOps ops;
    final ModelForward<NativeArray> forward;
    /** zL, zH, x̃ (embedding) and the work stream, each {@code [B·S, D]}. */
    final ModelForward.Carry<NativeArray> carry;

    CpuHrmState(HrmConfig c, CpuWeights weights, int batch) {
        this.batch = batch;
        this.positions = c.totalSeqLen();
        this.hidden = c.hiddenSize();
        ops = new CpuModelOps(weights, batch, 0);
        forward = new ModelForward<>(c, ops);
        carry = ModelForward.Carry.of(ops);
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
        carry.zL().get(out);
    }

    @Override
    public void copyZH(float[] out) {
        carry.zH().get(out);
    }

    @Override
    public void setCarry(float[] zl, float[] zh) {
        carry.zL().put(zl);
        carry.zH().put(zh);
    }

    @Override
    public void copyRow(int row, float[] zl, float[] zh) {
        carry.zL().get(row * positions * hidden, zl, 0, zl.length);
        carry.zH().get(row * positions * hidden, zh, 0, zh.length);
    }

    @Override
    public void setRow(int row, float[] zl, float[] zh) {
        carry.zL().put(row * positions * hidden, zl, 0, zl.length);
        carry.zH().put(row * positions * hidden, zh, 0, zh.length);
    }

    @Override
    public void setEmbedding(float[] x) {
        carry.x().put(x);
    }

    @Override
    public void copyEmbedding(float[] out) {
        carry.x().get(out);
    }
}
