package org.hrmlab.engine.cpu;

/** {@link Kernels} as plain loops: the fallback when the JDK Vector API module is not loaded. */
final class ScalarKernels implements Kernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public float rmsNorm(float[] x, int o, int n, float eps) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float v = x[o + i];
            sum += v * v;
        }
        float inv = (float) (1.0 / Math.sqrt((float) (sum / n) + eps));
        for (int i = 0; i < n; i++) {
            x[o + i] *= inv;
        }
        return inv;
    }

    @Override
    public void softmax(float[] x, int o, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[o + i]);
        }
        float sum = 0;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[o + i] - max);
            x[o + i] = e;
            sum += e;
        }
        float inv = 1f / sum;
        for (int i = 0; i < n; i++) {
            x[o + i] *= inv;
        }
    }

    @Override
    public void siluMul(float[] src, int g, int u, float[] dst, int d, int n) {
        for (int i = 0; i < n; i++) {
            float gv = src[g + i];
            dst[d + i] = gv / (1f + (float) Math.exp(-gv)) * src[u + i];
        }
    }

    @Override
    public void rope(float[] x, int o, int hd, float[] cos, float[] sin, int t, float scale) {
        int half = hd / 2;
        for (int i = 0; i < half; i++) {
            float x1 = x[o + i];
            float x2 = x[o + i + half];
            x[o + i] = (x1 * cos[t + i] - x2 * sin[t + i]) * scale;
            x[o + i + half] = (x2 * cos[t + i + half] + x1 * sin[t + i + half]) * scale;
        }
    }

    @Override
    public void add(float[] a, int ao, float[] b, int bo, float[] dst, int d, int n) {
        for (int i = 0; i < n; i++) {
            dst[d + i] = a[ao + i] + b[bo + i];
        }
    }

    @Override
    public void rmsNormBackward(float[] dy, int dyo, float[] y, int yo, float inv, float[] dr, int dro, int n) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
            dot += dy[dyo + i] * y[yo + i];
        }
        float mean = (float) (dot / n);
        for (int i = 0; i < n; i++) {
            dr[dro + i] = inv * (dy[dyo + i] - y[yo + i] * mean);
        }
    }

    @Override
    public void softmaxBackward(float[] p, int po, float[] dp, int dpo, int n) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
            dot += dp[dpo + i] * p[po + i];
        }
        for (int i = 0; i < n; i++) {
            dp[dpo + i] = p[po + i] * (float) (dp[dpo + i] - dot);
        }
    }

    @Override
    public void siluMulBackward(float[] gu, int g, int u, float[] dm, int dmo, float[] dgu, int dg, int du, int n) {
        for (int i = 0; i < n; i++) {
            float gv = gu[g + i];
            float up = gu[u + i];
            float sig = 1f / (1f + (float) Math.exp(-gv));
            float d = dm[dmo + i];
            dgu[dg + i] = d * up * sig * (1 + gv * (1 - sig));
            dgu[du + i] = d * gv * sig;
        }
    }

    @Override
    public void ropeBackward(float[] x, int o, int hd, float[] cos, float[] sin, int t, float scale) {
        int half = hd / 2;
        for (int i = 0; i < half; i++) {
            float g1 = x[o + i];
            float g2 = x[o + i + half];
            x[o + i] = (g1 * cos[t + i] + g2 * sin[t + i + half]) * scale;
            x[o + i + half] = (g2 * cos[t + i + half] - g1 * sin[t + i]) * scale;
        }
    }
}
