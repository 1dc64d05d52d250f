package org.hrmlab.engine.model;

import org.hrmlab.engine.cpu.NativeArray;

/** One post-norm block of a module on the CPU: an attention block, or TRM's token-mixing MLP block. */
interface ModelBlock {
    /**
     * Applies the block in place.
     *
     * @param x   {@code [B·S, hidden]} residual stream (modified)
     * @param ws  work buffers of the same (B, S)
     */
    void forwardInPlace(NativeArray x, BlockWorkspace ws);
}
