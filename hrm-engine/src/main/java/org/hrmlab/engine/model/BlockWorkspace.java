package org.hrmlab.engine.model;

import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.cpu.BlockActivations;
import org.hrmlab.engine.cpu.BlockShape;
import org.hrmlab.engine.cpu.NativeArray;
import org.hrmlab.engine.cpu.Scratch;
import org.hrmlab.engine.cpu.Workers;

/**
 * Work buffers for one (batch, S_total) shape, allocated once and reused by every block application so that
 * stepping allocates nothing: the blocks' intermediate values and per-thread scratch, and for TRM's MLP variant the
 * token-mixing products. Not thread-safe: one workspace per engine thread.
 */
final class BlockWorkspace {
    final int batch;
    final int positions;
    final int hidden;
    final int interT;
    final Workers workers = Workers.shared();
    final BlockActivations activations;
    final Scratch scratch;
    /** TRM MLP variant: {@code [interT, hidden]} gate and up products of one example; host copies of one example. */
    final NativeArray tokenGate;
    final NativeArray tokenUp;
    final float[] hostA;
    final float[] hostB;
    /** Per-column sums of squares and scales of the norm over the sequence. */
    final double[] columnSums;
    final float[] columnScales;

    /** @param backward whether the scratch serves backward passes too (a trainer's) */
    BlockWorkspace(HrmConfig c, int batch, boolean backward) {
        this.batch = batch;
        this.positions = c.totalSeqLen();
        this.hidden = c.hiddenSize();
        BlockShape shape = BlockShape.of(c, batch);
        activations = new BlockActivations(shape, false);
        scratch = new Scratch(workers, shape, backward);
        boolean tokenMlp = c.mlpT();
        interT = tokenMlp ? c.mlpTInterSize() : 0;
        tokenGate = tokenMlp ? new NativeArray((long) interT * hidden) : null;
        tokenUp = tokenMlp ? new NativeArray((long) interT * hidden) : null;
        int host = tokenMlp ? Math.max(interT, positions) * hidden : 0;
        hostA = tokenMlp ? new float[host] : null;
        hostB = tokenMlp ? new float[host] : null;
        columnSums = tokenMlp ? new double[hidden] : null;
        columnScales = tokenMlp ? new float[hidden] : null;
    }
}
