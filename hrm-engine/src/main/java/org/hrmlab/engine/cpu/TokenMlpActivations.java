package org.hrmlab.engine.cpu;

/**
 * Where a TRM MLP-variant block's forward pass ({@link TokenMlpBlock}) writes its intermediate values, for one shape.
 * Inference ({@code kept = false}) reuses one example's token products for every example and block; a training step
 * keeps one set per block application with what the backward pass reads: the block input, every example's token
 * gate | up pre-activations and gated product, the column norms' factors, and the channel SwiGLU's
 * {@link BlockActivations} (whose first-norm output is the token mixing's output). Also holds the host staging
 * arrays of the norm over the sequence.
 */
public final class TokenMlpActivations {
    final BlockShape shape;
    final int interT;
    final boolean kept;
    /** {@code [N, D]} block input (kept only). */
    final NativeArray input;
    /** {@code [B or 1, 2·Iₜ, D]} gate | up rows of each example (inference: one example's, the product over its gate). */
    final NativeArray gu;
    /** {@code [B, Iₜ, D]} SiLU(gate)·up of each example (kept only). */
    final NativeArray m;
    /** {@code [B or 1, D]} the norm-over-the-sequence factors of each example's columns. */
    final float[] colInv;
    /** The channel SwiGLU's activations. */
    final BlockActivations channel;
    /** {@code [max(S, 2·Iₜ)·D]} host staging; {@code [D]} column sums. */
    final float[] hostA;
    final float[] hostB;
    final double[] sums;

    /**
     * @param shape  the block's shape (no attention)
     * @param interT the token SwiGLU's inner width
     * @param kept   true to keep what the backward pass needs
     */
    public TokenMlpActivations(BlockShape shape, int interT, boolean kept) {
        this.shape = shape;
        this.interT = interT;
        this.kept = kept;
        int s = shape.positions();
        int d = shape.hidden();
        int examples = kept ? shape.batch() : 1;
        input = kept ? new NativeArray((long) shape.rows() * d) : null;
        gu = new NativeArray((long) examples * 2 * interT * d);
        m = kept ? new NativeArray((long) examples * interT * d) : null;
        colInv = new float[examples * d];
        channel = new BlockActivations(shape, kept);
        hostA = new float[Math.max(s, 2 * interT) * d];
        hostB = new float[Math.max(s, 2 * interT) * d];
        sums = new double[d];
    }
}
