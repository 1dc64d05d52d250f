package org.hrmlab.engine.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the JDK Vector API (incubator module {@code jdk.incubator.vector}; only the operations that Java
 * 17 and later releases share). The exponential is a Cephes-style polynomial on basic lane operations (relative error
 * about 1.2e-7, as float32's own rounding), not {@code VectorOperators.EXP}, which is a scalar loop on CPUs or JDKs
 * without a vector math library; sums over lanes use a fixed order ({@link #sum}). Tails shorter than a vector run the
 * same arithmetic on scalars.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** 1.5·2²³: adding it rounds a float to an integer held in the low mantissa bits. */
    private static final float ROUND = 12582912f;
    private static final float P0 = 1.9875691500e-4f;
    private static final float P1 = 1.3981999507e-3f;
    private static final float P2 = 8.3334519073e-3f;
    private static final float P3 = 4.1665795894e-2f;
    private static final float P4 = 1.6666665459e-1f;
    private static final float P5 = 5.0000001201e-1f;
    private static final float MIN_X = -87.3f;
    private static final float MAX_X = 88.3f;

    /** Lane-swapping shuffles {@code i → i ^ k} for k = L/2, L/4, .., 1: a fixed summation tree. */
    private static final VectorShuffle<Float>[] BUTTERFLY = butterfly();

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] butterfly() {
        int steps = Integer.numberOfTrailingZeros(L);
        VectorShuffle<Float>[] out = new VectorShuffle[steps];
        for (int j = 0; j < steps; j++) {
            int k = L >> (j + 1);
            out[j] = VectorShuffle.fromOp(F, i -> i ^ k);
        }
        return out;
    }

    /**
     * The sum of the lanes in a fixed order (a butterfly of lane-wise additions). {@code reduceLanes(ADD)} leaves the
     * order open, and compiled code may sum in another order than the interpreter: the same pass would then round
     * differently before and after the JIT has compiled it, and replaying a computation would not reproduce it.
     */
    static float sum(FloatVector v) {
        for (VectorShuffle<Float> s : BUTTERFLY) {
            v = v.add(v.rearrange(s));
        }
        return v.lane(0);
    }

    @Override
    public String name() {
        return "vector " + F.vectorBitSize() + "-bit";
    }

    /** {@code e^x}: {@code x = n·ln2 + r}, a degree-7 polynomial in {@code r}, times {@code 2^n} built in the exponent. */
    static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(MIN_X).min(MAX_X);
        FloatVector t = c.fma(FloatVector.broadcast(F, LOG2E), FloatVector.broadcast(F, ROUND));
        FloatVector n = t.sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(F, -LN2_HI), c);
        r = n.fma(FloatVector.broadcast(F, -LN2_LO), r);
        FloatVector p = r.fma(FloatVector.broadcast(F, P0), FloatVector.broadcast(F, P1));
        p = p.fma(r, FloatVector.broadcast(F, P2));
        p = p.fma(r, FloatVector.broadcast(F, P3));
        p = p.fma(r, FloatVector.broadcast(F, P4));
        p = p.fma(r, FloatVector.broadcast(F, P5));
        FloatVector y = p.mul(r).fma(r, r).add(1f);
        IntVector bits = ((IntVector) t.reinterpretAsInts()).sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23);
        return y.mul(bits.reinterpretAsFloats());
    }

    /** The same arithmetic on one float (for tails). */
    static float exp(float x) {
        float c = Math.min(Math.max(x, MIN_X), MAX_X);
        float t = Math.fma(c, LOG2E, ROUND);
        float n = t - ROUND;
        float r = Math.fma(n, -LN2_HI, c);
        r = Math.fma(n, -LN2_LO, r);
        float p = Math.fma(r, P0, P1);
        p = Math.fma(p, r, P2);
        p = Math.fma(p, r, P3);
        p = Math.fma(p, r, P4);
        p = Math.fma(p, r, P5);
        float y = Math.fma(p * r, r, r) + 1f;
        return y * Float.intBitsToFloat((Float.floatToRawIntBits(t) - (0x4B400000 - 127)) << 23);
    }

    private static FloatVector sigmoid(FloatVector g) {
        return FloatVector.broadcast(F, 1f).div(exp(g.neg()).add(1f));
    }

    private static float sigmoid(float g) {
        return 1f / (1f + exp(-g));
    }

    @Override
    public float rmsNorm(float[] x, int o, int n, float eps) {
        int bound = F.loopBound(n);
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(F, x, o + i);
            acc = v.fma(v, acc);
        }
        float sum = sum(acc);
        for (; i < n; i++) {
            sum = Math.fma(x[o + i], x[o + i], sum);
        }
        float inv = (float) (1.0 / Math.sqrt(sum / n + eps));
        for (i = 0; i < bound; i += L) {
            FloatVector.fromArray(F, x, o + i).mul(inv).intoArray(x, o + i);
        }
        for (; i < n; i++) {
            x[o + i] *= inv;
        }
        return inv;
    }

    @Override
    public void softmax(float[] x, int o, int n) {
        int bound = F.loopBound(n);
        FloatVector mv = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (; i < bound; i += L) {
            mv = mv.max(FloatVector.fromArray(F, x, o + i));
        }
        float max = mv.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            max = Math.max(max, x[o + i]);
        }
        FloatVector acc = FloatVector.zero(F);
        for (i = 0; i < bound; i += L) {
            FloatVector e = exp(FloatVector.fromArray(F, x, o + i).sub(max));
            e.intoArray(x, o + i);
            acc = acc.add(e);
        }
        float sum = sum(acc);
        for (; i < n; i++) {
            float e = exp(x[o + i] - max);
            x[o + i] = e;
            sum += e;
        }
        float inv = 1f / sum;
        for (i = 0; i < bound; i += L) {
            FloatVector.fromArray(F, x, o + i).mul(inv).intoArray(x, o + i);
        }
        for (; i < n; i++) {
            x[o + i] *= inv;
        }
    }

    @Override
    public void siluMul(float[] src, int g, int u, float[] dst, int d, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector gv = FloatVector.fromArray(F, src, g + i);
            gv.mul(sigmoid(gv)).mul(FloatVector.fromArray(F, src, u + i)).intoArray(dst, d + i);
        }
        for (; i < n; i++) {
            float gv = src[g + i];
            dst[d + i] = gv * sigmoid(gv) * src[u + i];
        }
    }

    @Override
    public void rope(float[] x, int o, int hd, float[] cos, float[] sin, int t, float scale) {
        int half = hd / 2;
        int bound = F.loopBound(half);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector x1 = FloatVector.fromArray(F, x, o + i);
            FloatVector x2 = FloatVector.fromArray(F, x, o + i + half);
            FloatVector c1 = FloatVector.fromArray(F, cos, t + i);
            FloatVector s1 = FloatVector.fromArray(F, sin, t + i);
            FloatVector c2 = FloatVector.fromArray(F, cos, t + i + half);
            FloatVector s2 = FloatVector.fromArray(F, sin, t + i + half);
            x1.mul(c1).sub(x2.mul(s1)).mul(scale).intoArray(x, o + i);
            x2.mul(c2).add(x1.mul(s2)).mul(scale).intoArray(x, o + i + half);
        }
        for (; i < half; i++) {
            float x1 = x[o + i];
            float x2 = x[o + i + half];
            x[o + i] = (x1 * cos[t + i] - x2 * sin[t + i]) * scale;
            x[o + i + half] = (x2 * cos[t + i + half] + x1 * sin[t + i + half]) * scale;
        }
    }

    @Override
    public void add(float[] a, int ao, float[] b, int bo, float[] dst, int d, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(F, a, ao + i).add(FloatVector.fromArray(F, b, bo + i)).intoArray(dst, d + i);
        }
        for (; i < n; i++) {
            dst[d + i] = a[ao + i] + b[bo + i];
        }
    }

    @Override
    public void rmsNormBackward(float[] dy, int dyo, float[] y, int yo, float inv, float[] dr, int dro, int n) {
        int bound = F.loopBound(n);
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (; i < bound; i += L) {
            acc = FloatVector.fromArray(F, dy, dyo + i).fma(FloatVector.fromArray(F, y, yo + i), acc);
        }
        float dot = sum(acc);
        for (; i < n; i++) {
            dot = Math.fma(dy[dyo + i], y[yo + i], dot);
        }
        float mean = dot / n;
        for (i = 0; i < bound; i += L) {
            FloatVector yv = FloatVector.fromArray(F, y, yo + i);
            FloatVector.fromArray(F, dy, dyo + i).sub(yv.mul(mean)).mul(inv).intoArray(dr, dro + i);
        }
        for (; i < n; i++) {
            dr[dro + i] = inv * (dy[dyo + i] - y[yo + i] * mean);
        }
    }

    @Override
    public void softmaxBackward(float[] p, int po, float[] dp, int dpo, int n) {
        int bound = F.loopBound(n);
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (; i < bound; i += L) {
            acc = FloatVector.fromArray(F, dp, dpo + i).fma(FloatVector.fromArray(F, p, po + i), acc);
        }
        float dot = sum(acc);
        for (; i < n; i++) {
            dot = Math.fma(dp[dpo + i], p[po + i], dot);
        }
        for (i = 0; i < bound; i += L) {
            FloatVector.fromArray(F, dp, dpo + i).sub(dot).mul(FloatVector.fromArray(F, p, po + i))
                    .intoArray(dp, dpo + i);
        }
        for (; i < n; i++) {
            dp[dpo + i] = p[po + i] * (dp[dpo + i] - dot);
        }
    }

    @Override
    public void siluMulBackward(float[] gu, int g, int u, float[] dm, int dmo, float[] dgu, int dg, int du, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector gv = FloatVector.fromArray(F, gu, g + i);
            FloatVector up = FloatVector.fromArray(F, gu, u + i);
            FloatVector d = FloatVector.fromArray(F, dm, dmo + i);
            FloatVector sig = sigmoid(gv);
            FloatVector oneMinus = sig.neg().add(1f);
            d.mul(up).mul(sig).mul(gv.mul(oneMinus).add(1f)).intoArray(dgu, dg + i);
            d.mul(gv).mul(sig).intoArray(dgu, du + i);
        }
        for (; i < n; i++) {
            float gv = gu[g + i];
            float up = gu[u + i];
            float sig = sigmoid(gv);
            float d = dm[dmo + i];
            dgu[dg + i] = d * up * sig * (1 + gv * (1 - sig));
            dgu[du + i] = d * gv * sig;
        }
    }

    @Override
    public void ropeBackward(float[] x, int o, int hd, float[] cos, float[] sin, int t, float scale) {
        int half = hd / 2;
        int bound = F.loopBound(half);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector g1 = FloatVector.fromArray(F, x, o + i);
            FloatVector g2 = FloatVector.fromArray(F, x, o + i + half);
            FloatVector c1 = FloatVector.fromArray(F, cos, t + i);
            FloatVector s1 = FloatVector.fromArray(F, sin, t + i);
            FloatVector c2 = FloatVector.fromArray(F, cos, t + i + half);
            FloatVector s2 = FloatVector.fromArray(F, sin, t + i + half);
            g1.mul(c1).add(g2.mul(s2)).mul(scale).intoArray(x, o + i);
            g2.mul(c2).sub(g1.mul(s1)).mul(scale).intoArray(x, o + i + half);
        }
        for (; i < half; i++) {
            float g1 = x[o + i];
            float g2 = x[o + i + half];
            x[o + i] = (g1 * cos[t + i] + g2 * sin[t + i + half]) * scale;
            x[o + i + half] = (g2 * cos[t + i + half] - g1 * sin[t + i]) * scale;
        }
    }

    @Override
    public boolean adamAtan2(float[] p, float[] g, float[] m, float[] v, int from, int to, float decay, float b1,
                             float b2, float bc2Sqrt, float step) {
        int bound = from + F.loopBound(to - from);
        FloatVector nb1 = FloatVector.broadcast(F, -b1);
        FloatVector nb2 = FloatVector.broadcast(F, -b2);
        FloatVector vb1 = FloatVector.broadcast(F, b1);
        FloatVector vb2 = FloatVector.broadcast(F, b2);
        int i = from;
        for (; i < bound; i += L) {
            FloatVector gv = FloatVector.fromArray(F, g, i);
            FloatVector mv = FloatVector.fromArray(F, m, i);
            FloatVector vv = FloatVector.fromArray(F, v, i);
            mv = gv.fma(vb1, mv.fma(nb1, mv));
            vv = gv.mul(gv).fma(vb2, vv.fma(nb2, vv));
            FloatVector denom = vv.sqrt().div(bc2Sqrt);
            FloatVector pv = FloatVector.fromArray(F, p, i).mul(decay);
            pv.sub(atan2(mv, denom).mul(step)).intoArray(p, i);
            mv.intoArray(m, i);
            vv.intoArray(v, i);
        }
        for (; i < to; i++) {
            float gi = g[i];
            float mi = Math.fma(b1, gi, Math.fma(-b1, m[i], m[i]));
            float vi = Math.fma(b2, gi * gi, Math.fma(-b2, v[i], v[i]));
            float denom = (float) Math.sqrt(vi) / bc2Sqrt;
            p[i] = p[i] * decay - step * atan2(mi, denom);
            m[i] = mi;
            v[i] = vi;
        }
        return true;
    }

    private static final float TAN_PI_8 = 0.41421356f;
    private static final float PI_4 = (float) (Math.PI / 4);
    private static final float PI_2 = (float) (Math.PI / 2);

    /**
     * {@code atan2(y, x)} for {@code x >= 0}: reduced to {@code |t| <= tan(π/8)}, then the odd Taylor series to t¹⁵
     * (truncation below 2e-8, so float32 rounding dominates).
     */
    static FloatVector atan2(FloatVector y, FloatVector x) {
        FloatVector ay = y.abs();
        VectorMask<Float> swap = ay.compare(VectorOperators.GT, x);
        FloatVector den = ay.max(x);
        FloatVector z = ay.min(x).div(den);
        z = z.blend(0f, den.compare(VectorOperators.EQ, 0f));
        VectorMask<Float> far = z.compare(VectorOperators.GT, TAN_PI_8);
        z = z.blend(z.sub(1f).div(z.add(1f)), far);
        FloatVector z2 = z.mul(z).neg();
        FloatVector poly = z2.fma(FloatVector.broadcast(F, 1f / 15), FloatVector.broadcast(F, 1f / 13));
        poly = poly.fma(z2, FloatVector.broadcast(F, 1f / 11));
        poly = poly.fma(z2, FloatVector.broadcast(F, 1f / 9));
        poly = poly.fma(z2, FloatVector.broadcast(F, 1f / 7));
        poly = poly.fma(z2, FloatVector.broadcast(F, 1f / 5));
        poly = poly.fma(z2, FloatVector.broadcast(F, 1f / 3));
        poly = poly.fma(z2, FloatVector.broadcast(F, 1f));
        FloatVector a = z.mul(poly).add(FloatVector.zero(F).blend(PI_4, far));
        a = a.blend(a.neg().add(PI_2), swap);
        return a.blend(a.neg(), y.compare(VectorOperators.LT, 0f));
    }

    /** The same on one float. */
    static float atan2(float y, float x) {
        float ay = Math.abs(y);
        boolean swap = ay > x;
        float den = Math.max(ay, x);
        float z = den == 0 ? 0 : Math.min(ay, x) / den;
        boolean far = z > TAN_PI_8;
        if (far) {
            z = (z - 1f) / (z + 1f);
        }
        float z2 = -(z * z);
        float poly = Math.fma(z2, 1f / 15, 1f / 13);
        poly = Math.fma(poly, z2, 1f / 11);
        poly = Math.fma(poly, z2, 1f / 9);
        poly = Math.fma(poly, z2, 1f / 7);
        poly = Math.fma(poly, z2, 1f / 5);
        poly = Math.fma(poly, z2, 1f / 3);
        poly = Math.fma(poly, z2, 1f);
        float a = z * poly + (far ? PI_4 : 0f);
        if (swap) {
            a = PI_2 - a;
        }
        return y < 0 ? -a : a;
    }
}
