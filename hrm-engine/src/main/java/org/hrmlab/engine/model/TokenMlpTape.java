package org.hrmlab.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.Network;
import org.hrmlab.engine.cpu.NativeArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The L level of TRM's MLP variant ({@code mlp_t}, hrm-reference.md §6.1) as a differentiable function with a
 * hand-written backward, in float32 on ND4J GEMMs. Each post-norm block is
 * <pre>
 *   h ← transpose(RMSNorm_rows(hᵀ + SwiGLU_S(hᵀ)))   token mixing: per example the [D, S] transpose, a SwiGLU of width S
 *   h ← RMSNorm_rows(h + SwiGLU_D(h))                the usual channel SwiGLU
 * </pre>
 * exactly as the reference writes it (it transposes to {@code [B, D, S]}, so the first norm runs over the sequence).
 * Both sub-layers are one {@link SwiGlu} on rows of their width. It is the kept-activation forward and the backward
 * of {@link CpuNetwork} for this variant (whose no-grad forward runs on the native {@link TokenMlpBlock}s): it copies
 * the native residual stream to the heap and back around each application, as a native backward of the token-mixing
 * block does not exist yet. Not thread-safe.
 */
final class TokenMlpTape implements Network<NativeArray> {
    private final int batch;
    private final int s;
    private final int d;
    private final SwiGlu[] tokenMix;
    private final SwiGlu[] channel;
    /** The kept activations of each application ({@link Network#forward}). */
    private final Tape[] tapes;
    /** The weight gradients summed over {@link Network#backward} calls. */
    private final Map<String, float[]> grads = new LinkedHashMap<>();
    /** {@code [B·S·D]} host copy of the residual stream. */
    private final float[] host;

    /**
     * @param config       a TRM with {@code mlp_t}
     * @param batch        examples per call
     * @param applications how many applications {@link Network#forward} keeps at once
     */
    TokenMlpTape(HrmConfig config, int batch, int applications) {
        if (!config.mlpT()) {
            throw new IllegalArgumentException("not TRM's MLP variant (mlp_t)");
        }
        this.batch = batch;
        this.s = config.totalSeqLen();
        this.d = config.hiddenSize();
        float eps = (float) config.rmsNormEps();
        tokenMix = new SwiGlu[config.lLayers()];
        channel = new SwiGlu[config.lLayers()];
        for (int i = 0; i < tokenMix.length; i++) {
            String prefix = "L_level.layers." + i + ".";
            tokenMix[i] = new SwiGlu(prefix + "mlp_t.", batch * d, s, config.mlpTInterSize(), eps);
            channel[i] = new SwiGlu(prefix + "mlp.", batch * s, d, config.mlpInterSize(), eps);
        }
        tapes = new Tape[applications];
        host = new float[batch * s * d];
    }

    /** Takes the current parameter values (copied). */
    void setWeights(Map<String, float[]> p) {
        for (int i = 0; i < tokenMix.length; i++) {
            tokenMix[i].set(p);
            channel[i].set(p);
        }
    }

    /** The kept activations of one application of the level. */
    static final class Tape {
        private final SwiGlu.Cache[] tokenCaches;
        private final SwiGlu.Cache[] channelCaches;

        private Tape(int layers) {
            tokenCaches = new SwiGlu.Cache[layers];
            channelCaches = new SwiGlu.Cache[layers];
        }

        /** @return the level's output {@code [B·S·D]} */
        float[] output() {
            return channelCaches[channelCaches.length - 1].y;
        }
    }

    @Override
    public void forward(NativeArray x, int application) {
        x.get(host);
        Tape tape = forward(host);
        if (application >= 0) {
            tapes[application] = tape;
        }
        x.put(tape.output());
    }

    @Override
    public void backward(NativeArray dy, int application, boolean accumulate) {
        if (!accumulate) {
            grads.clear();
        }
        dy.get(host);
        dy.put(backward(tapes[application], host, grads));
    }

    @Override
    public void gradientsTo(Map<String, float[]> out) {
        out.putAll(grads);
    }

    /** @return the level applied to {@code in} {@code [B·S·D]} (not modified), activations kept */
    private Tape forward(float[] in) {
        Tape tape = new Tape(tokenMix.length);
        float[] h = in;
        for (int i = 0; i < tokenMix.length; i++) {
            tape.tokenCaches[i] = tokenMix[i].forward(transpose(h, s, d));
            tape.channelCaches[i] = channel[i].forward(transpose(tape.tokenCaches[i].y, d, s));
            h = tape.channelCaches[i].y;
        }
        return tape;
    }

    /**
     * Back-propagates {@code dy} through one recorded application.
     *
     * @param g the gradients so far by key; the blocks' parameter gradients are added in (arrays created as needed)
     * @return d loss / d the level's input
     */
    private float[] backward(Tape tape, float[] dy, Map<String, float[]> g) {
        float[] dh = dy;
        for (int i = tokenMix.length - 1; i >= 0; i--) {
            float[] dt = channel[i].backward(tape.channelCaches[i], dh, g);
            dh = transpose(tokenMix[i].backward(tape.tokenCaches[i], transpose(dt, s, d), g), d, s);
        }
        return dh;
    }

