package org.hrmlab.engine.cpu;

import org.hrmlab.engine.HrmConfig;

/**
 * The sizes of one block application.
 *
 * @param batch     examples
 * @param positions positions per example (S, the puzzle prefix included)
 * @param hidden    model width (D)
 * @param heads     attention heads (H); 0 for a block without attention
 * @param headDim   per-head width
 * @param inter     SwiGLU inner width (I)
 */
public record BlockShape(int batch, int positions, int hidden, int heads, int headDim, int inter) {

    /** @return the shape of a config's blocks at a batch size */
    public static BlockShape of(HrmConfig c, int batch) {
        return new BlockShape(batch, c.totalSeqLen(), c.hiddenSize(), c.mlpT() ? 0 : c.numHeads(),
                c.mlpT() ? 0 : c.headDim(), c.mlpInterSize());
    }

    /** @return {@code batch · positions}: the rows of the residual stream */
    public int rows() {
        return batch * positions;
    }

    /** @return true if the block attends (false: TRM's MLP variant, channel SwiGLU only here) */
    public boolean attention() {
        return heads > 0;
    }
}
