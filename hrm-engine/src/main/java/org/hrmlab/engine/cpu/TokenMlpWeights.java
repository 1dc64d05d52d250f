package org.hrmlab.engine.cpu;

import java.util.Map;

/**
 * The weights of one TRM MLP-variant block in native memory, in the reference's {@code [out, in]} layout: the token
 * mixing's {@code gateUp [2·Iₜ, S]} (rows gate | up: {@code mlp_t.gate_up_proj}) and {@code down [S, Iₜ]}
 * ({@code mlp_t.down_proj}), which multiply an example's {@code [S, D]} state from the left, and the channel SwiGLU's
 * {@link BlockWeights} (without attention).
 */
public final class TokenMlpWeights {
    final NativeArray gateUp;
    final NativeArray down;
    final BlockWeights channel;

    /**
     * Zero weights.
     *
     * @param shape  the block's shape (S, D, the channel SwiGLU's width; no attention)
     * @param interT the token SwiGLU's inner width Iₜ
     */
    public TokenMlpWeights(BlockShape shape, int interT) {
        gateUp = new NativeArray(2L * interT * shape.positions());
        down = new NativeArray((long) shape.positions() * interT);
        channel = new BlockWeights(shape);
    }

    /**
     * Copies a block's tensors from flat row-major arrays under the reference's keys ({@code prefix +
     * "mlp_t.gate_up_proj.weight"}, {@code "mlp_t.down_proj.weight"} and the channel SwiGLU's).
     *
     * @throws IllegalArgumentException for a missing tensor or one of another size (a model made for another
     *                                  sequence length: the token mixing's width is the sequence)
     */
    public void set(Map<String, float[]> params, String prefix) {
        BlockWeights.fill(gateUp, params, prefix + "mlp_t.gate_up_proj.weight");
        BlockWeights.fill(down, params, prefix + "mlp_t.down_proj.weight");
        channel.set(params, prefix);
    }

    /** Copies the tensors out under the same keys as {@link #set} (as a block's gradients), made on first use. */
    public void copyTo(Map<String, float[]> out, String prefix) {
        BlockWeights.copy(gateUp, out, prefix + "mlp_t.gate_up_proj.weight");
        BlockWeights.copy(down, out, prefix + "mlp_t.down_proj.weight");
        channel.copyTo(out, prefix);
    }
}
