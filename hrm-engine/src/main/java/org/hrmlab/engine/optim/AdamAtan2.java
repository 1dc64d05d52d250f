package org.hrmlab.engine.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hrmlab.engine.cpu.Kernels;
import org.hrmlab.engine.cpu.Workers;

/**
 * Adam-atan2 (Everett et al., "Scaling Exponents Across Parameterizations and Optimizers") exactly as the CUDA kernel
 * the reference installs (imoneoi/adam-atan2) computes it, per element in float32:
 * <pre>
 *   t ← t + 1
 *   p ← p · (1 − lr·wd)
 *   m ← m + (1 − β1)(g − m);   v ← v + (1 − β2)(g² − v)
 *   p ← p − (lr / (1 − β1ᵗ)) · atan2( m,  √v / √(1 − β2ᵗ) )
 * </pre>
 * (the installed version, imoneoi/adam-atan2 @ 42a1aeb, keeps the first bias correction outside atan2). No epsilon:
 * atan2 is bounded. The moments are kept per named parameter.
 */
public final class AdamAtan2 {
    /** Elements per parallel work item; each element's update is independent, so results do not depend on it. */
    private static final int CHUNK = 1 << 16;

    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final Map<String, float[]> firstMoments = new LinkedHashMap<>();
    private final Map<String, float[]> secondMoments = new LinkedHashMap<>();
    private long step;

    /**
     * @param beta1       first-moment decay (0.9 in the reference)
     * @param beta2       second-moment decay (0.95 in the reference)
     * @param weightDecay decoupled weight decay (0.1 or 1.0 in the reference's runs)
     */
    public AdamAtan2(double beta1, double beta2, double weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
    }

    /** Advances the shared step counter; call once per optimiser step, before the {@link #update} calls. */
    public void beginStep() {
        step++;
    }

    /** @return optimiser steps taken */
    public long step() {
        return step;
    }

    /**
     * Applies one update to a parameter.
     *
     * @param name  the parameter's key (its moments are created as zeros on first use)
     * @param param the values (modified)
     * @param grad  the gradient, same length (not modified)
     * @param lr    this step's learning rate
     */
    public void update(String name, float[] param, float[] grad, double lr) {
        if (step == 0) {
            throw new IllegalStateException("call beginStep() before update()");
        }
        if (param.length != grad.length) {
            throw new IllegalArgumentException(name + ": " + param.length + " values but " + grad.length + " gradients");
        }
        float[] m = firstMoments.computeIfAbsent(name, k -> new float[param.length]);
        float[] v = secondMoments.computeIfAbsent(name, k -> new float[param.length]);
        double bc1 = 1 - Math.pow(beta1, (float) step);
        double bc2 = 1 - Math.pow(beta2, (float) step);
        float stepSize = (float) (lr / bc1);
        float wdAlpha = (float) (1 - lr * weightDecay);
        float bc2Sqrt = (float) Math.sqrt(bc2);
        float mb1 = (float) (1 - beta1);
        float mb2 = (float) (1 - beta2);
        int chunks = (param.length + CHUNK - 1) / CHUNK;
        Kernels kernels = Kernels.get();
        Workers.shared().run(chunks, (c, worker) -> {
            int end = Math.min(param.length, (c + 1) * CHUNK);
            if (kernels.adamAtan2(param, grad, m, v, c * CHUNK, end, wdAlpha, mb1, mb2, bc2Sqrt, stepSize)) {
                return;
            }
            for (int i = c * CHUNK; i < end; i++) {
                float g = grad[i];
                float p = param[i] * wdAlpha;
                float mi = Math.fma(mb1, g, Math.fma(-mb1, m[i], m[i]));
                float vi = Math.fma(mb2, g * g, Math.fma(-mb2, v[i], v[i]));
                float denom = (float) Math.sqrt(vi) / bc2Sqrt;
                p -= stepSize * (float) atan2(mi, denom);
                param[i] = p;
                m[i] = mi;
                v[i] = vi;
            }
        });
    }

    /**
     * {@code atan2(y, x)} for {@code x >= 0} (always so here: x is a square root), accurate to about 2e-8 and several
     * times faster than {@link Math#atan2}: reduce to {@code |t| <= tan(π/8)} and sum the odd Taylor series to t¹⁵.
     */
    static double atan2(double y, double x) {
        double ay = Math.abs(y);
        if (ay == 0) {
            return 0 * y;
        }
        boolean swap = ay > x;
        double z = swap ? x / ay : ay / x;
        double base = 0;
        if (z > 0.41421356237309503) {
            base = Math.PI / 4;
            z = (z - 1) / (z + 1);
        }
        double z2 = z * z;
        double poly = 1.0 / 15;
        poly = poly * -z2 + 1.0 / 13;
        poly = poly * -z2 + 1.0 / 11;
        poly = poly * -z2 + 1.0 / 9;
        poly = poly * -z2 + 1.0 / 7;
        poly = poly * -z2 + 1.0 / 5;
        poly = poly * -z2 + 1.0 / 3;
        poly = poly * -z2 + 1.0;
        double a = base + z * poly;
        if (swap) {
            a = Math.PI / 2 - a;
        }
        return y < 0 ? -a : a;
    }

    /** @return the first moments by parameter name (live; for checkpoints) */
    public Map<String, float[]> firstMoments() {
        return firstMoments;
    }

    /** @return the second moments by parameter name (live; for checkpoints) */
    public Map<String, float[]> secondMoments() {
        return secondMoments;
    }

    /**
     * Restores saved state (for {@code --resume}).
     *
     * @param savedStep steps taken
     * @param m         first moments by name (copied)
     * @param v         second moments by name (copied)
     */
    public void restore(long savedStep, Map<String, float[]> m, Map<String, float[]> v) {
        step = savedStep;
        firstMoments.clear();
        secondMoments.clear();
        m.forEach((k, a) -> firstMoments.put(k, a.clone()));
        v.forEach((k, a) -> secondMoments.put(k, a.clone()));
    }
}
