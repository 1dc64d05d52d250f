package org.hrmlab.engine.model;

import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;

/** Look-ups of named weights with one-line errors, shared by every backend. */
public final class Weights {
    private Weights() {
    }

    /** @return the tensor under {@code key} @throws IllegalArgumentException naming a missing key */
    public static HostTensor tensor(Map<String, HostTensor> w, String key) {
        HostTensor t = w.get(key);
        if (t == null) {
            throw new IllegalArgumentException("missing weight '" + key + "'");
        }
        return t;
    }

    /** @return the flat array under {@code key} @throws IllegalArgumentException naming a missing key */
    public static float[] array(Map<String, float[]> p, String key) {
        float[] a = p.get(key);
        if (a == null) {
            throw new IllegalArgumentException("missing weight '" + key + "'");
        }
        return a;
    }

    /** Copies the flat array under {@code key} into {@code dst}, which must have its length. */
    public static void copyInto(float[] dst, Map<String, float[]> p, String key) {
        float[] src = array(p, key);
        if (src.length != dst.length) {
            throw new IllegalArgumentException("'" + key + "' has " + src.length + " values, expected " + dst.length);
        }
        System.arraycopy(src, 0, dst, 0, dst.length);
    }

    /**
     * Refuses a TRM MLP-variant block whose token mixing was made for another number of positions: its width is the
     * sequence ({@code mlp_t.gate_up_proj.weight} is {@code [2·Iₜ, S]}), so the model runs only at that length.
     *
     * @param prefix the block's key prefix, such as {@code L_level.layers.0.}
     * @throws IllegalArgumentException in one line, naming the tensor and the shape the config needs
     */
    public static void requireTokenMixingWidth(HrmConfig config, Map<String, float[]> p, String prefix) {
        int interT = config.mlpTInterSize();
        int s = config.totalSeqLen();
        float[] gateUp = array(p, prefix + "mlp_t.gate_up_proj.weight");
        if (gateUp.length != 2L * interT * s) {
            throw new IllegalArgumentException("'" + prefix + "mlp_t.gate_up_proj.weight' has " + gateUp.length
                    + " values but " + s + " positions need [" + 2 * interT + ", " + s
                    + "]: TRM's MLP variant runs at the sequence length it was made for");
        }
    }

    /** @return flat copies of every tensor, for {@link HrmModel#refreshWeights} */
    public static Map<String, float[]> flat(Map<String, HostTensor> w) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        w.forEach((k, v) -> out.put(k, v.data()));
        return out;
    }
}