    /** @return per example, the {@code [cols, rows]} transpose of a {@code [rows, cols]} matrix */
    private float[] transpose(float[] a, int rows, int cols) {
        float[] out = new float[a.length];
        int per = rows * cols;
        for (int b = 0; b < batch; b++) {
            int o = b * per;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    out[o + c * rows + r] = a[o + r * cols + c];
                }
            }
        }
        return out;
    }

    /**
     * A post-norm SwiGLU sub-layer on {@code [rows, width]}: {@code y = RMSNorm(x + W_down (SiLU(W_gate x) ⊙ W_up x))}
     * per row, with {@code gate_up_proj [2·inter, width]} (gate rows first) and {@code down_proj [width, inter]}.
     */
    static final class SwiGlu {
        private final String prefix;
        private final int rows;
        private final int width;
        private final int inter;
        private final float eps;
        private INDArray wGu;
        private INDArray wDown;

        SwiGlu(String prefix, int rows, int width, int inter, float eps) {
            this.prefix = prefix;
            this.rows = rows;
            this.width = width;
            this.inter = inter;
            this.eps = eps;
        }

        void set(Map<String, float[]> p) {
            wGu = mat(p.get(prefix + "gate_up_proj.weight"), 2L * inter, width);
            wDown = mat(p.get(prefix + "down_proj.weight"), width, inter);
        }

        /** What the backward needs from the forward. */
        static final class Cache {
            INDArray x;
            float[] gu;
            INDArray m;
            float[] inv;
            float[] y;
        }

        Cache forward(float[] in) {
            Cache k = new Cache();
            k.x = mat(in, rows, width);
            float[] gu = arr(Nd4j.gemm(k.x, wGu, false, true));
            k.gu = gu;
            float[] mf = new float[rows * inter];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < inter; i++) {
                    float gv = gu[r * 2 * inter + i];
                    float sig = (float) (1.0 / (1.0 + Math.exp(-gv)));
                    mf[r * inter + i] = gv * sig * gu[r * 2 * inter + inter + i];
                }
            }
            k.m = mat(mf, rows, inter);
            float[] r2 = arr(Nd4j.gemm(k.m, wDown, false, true));
            for (int i = 0; i < r2.length; i++) {
                r2[i] += in[i];
            }
            k.inv = new float[rows];
            k.y = rmsNorm(r2, k.inv);
            return k;
        }

        /** @return d loss / d input; adds this sub-layer's two weight gradients into {@code g} */
        float[] backward(Cache k, float[] dy, Map<String, float[]> g) {
            float[] dr = rmsBackward(dy, k.y, k.inv);
            INDArray drm = mat(dr, rows, width);
            add(g, prefix + "down_proj.weight", arr(Nd4j.gemm(drm, k.m, true, false)));
            float[] dm = arr(Nd4j.gemm(drm, wDown, false, false));
            float[] gu = k.gu;
            float[] dgu = new float[rows * 2 * inter];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < inter; i++) {
                    float gv = gu[r * 2 * inter + i];
                    float up = gu[r * 2 * inter + inter + i];
                    float sig = (float) (1.0 / (1.0 + Math.exp(-gv)));
                    float dmi = dm[r * inter + i];
                    dgu[r * 2 * inter + i] = dmi * up * sig * (1 + gv * (1 - sig));
                    dgu[r * 2 * inter + inter + i] = dmi * gv * sig;
                }
            }
            INDArray dguM = mat(dgu, rows, 2L * inter);
            add(g, prefix + "gate_up_proj.weight", arr(Nd4j.gemm(dguM, k.x, true, false)));
            float[] dx = arr(Nd4j.gemm(dguM, wGu, false, false));
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dr[i];
            }
            return dx;
        }

        private float[] rmsNorm(float[] r, float[] inv) {
            float[] out = new float[r.length];
            for (int row = 0; row < rows; row++) {
                int o = row * width;
                double sum = 0;
                for (int i = 0; i < width; i++) {
                    float v = r[o + i];
                    sum += v * v;
                }
                float iv = (float) (1.0 / Math.sqrt((float) (sum / width) + eps));
                inv[row] = iv;
                for (int i = 0; i < width; i++) {
                    out[o + i] = r[o + i] * iv;
                }
            }
            return out;
        }

        /** {@code dr = inv · (dy − y · mean(dy ⊙ y))} for {@code y = r · inv}. */
        private float[] rmsBackward(float[] dy, float[] y, float[] inv) {
            float[] dr = new float[dy.length];
            for (int row = 0; row < rows; row++) {
                int o = row * width;
                double dot = 0;
                for (int i = 0; i < width; i++) {
                    dot += dy[o + i] * y[o + i];
                }
                float mean = (float) (dot / width);
                for (int i = 0; i < width; i++) {
                    dr[o + i] = inv[row] * (dy[o + i] - y[o + i] * mean);
                }
            }
            return dr;
        }
    }

    private static void add(Map<String, float[]> g, String key, float[] v) {
        g.merge(key, v, (a, b) -> {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        });
    }

    private static INDArray mat(float[] a, long... shape) {
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        out.data().asNioFloat().put(0, a);
        return out;
    }

    private static float[] arr(INDArray a) {
        INDArray c = a.isView() || a.ordering() != 'c' || a.offset() != 0 ? a.dup('c') : a;
        float[] out = new float[(int) c.length()];
        c.data().asNioFloat().get(0, out);
        return out;
    }
}
