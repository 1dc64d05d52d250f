package org.hrmlab.cuda;

import org.hrmlab.engine.HrmConfig;

/**
 * What one application of a post-norm block computes on the GPU, for a batch of {@code N = B·S} rows: rotated
 * queries, keys and values, attention probabilities, merged heads, the SwiGLU's input and output; and, when kept for a
 * backward, the block's input, the first norm's output {@code h}, the block's output {@code y} and both norms' factors.
 */
final class BlockActivations {
    final boolean kept;
    /** {@code [B, heads, S, hd]} each (queries scaled by {@code 1/√hd}). */
    final DeviceArray q;
    final DeviceArray k;
    final DeviceArray v;
    /** {@code [B·heads, S, S]}. */
    final DeviceArray probs;
    /** {@code [N, D]}. */
    final DeviceArray attn;
    /** {@code [N, 2·inter]} (gate, then up) and {@code [N, inter]}. */
    final DeviceArray gateUp;
    final DeviceArray act;
    /** Kept only: {@code [N, D]} each, and {@code [N]} each. */
    final DeviceArray input;
    final DeviceArray h;
    final DeviceArray y;
    final DeviceArray inv1;
    final DeviceArray inv2;

    BlockActivations(DeviceBuffers mem, HrmConfig c, int batch, boolean kept) {
        this.kept = kept;
        long rows = (long) batch * c.totalSeqLen();
        long n = rows * c.hiddenSize();
        long inter = c.mlpInterSize();
        q = mem.allocate(n);
        k = mem.allocate(n);
        v = mem.allocate(n);
        probs = mem.allocate((long) batch * c.numHeads() * c.totalSeqLen() * c.totalSeqLen());
        attn = mem.allocate(n);
        gateUp = mem.allocate(rows * 2 * inter);
        act = mem.allocate(rows * inter);
        input = kept ? mem.allocate(n) : null;
        h = kept ? mem.allocate(n) : null;
        y = kept ? mem.allocate(n) : null;
        inv1 = kept ? mem.allocate(rows) : null;
        inv2 = kept ? mem.allocate(rows) : null;
    }
}
