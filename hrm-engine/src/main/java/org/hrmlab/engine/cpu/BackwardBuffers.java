package org.hrmlab.engine.cpu;

/** The gradients a block's backward pass passes between its steps, for one shape; shared by all blocks of a step. */
public final class BackwardBuffers {
    /** {@code [N, 3·H·hd]} d(Q|K|V). */
    final NativeArray dqkv;
    /** {@code [N, H·hd]} d(merged heads). */
    final NativeArray dattn;
    /** {@code [N, 2·I]} d(gate|up). */
    final NativeArray dgu;
    /** {@code [N, I]} d(SiLU(gate)·up). */
    final NativeArray dm;
    /** {@code [N, D]} d(first norm's output), then d(first residual sum). */
    final NativeArray dh;
    /** TRM's MLP variant: one example's {@code [Iₜ, D]} d(token SiLU(gate)·up) and {@code [2·Iₜ, D]} d(gate|up). */
    final NativeArray tokenDm;
    final NativeArray tokenDgu;

    /** @param shape the blocks' shape */
    public BackwardBuffers(BlockShape shape) {
        this(shape, 0);
    }

    /**
     * @param shape  the blocks' shape
     * @param interT the token SwiGLU's inner width of TRM's MLP-variant blocks ({@link TokenMlpBlock}), else 0
     */
    public BackwardBuffers(BlockShape shape, int interT) {
        long n = shape.rows();
        long a = (long) shape.heads() * shape.headDim();
        dqkv = new NativeArray(n * 3 * a);
        dattn = new NativeArray(n * a);
        dgu = new NativeArray(n * 2 * shape.inter());
        dm = new NativeArray(n * shape.inter());
        dh = new NativeArray(n * shape.hidden());
        tokenDm = interT > 0 ? new NativeArray((long) interT * shape.hidden()) : null;
        tokenDgu = interT > 0 ? new NativeArray(2L * interT * shape.hidden()) : null;
    }
}
