package org.hrmlab.engine.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;

/**
 * The tensors an HRM or TRM of a given {@link HrmConfig} has, under the reference's key names, with their shapes
 * (hrm-reference.md §4.2 and §6). Linear weights are {@code [out, in]}. A TRM has no {@code H_level}; the blocks of its
 * MLP variant hold {@code mlp_t.*} (a SwiGLU over the {@code S_total} positions) where attention blocks hold
 * {@code self_attn.*}.
 */
public final class WeightLayout {
    private WeightLayout() {
    }

    /** @return the keys of the dense trainable tensors (Adam-atan2's parameters), in the reference's order */
    public static java.util.List<String> trainableKeys(HrmConfig config) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (String key : expected(config).keySet()) {
            if (!key.equals("H_init") && !key.equals("L_init") && !key.equals("puzzle_emb.weights")) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** @return key to shape, in the reference's state-dict order */
    public static Map<String, long[]> expected(HrmConfig c) {
        Map<String, long[]> m = new LinkedHashMap<>();
        long h = c.hiddenSize();
        m.put("H_init", new long[] {h});
        m.put("L_init", new long[] {h});
        m.put("embed_tokens.embedding_weight", new long[] {c.vocabSize(), h});
        m.put("lm_head.weight", new long[] {c.vocabSize(), h});
        m.put("q_head.weight", new long[] {2, h});
        m.put("q_head.bias", new long[] {2});
        if (c.puzzleEmbNdim() > 0) {
            m.put("puzzle_emb.weights", new long[] {c.numPuzzleIdentifiers(), c.puzzleEmbNdim()});
        }
        if (c.learnedPositions()) {
            m.put("embed_pos.embedding_weight", new long[] {c.totalSeqLen(), h});
        }
        if (!c.sharedNetwork()) {
            block(m, "H_level", c.hLayers(), c);
        }
        block(m, "L_level", c.lLayers(), c);
        return m;
    }

    private static void block(Map<String, long[]> m, String level, int layers, HrmConfig c) {
        long h = c.hiddenSize();
        long inter = c.mlpInterSize();
        for (int i = 0; i < layers; i++) {
            String p = level + ".layers." + i + ".";
            if (c.mlpT()) {
                long positions = c.totalSeqLen();
                long interT = c.mlpTInterSize();
                m.put(p + "mlp_t.gate_up_proj.weight", new long[] {2 * interT, positions});
                m.put(p + "mlp_t.down_proj.weight", new long[] {positions, interT});
            } else {
                m.put(p + "self_attn.qkv_proj.weight", new long[] {3L * c.numHeads() * c.headDim(), h});
                m.put(p + "self_attn.o_proj.weight", new long[] {h, h});
            }
            m.put(p + "mlp.gate_up_proj.weight", new long[] {2 * inter, h});
            m.put(p + "mlp.down_proj.weight", new long[] {h, inter});
        }
    }

    /** The most values one {@link HostTensor} (a Java array) can hold. */
    public static final long MAX_TENSOR_VALUES = Integer.MAX_VALUE - 8;

    /**
     * @return the first tensor of {@code config} too large for one Java array, as "tensor 'k' [a, b] would hold N
     *         values, more than ... can", or null if every tensor fits
     */
    public static String oversized(HrmConfig config) {
        for (var e : expected(config).entrySet()) {
            long n = 1;
            for (long d : e.getValue()) {
                n = d == 0 ? 0 : (n > MAX_TENSOR_VALUES / d ? MAX_TENSOR_VALUES + 1 : n * d);
            }
            if (n > MAX_TENSOR_VALUES) {
                return "tensor '" + e.getKey() + "' " + Arrays.toString(e.getValue()) + " would hold more than "
                        + MAX_TENSOR_VALUES + " values, the most one tensor can";
            }
        }
        return null;
    }

    /** @return the number of values of all of {@code config}'s tensors (saturating at Long.MAX_VALUE) */
    public static long values(HrmConfig config) {
        long total = 0;
        for (long[] shape : expected(config).values()) {
            long n = 1;
            for (long d : shape) {
                n = d == 0 ? 0 : (n > Long.MAX_VALUE / d ? Long.MAX_VALUE : n * d);
            }
            total = total > Long.MAX_VALUE - n ? Long.MAX_VALUE : total + n;
        }
        return total;
    }

    /**
     * Checks that {@code weights} holds exactly the tensors {@code config} implies, with their shapes.
     *
     * @throws CheckpointException naming the first missing, unexpected or mis-shaped tensor
     */
    public static void validate(Path file, HrmConfig config, Map<String, HostTensor> weights)
            throws CheckpointException {
        Map<String, long[]> expected = expected(config);
        for (var e : expected.entrySet()) {
            HostTensor t = weights.get(e.getKey());
            if (t == null) {
                throw new CheckpointException(file, "tensor '" + e.getKey() + "' is missing");
            }
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new CheckpointException(file, "tensor '" + e.getKey() + "' has shape " + t.shapeText()
                        + " but the config implies " + Arrays.toString(e.getValue()));
            }
        }
        TreeSet<String> extra = new TreeSet<>(weights.keySet());
        extra.removeAll(expected.keySet());
        if (!extra.isEmpty()) {
            throw new CheckpointException(file, "unexpected tensor '" + extra.first()
                    + "' (the config does not use it: does the config match the weights?)");
        }
    }
}
