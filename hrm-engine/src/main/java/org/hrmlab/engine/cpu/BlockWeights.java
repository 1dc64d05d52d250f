package org.hrmlab.engine.cpu;

import java.util.Map;

/**
 * One post-norm block's weights in native memory, in the reference's {@code [out, in]} layout (so refilling them is a
 * copy, and each product uses the weight transposed):
 * {@code qkv [3·H·hd, D]} (rows Q | K | V, head-major inside each), {@code o [D, H·hd]},
 * {@code gateUp [2·I, D]} (rows gate | up: the reference's fused {@code gate_up_proj}), {@code down [D, I]}. A block
 * without attention (TRM's MLP variant, whose token mixing lives elsewhere) has no {@code qkv} and {@code o}.
 */
public final class BlockWeights {
    final NativeArray qkv;
    final NativeArray o;
    final NativeArray gateUp;
    final NativeArray down;

    /** Zero weights for a block of {@code shape} (attention ones only if it attends). */
    public BlockWeights(BlockShape shape) {
        int d = shape.hidden();
        int a = shape.heads() * shape.headDim();
        qkv = shape.attention() ? new NativeArray(3L * a * d) : null;
        o = shape.attention() ? new NativeArray((long) d * a) : null;
        gateUp = new NativeArray(2L * shape.inter() * d);
        down = new NativeArray((long) d * shape.inter());
    }

    /**
     * Copies a block's tensors from flat row-major arrays under the reference's keys ({@code prefix +
     * "self_attn.qkv_proj.weight"}, {@code "self_attn.o_proj.weight"}, {@code "mlp.gate_up_proj.weight"},
     * {@code "mlp.down_proj.weight"}).
     */
    public void set(Map<String, float[]> params, String prefix) {
        if (qkv != null) {
            fill(qkv, params, prefix + "self_attn.qkv_proj.weight");
            fill(o, params, prefix + "self_attn.o_proj.weight");
        }
        fill(gateUp, params, prefix + "mlp.gate_up_proj.weight");
        fill(down, params, prefix + "mlp.down_proj.weight");
    }

    /**
     * Copies the tensors out under the same keys as {@link #set} (as a block's gradients), into the map's arrays of
     * those keys, made on first use.
     */
    public void copyTo(Map<String, float[]> out, String prefix) {
        if (qkv != null) {
            copy(qkv, out, prefix + "self_attn.qkv_proj.weight");
            copy(o, out, prefix + "self_attn.o_proj.weight");
        }
        copy(gateUp, out, prefix + "mlp.gate_up_proj.weight");
        copy(down, out, prefix + "mlp.down_proj.weight");
    }

    static void copy(NativeArray src, Map<String, float[]> out, String key) {
        src.get(out.computeIfAbsent(key, k -> new float[src.length()]));
    }

    static void fill(NativeArray dst, Map<String, float[]> params, String key) {
        float[] v = params.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing weight '" + key + "'");
        }
        if (v.length != dst.length()) {
            throw new IllegalArgumentException("'" + key + "' has " + v.length + " values, expected " + dst.length());
        }
        dst.put(v);
    }
}
