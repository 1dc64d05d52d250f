package org.hrmlab.engine.cpu;

/**
 * Where a block's forward pass writes its intermediate values, for one shape. An inference workspace reuses one set
 * for every block ({@code kept = false}: attention probabilities live in per-worker {@link Scratch} and the SwiGLU
 * product overwrites its gate half); a training step keeps one set per block ({@code kept = true}) with everything its
 * backward pass reads: the block input, the rotated Q|K|V, every head's probabilities, the merged heads, the first
 * norm's output and factors, the SwiGLU pre-activations and product, the output and the second norm's factors.
 */
public final class BlockActivations {
    final BlockShape shape;
    final boolean kept;
    /** {@code [N, 3·H·hd]} Q (rotated, scaled by 1/√hd) | K (rotated) | V. */
    final NativeArray qkv;
    /** {@code [B·H, S, S]} attention probabilities, kept only. */
    final NativeArray probs;
    /** {@code [N, H·hd]} heads side by side. */
    final NativeArray attn;
    /** {@code [N, 2·I]} gate | up pre-activations. */
    final NativeArray gu;
    /** {@code [N, I]} SiLU(gate)·up, kept only (else written over gu's gate half). */
    final NativeArray m;
    /** {@code [N, D]} block input, first norm's output, block output; kept only. */
    final NativeArray input;
    final NativeArray h;
    final NativeArray y;
    /** {@code [N]} the two norms' factors (kept only). */
    final float[] inv1;
    final float[] inv2;

    /**
     * @param shape the block's shape
     * @param kept  true to keep what the backward pass needs
     */
    public BlockActivations(BlockShape shape, boolean kept) {
        this.shape = shape;
        this.kept = kept;
        long n = shape.rows();
        long d = shape.hidden();
        long a = (long) shape.heads() * shape.headDim();
        boolean att = shape.attention();
        qkv = att ? new NativeArray(n * 3 * a) : null;
        probs = att && kept ? new NativeArray((long) shape.batch() * shape.heads() * shape.positions()
                * shape.positions()) : null;
        attn = att ? new NativeArray(n * a) : null;
        gu = new NativeArray(n * 2 * shape.inter());
        m = kept ? new NativeArray(n * shape.inter()) : null;
        input = kept ? new NativeArray(n * d) : null;
        h = kept ? new NativeArray(n * d) : null;
        y = kept ? new NativeArray(n * d) : null;
        inv1 = kept ? new float[(int) n] : null;
        inv2 = kept ? new float[(int) n] : null;
    }

    /** @return the shape */
    public BlockShape shape() {
        return shape;
    }
}
