package org.hrmlab.engine.model;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One post-norm block of a module on the CPU: an attention block, or TRM's token-mixing MLP block. */
interface ModelBlock {
    /**
     * Applies the block in place.
     *
     * @param x   {@code [B·S, hidden]} residual stream (modified)
     * @param xb  direct view of {@code x}'s memory
     * @param ws  work buffers of the same (B, S)
     */
    void forwardInPlace(INDArray x, FloatBuffer xb, BlockWorkspace ws);
}
