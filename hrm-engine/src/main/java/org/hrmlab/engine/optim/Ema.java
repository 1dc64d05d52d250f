package org.hrmlab.engine.optim;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exponential moving average of parameters, as TRM's {@code EMAHelper} keeps it (hrm-reference.md §6.1; TRM:
 * models/ema.py): the shadow starts as a copy of the parameters and after every optimiser step becomes
 * {@code shadow ← (1 − rate)·param + rate·shadow}, per element in float32. The reference averages the module's
 * parameters only, so not the puzzle-embedding table (a buffer); evaluation and saved checkpoints use the shadow.
 */
public final class Ema {
    private final float rate;
    private final float oneMinusRate;
    private final Map<String, float[]> shadow = new LinkedHashMap<>();

    /**
     * @param rate   the decay, in [0, 1) (TRM's runs use 0.999)
     * @param params the parameters by key (not modified)
     * @param keys   the keys to average
     */
    public Ema(double rate, Map<String, float[]> params, Collection<String> keys) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("ema_rate must be in [0, 1), got " + rate);
        }
        this.rate = (float) rate;
        this.oneMinusRate = (float) (1.0 - rate);
        for (String k : keys) {
            float[] p = params.get(k);
            if (p == null) {
                throw new IllegalArgumentException("no parameter '" + k + "' to average");
            }
            shadow.put(k, p.clone());
        }
    }

    /** Moves the shadow towards the parameters' current values (not modified). */
    public void update(Map<String, float[]> params) {
        shadow.forEach((k, s) -> {
            float[] p = params.get(k);
            for (int i = 0; i < s.length; i++) {
                s[i] = oneMinusRate * p[i] + rate * s[i];
            }
        });
    }

    /** @return the decay */
    public double rate() {
        return rate;
    }

    /** @return the live shadow arrays by key (callers copy before changing) */
    public Map<String, float[]> shadow() {
        return shadow;
    }

    /**
     * Restores a saved shadow (for a resumed run); arrays are copied.
     *
     * @throws IllegalArgumentException if a key is missing or has another size
     */
    public void restore(Map<String, float[]> saved) {
        shadow.forEach((k, s) -> {
            float[] v = saved.get(k);
            if (v == null || v.length != s.length) {
                throw new IllegalArgumentException("saved EMA has no matching '" + k + "'");
            }
            System.arraycopy(v, 0, s, 0, s.length);
        });
    }
}
