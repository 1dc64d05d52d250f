package org.hrmlab.engine.model;

import org.hrmlab.engine.cpu.NativeArray;
import org.hrmlab.engine.cpu.TokenMlpWeights;

/**
 * TRM's MLP-variant block ({@code mlp_t}, hrm-reference.md §6.1) in a module: the CPU engine's
 * {@link org.hrmlab.engine.cpu.TokenMlpBlock} (token mixing across the sequence, then the channel SwiGLU) on the
 * workspace's buffers.
 */
final class TokenMlpBlock implements ModelBlock {
    private final org.hrmlab.engine.cpu.TokenMlpBlock block;

    TokenMlpBlock(TokenMlpWeights w, double eps) {
        this.block = new org.hrmlab.engine.cpu.TokenMlpBlock(w, eps);
    }

    /** @return the CPU engine's block (its kept forward and backward serve training) */
    org.hrmlab.engine.cpu.TokenMlpBlock block() {
        return block;
    }

    /** @return the block's weights (refilled in place by {@link HrmModel#refreshWeights}) */
    TokenMlpWeights weights() {
        return block.weights();
    }

    @Override
    public void forwardInPlace(NativeArray x, BlockWorkspace ws) {
        block.forward(x, ws.tokenActivations, ws.scratch);
    }
}
