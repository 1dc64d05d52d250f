package org.hrmlab.engine.model;

import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.cpu.BlockActivations;
import org.hrmlab.engine.cpu.BlockShape;
import org.hrmlab.engine.cpu.Scratch;
import org.hrmlab.engine.cpu.TokenMlpActivations;
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
    final Workers workers = Workers.shared();
    final BlockActivations activations;
    final Scratch scratch;
    /** TRM MLP variant: the token-mixing block's buffers (null otherwise). */
    final TokenMlpActivations tokenActivations;

    /** @param backward whether the scratch serves backward passes too (a trainer's) */
    BlockWorkspace(HrmConfig c, int batch, boolean backward) {
        this.batch = batch;
        this.positions = c.totalSeqLen();
        this.hidden = c.hiddenSize();
        BlockShape shape = BlockShape.of(c, batch);
        activations = new BlockActivations(shape, false);
        scratch = new Scratch(workers, shape, backward);
        tokenActivations = c.mlpT() ? new TokenMlpActivations(shape, c.mlpTInterSize(), false) : null;
    }
}
