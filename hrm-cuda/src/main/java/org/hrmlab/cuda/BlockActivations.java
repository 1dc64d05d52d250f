package org.hrmlab.cuda;

import org.hrmlab.engine.HrmConfig;

/**
 * What one application of a post-norm block computes on the GPU, for a batch of {@code N = B·S} rows: rotated
 * queries, keys and values, attention probabilities, merged heads (or, in TRM's MLP variant, the token SwiGLU's input
 * and output), the channel SwiGLU's input and output; and, when kept for a backward, the block's input, the first
 * norm's output {@code h}, the block's output {@code y} and both norms' factors.
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
    /** TRM's MLP variant: {@code [B, 2·Iₜ, D]} and {@code [B, Iₜ, D]}; null with attention. */
    final DeviceArray tokenGateUp;
    final DeviceArray tokenAct;
    /** Kept only: {@code [N, D]} each, and {@code [N]} each ({@code inv1}: {@code [B·D]} per column in the MLP variant). */
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
        boolean tokens = c.mlpT();
        q = tokens ? null : mem.allocate(n);
        k = tokens ? null : mem.allocate(n);
        v = tokens ? null : mem.allocate(n);
        probs = tokens ? null : mem.allocate((long) batch * c.numHeads() * c.totalSeqLen() * c.totalSeqLen());
        attn = tokens ? null : mem.allocate(n);
        long interT = tokens ? c.mlpTInterSize() : 0;
        tokenGateUp = tokens ? mem.allocate(batch * 2 * interT * c.hiddenSize()) : null;
        tokenAct = tokens ? mem.allocate(batch * interT * c.hiddenSize()) : null;
        gateUp = mem.allocate(rows * 2 * inter);
        act = mem.allocate(rows * inter);
        input = kept ? mem.allocate(n) : null;
        h = kept ? mem.allocate(n) : null;
        y = kept ? mem.allocate(n) : null;
        inv1 = kept ? mem.allocate(tokens ? (long) batch * c.hiddenSize() : rows) : null;
        inv2 = kept ? mem.allocate(rows) : null;
    }
}
