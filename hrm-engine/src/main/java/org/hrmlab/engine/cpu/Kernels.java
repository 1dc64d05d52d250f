package org.hrmlab.engine.cpu;

/**
 * The element-wise passes of the CPU engine, one row (or one head vector) per call, on Java arrays: weightless
 * RMSNorm, softmax, SiLU-gated product, rotate-half RoPE, and their backward passes. {@link #get()} returns the JDK
 * Vector API implementation when the JVM was started with {@code --add-modules jdk.incubator.vector} (the launchers
 * do), else plain loops with the same results to float32 rounding.
 */
public interface Kernels {

    /** @return the fastest implementation this JVM offers */
    static Kernels get() {
        return Holder.INSTANCE;
    }

    /** @return a short name of the implementation, for benchmark output ("vector 512-bit", "scalar") */
    String name();

    /**
     * Weightless RMSNorm of {@code x[o .. o+n)} in place: {@code x · 1/√(mean(x²) + eps)}.
     *
     * @return the factor {@code 1/√(mean(x²) + eps)}
     */
    float rmsNorm(float[] x, int o, int n, float eps);

    /** Softmax of {@code x[o .. o+n)} in place: {@code exp(x − max) / Σ exp(x − max)}. */
    void softmax(float[] x, int o, int n);

    /** {@code dst[d+i] = SiLU(src[g+i]) · src[u+i]} for {@code i < n}, {@code SiLU(x) = x · σ(x)}. */
    void siluMul(float[] src, int g, int u, float[] dst, int d, int n);

    /**
     * Rotate-half RoPE of one head vector {@code x[o .. o+hd)} in place, times {@code scale}: with halves
     * {@code (x1, x2)}, {@code x' = (x1·cos₁ − x2·sin₁, x2·cos₂ + x1·sin₂) · scale} (cos and sin at {@code t ..}).
     */
    void rope(float[] x, int o, int hd, float[] cos, float[] sin, int t, float scale);

    /** {@code dst[d+i] = a[ao+i] + b[bo+i]}. */
    void add(float[] a, int ao, float[] b, int bo, float[] dst, int d, int n);

    /**
     * Backward of {@link #rmsNorm} given its output {@code y} and factor {@code inv}:
     * {@code dr = inv · (dy − y · mean(dy ⊙ y))}, written to {@code dr[o ..]} (may be {@code dy}).
     */
    void rmsNormBackward(float[] dy, int dyo, float[] y, int yo, float inv, float[] dr, int dro, int n);

    /** Backward of {@link #softmax} given its output {@code p}, in place on {@code dp}: {@code p ⊙ (dp − dp·p)}. */
    void softmaxBackward(float[] p, int po, float[] dp, int dpo, int n);

    /**
     * Backward of {@link #siluMul} from the pre-activations {@code gu} (gate at {@code g}, up at {@code u}) and the
     * output gradient {@code dm}: {@code dgate = dm·up·σ(g)(1 + g(1 − σ(g)))}, {@code dup = dm·SiLU(g)}.
     */
    void siluMulBackward(float[] gu, int g, int u, float[] dm, int dmo, float[] dgu, int dg, int du, int n);

    /** Backward of {@link #rope} in place on a gradient head vector: the transposed rotation, times {@code scale}. */
    void ropeBackward(float[] x, int o, int hd, float[] cos, float[] sin, int t, float scale);

    /**
     * One Adam-atan2 step on elements {@code [from, to)} (hrm-reference.md §1.10): {@code p ← p·decay};
     * {@code m ← m + b1(g − m)}; {@code v ← v + b2(g² − v)}; {@code p ← p − step·atan2(m, √v / bc2Sqrt)}.
     *
     * @return false if this implementation has no fast path for it (the caller runs its own loop)
     */
    default boolean adamAtan2(float[] p, float[] g, float[] m, float[] v, int from, int to, float decay, float b1,
                              float b2, float bc2Sqrt, float step) {
        return false;
    }

    /** Holds the chosen implementation (the Vector API one only if its module is in the boot layer). */
    final class Holder {
        static final Kernels INSTANCE = choose();

        private Holder() {
        }

        private static Kernels choose() {
            if (!Boolean.getBoolean("hrmlab.scalar") && ModuleLayer.boot().findModule("jdk.incubator.vector")
                    .isPresent()) {
                try {
                    return (Kernels) Class.forName("org.hrmlab.engine.cpu.VectorKernels").getDeclaredConstructor()
                            .newInstance();
                } catch (ReflectiveOperationException | LinkageError e) {
                    return new ScalarKernels();
                }
            }
            return new ScalarKernels();
        }
    }
}
