package org.hrmlab.engine.model;

import java.util.Map;
import org.hrmlab.engine.HostTensor;

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

    /** @return flat copies of every tensor, for {@link HrmModel#refreshWeights} */
    public static Map<String, float[]> flat(Map<String, HostTensor> w) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        w.forEach((k, v) -> out.put(k, v.data()));
        return out;
    }
}
