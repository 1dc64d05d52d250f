package org.hrmlab.engine.model;

import org.hrmlab.engine.cpu.AttentionBlock;
import org.hrmlab.engine.cpu.BlockWeights;
import org.hrmlab.engine.cpu.NativeArray;

/**
 * The reference's post-norm block: {@code h ← RMSNorm(h + Attn(h)); h ← RMSNorm(h + SwiGLU(h))}, with weightless
 * RMSNorm, RoPE (rotate-half) on queries and keys when the model uses it, full non-causal attention scaled by
 * {@code 1/√headDim}: {@link AttentionBlock} (shared with the trainer) on the workspace's buffers.
 */
final class TransformerBlock implements ModelBlock {
    private final AttentionBlock block;

    TransformerBlock(BlockWeights w, RotaryTable rope, double eps) {
        this.block = new AttentionBlock(w, rope.cos, rope.sin, eps);
    }

    /** @return the block on the CPU engine (its kept-activation forward and backward serve training) */
    AttentionBlock attention() {
        return block;
    }

    /** @return the block's weights (refilled in place by {@link HrmModel#refreshWeights}) */
    BlockWeights weights() {
        return block.weights();
    }

    @Override
    public void forwardInPlace(NativeArray x, BlockWorkspace ws) {
        block.forward(x, ws.activations, ws.scratch);
    }
}
