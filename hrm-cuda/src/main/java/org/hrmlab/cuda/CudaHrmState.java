package org.hrmlab.cuda;

import java.util.ArrayList;
import java.util.List;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.HrmState;

/**
 * A batch's carry, input embedding and work buffers in device memory. {@code zL}, {@code zH} and the block input
 * {@code x} are swapped, not copied, after each update.
 */
final class CudaHrmState implements HrmState {
    final CudaContext ctx;
    final int batch;
    final int positions;
    final int hidden;
    final int rows;
    DeviceArray zL;
    DeviceArray zH;
    DeviceArray x;
    final DeviceArray embedding;
    /** {@code [B·S, 3D]}. */
    final DeviceArray qkv;
    /** {@code [B, heads, S, headDim]}. */
    final DeviceArray q;
    final DeviceArray k;
    final DeviceArray v;
    final DeviceArray heads;
    /** {@code [B·heads, S, S]}. */
    final DeviceArray scores;
    /** {@code [B·S, D]}. */
    final DeviceArray attn;
    /** {@code [B·S, 2·inter]} and {@code [B·S, inter]}. */
    final DeviceArray gateUp;
    final DeviceArray act;
    /** {@code [B·S, V]}. */
    final DeviceArray logits;
    /** {@code [B, D]}. */
    final DeviceArray first;
    private final List<DeviceArray> all = new ArrayList<>();
    private boolean closed;

    CudaHrmState(CudaContext ctx, HrmConfig c, int batch) {
        this.ctx = ctx;
        this.batch = batch;
        this.positions = c.totalSeqLen();
        this.hidden = c.hiddenSize();
        this.rows = batch * positions;
        long n = (long) rows * hidden;
        long inter = c.mlpInterSize();
        try {
            zL = keep(n);
            zH = keep(n);
            x = keep(n);
            embedding = keep(n);
            qkv = keep(3 * n);
            q = keep(n);
            k = keep(n);
            v = keep(n);
            heads = keep(n);
            scores = keep((long) batch * c.numHeads() * positions * positions);
            attn = keep(n);
            gateUp = keep(rows * 2 * inter);
            act = keep(rows * inter);
            logits = keep((long) rows * c.vocabSize());
            first = keep((long) batch * hidden);
        } catch (CudaException e) {
            close();
            throw e;
        }
    }

    private DeviceArray keep(long length) {
        DeviceArray a = ctx.allocate(length);
        all.add(a);
        return a;
    }

    /** Swaps zL with the block buffer x (the L-module's output becomes the carry). */
    void swapL() {
        DeviceArray t = zL;
        zL = x;
        x = t;
    }

    /** Swaps zH with the block buffer x. */
    void swapH() {
        DeviceArray t = zH;
        zH = x;
        x = t;
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
        ctx.enter();
        ctx.download(zL.pointer(), out, 0, rows * hidden);
    }

    @Override
    public void copyZH(float[] out) {
        checkOpen();
        ctx.enter();
        ctx.download(zH.pointer(), out, 0, rows * hidden);
    }

    @Override
    public void setCarry(float[] zl, float[] zh) {
        checkOpen();
        ctx.enter();
        ctx.upload(zl, 0, rows * hidden, zL.pointer());
        ctx.upload(zh, 0, rows * hidden, zH.pointer());
    }

    @Override
    public void copyRow(int row, float[] zl, float[] zh) {
        checkOpen();
        ctx.enter();
        int size = positions * hidden;
        ctx.download(zL.at((long) row * size), zl, 0, size);
        ctx.download(zH.at((long) row * size), zh, 0, size);
    }

    @Override
    public void setRow(int row, float[] zl, float[] zh) {
        checkOpen();
        ctx.enter();
        int size = positions * hidden;
        ctx.upload(zl, 0, size, zL.at((long) row * size));
        ctx.upload(zh, 0, size, zH.at((long) row * size));
    }

    @Override
    public void setEmbedding(float[] emb) {
        checkOpen();
        ctx.enter();
        ctx.upload(emb, 0, rows * hidden, embedding.pointer());
    }

    @Override
    public void copyEmbedding(float[] out) {
        checkOpen();
        ctx.enter();
        ctx.download(embedding.pointer(), out, 0, rows * hidden);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            ctx.enter();
            for (DeviceArray a : all) {
                ctx.free(a);
            }
            all.clear();
        }
    }
}
