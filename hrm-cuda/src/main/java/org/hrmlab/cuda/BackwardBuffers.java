package org.hrmlab.cuda;

import org.hrmlab.engine.HrmConfig;

/** The gradients a block's backward passes through on the GPU, for a batch of {@code N = B·S} rows. */
final class BackwardBuffers {
    /** {@code [N, D]}: d loss / d the first norm's output, then d its input. */
    final DeviceArray dh;
    /** {@code [N, D]}: d loss / d merged heads. */
    final DeviceArray dattn;
    /** {@code [B, heads, S, hd]} each: d loss / d the heads' outputs, queries, keys, values. */
    final DeviceArray dout;
    final DeviceArray dq;
    final DeviceArray dk;
    final DeviceArray dv;
    /** {@code [B·heads, S, S]}: d loss / d probabilities, then d scores. */
    final DeviceArray dprobs;
    /** {@code [N, inter]}, {@code [N, 2·inter]}, {@code [N, 3·D]}. */
    final DeviceArray dact;
    final DeviceArray dgateUp;
    final DeviceArray dqkv;
    /** TRM's MLP variant: {@code [B, Iₜ, D]} and {@code [B, 2·Iₜ, D]}; null with attention. */
    final DeviceArray tokenDact;
    final DeviceArray tokenDgateUp;

    BackwardBuffers(DeviceBuffers mem, HrmConfig c, int batch) {
        long rows = (long) batch * c.totalSeqLen();
        long n = rows * c.hiddenSize();
        long inter = c.mlpInterSize();
        dh = mem.allocate(n);
        dattn = mem.allocate(n);
        dout = mem.allocate(n);
        dq = mem.allocate(n);
        dk = mem.allocate(n);
        dv = mem.allocate(n);
        dprobs = mem.allocate((long) batch * c.numHeads() * c.totalSeqLen() * c.totalSeqLen());
        dact = mem.allocate(rows * inter);
        dgateUp = mem.allocate(rows * 2 * inter);
        dqkv = mem.allocate(3 * n);
        long interT = c.mlpT() ? c.mlpTInterSize() : 0;
        tokenDact = c.mlpT() ? mem.allocate(batch * interT * c.hiddenSize()) : null;
        tokenDgateUp = c.mlpT() ? mem.allocate(batch * 2 * interT * c.hiddenSize()) : null;
    }
}
