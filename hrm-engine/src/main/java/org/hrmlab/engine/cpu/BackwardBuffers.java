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

    /** @param shape the blocks' shape */
    public BackwardBuffers(BlockShape shape) {
        long n = shape.rows();
        long a = (long) shape.heads() * shape.headDim();
        dqkv = new NativeArray(n * 3 * a);
        dattn = new NativeArray(n * a);
        dgu = new NativeArray(n * 2 * shape.inter());
        dm = new NativeArray(n * shape.inter());
        dh = new NativeArray(n * shape.hidden());
    }
}
