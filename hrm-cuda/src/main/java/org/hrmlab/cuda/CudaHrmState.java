package org.hrmlab.cuda;

import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.HrmState;
import org.hrmlab.engine.model.ModelForward;

/**
 * A batch's carry, input embedding and work stream in device memory ({@link ModelForward.Carry}), with the
 * operations of its batch size ({@link CudaModelOps}, whose buffers it owns). Used from one thread only.
 */
final class CudaHrmState implements HrmState {
    final CudaContext ctx;
    final int batch;
    final int positions;
    final int hidden;
    final CudaModelOps ops;
    final ModelForward<DeviceArray> forward;
    /** zL, zH, x̃ (embedding) and the work stream, each {@code [B·S, D]}. */
    final ModelForward.Carry<DeviceArray> carry;
    private boolean closed;

    CudaHrmState(HrmConfig c, CudaModelOps ops) {
        this.ctx = ops.context();
        this.batch = ops.batch();
        this.positions = c.totalSeqLen();
        this.hidden = c.hiddenSize();
        this.ops = ops;
        try {
            forward = new ModelForward<>(c, ops);
            carry = ModelForward.Carry.of(ops);
        } catch (RuntimeException e) {
            ops.close();
            throw e;
        }
    }

    /** @return the current zL {@code [B·S, D]} (read by the streamed statistics) */
    DeviceArray zL() {
        return carry.zL();
    }

    /** @return the current zH {@code [B·S, D]} */
    DeviceArray zH() {
        return carry.zH();
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this GPU state was closed");
        }
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
        checkOpen();
        ops.get(carry.zL(), out);
    }

    @Override
    public void copyZH(float[] out) {
        checkOpen();
        ops.get(carry.zH(), out);
    }

    @Override
    public void setCarry(float[] zl, float[] zh) {
        checkOpen();
        ops.put(carry.zL(), zl);
        ops.put(carry.zH(), zh);
    }

    @Override
    public void copyRow(int row, float[] zl, float[] zh) {
        checkOpen();
        ops.getRow(carry.zL(), row, zl);
        ops.getRow(carry.zH(), row, zh);
    }

    @Override
    public void setRow(int row, float[] zl, float[] zh) {
        checkOpen();
        ops.putRow(carry.zL(), row, zl);
        ops.putRow(carry.zH(), row, zh);
    }

    @Override
    public void setEmbedding(float[] x) {
        checkOpen();
        ops.put(carry.x(), x);
    }

    @Override
    public void copyEmbedding(float[] out) {
        checkOpen();
        ops.get(carry.x(), out);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            ops.close();
        }
    }
}
