package org.hrmlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels against the plain loops (and the library's exp and atan2), on lengths with and without a
 * vector tail. Runs where the test JVM has {@code jdk.incubator.vector} (the build adds it).
 */
class KernelsTest {
    private static final int[] LENGTHS = {1, 7, 16, 33, 64, 512, 901, 1536};
    private final Kernels scalar = new ScalarKernels();
    private final Kernels vector = Kernels.get();
    private final Random rnd = new Random(5);

    @Test
    void theVectorImplementationIsInUse() {
        assertTrue(vector.name().startsWith("vector"), "tests run with jdk.incubator.vector; got " + vector.name());
    }

    /**
     * A pass must round the same way before and after the JIT compiles it (replaying updates must reproduce them):
     * {@code reduceLanes(ADD)} did not (its compiled order differs from the interpreter's), so lane sums use a fixed
     * tree. Checked bit for bit against that order recomputed on scalars, over enough calls to be compiled.
     */
    @Test
    void laneSumsRoundTheSameInEveryCall() {
        int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        int n = 8 * lanes + 3;
        float[] x = random(n, 1);
        float[] acc = new float[lanes];
        int bound = n / lanes * lanes;
        for (int i = 0; i < bound; i += lanes) {
            for (int j = 0; j < lanes; j++) {
                acc[j] = Math.fma(x[i + j], x[i + j], acc[j]);
            }
        }
        for (int k = lanes / 2; k >= 1; k /= 2) {
            float[] next = new float[lanes];
            for (int j = 0; j < lanes; j++) {
                next[j] = acc[j] + acc[j ^ k];
            }
            acc = next;
        }
        float sum = acc[0];
        for (int i = bound; i < n; i++) {
            sum = Math.fma(x[i], x[i], sum);
        }
        float expected = (float) (1.0 / Math.sqrt(sum / n + 1e-5f));
        float[] row = new float[n];
        for (int call = 0; call < 200_000; call++) {
            System.arraycopy(x, 0, row, 0, n);
            float inv = vector.rmsNorm(row, 0, n, 1e-5f);
            if (Float.floatToIntBits(inv) != Float.floatToIntBits(expected)) {
                assertEquals(expected, inv, 0f, "call " + call);
            }
        }
    }

    @Test
    void expIsAccurateToFloatRounding() {
        double worst = 0;
        for (float x = -87f; x < 88f; x += 0.0137f) {
            double e = Math.exp(x);
            worst = Math.max(worst, Math.abs(VectorKernels.exp(x) - e) / e);
        }
        assertTrue(worst < 3e-7, "relative error " + worst);
    }

    @Test
    void atan2IsAccurateToFloatRounding() {
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            float y = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(9) - 4));
            float x = (float) (Math.abs(rnd.nextGaussian()) * Math.pow(10, rnd.nextInt(9) - 4));
            worst = Math.max(worst, Math.abs(VectorKernels.atan2(y, x) - Math.atan2(y, x)));
        }
        assertTrue(worst < 3e-7, "absolute error " + worst);
        assertEquals(0f, VectorKernels.atan2(0f, 0f));
        assertEquals(Math.PI / 2, VectorKernels.atan2(3f, 0f), 1e-7);
    }

    @Test
    void rowKernelsMatchThePlainLoops() {
        for (int n : LENGTHS) {
            float[] x = random(n, 3);
            float[] a = x.clone();
            float[] b = x.clone();
            assertEquals(scalar.rmsNorm(a, 0, n, 1e-5f), vector.rmsNorm(b, 0, n, 1e-5f), 1e-6);
            close(a, b, 1e-6, "rmsNorm " + n);
            a = x.clone();
            b = x.clone();
            scalar.softmax(a, 0, n);
            vector.softmax(b, 0, n);
            close(a, b, 1e-6, "softmax " + n);
            float[] gu = random(2 * n, 4);
            a = new float[n];
            b = new float[n];
            scalar.siluMul(gu, 0, n, a, 0, n);
            vector.siluMul(gu, 0, n, b, 0, n);
            close(a, b, 1e-5, "siluMul " + n);
            float[] y = random(n, 1);
            float[] dy = random(n, 1);
            a = new float[n];
            b = new float[n];
            scalar.rmsNormBackward(dy, 0, y, 0, 0.7f, a, 0, n);
            vector.rmsNormBackward(dy, 0, y, 0, 0.7f, b, 0, n);
            close(a, b, 1e-5, "rmsNormBackward " + n);
            a = dy.clone();
            b = dy.clone();
            float[] p = x.clone();
            scalar.softmax(p, 0, n);
            scalar.softmaxBackward(p, 0, a, 0, n);
            vector.softmaxBackward(p, 0, b, 0, n);
            close(a, b, 1e-6, "softmaxBackward " + n);
            float[] dm = random(n, 1);
            a = new float[2 * n];
            b = new float[2 * n];
            scalar.siluMulBackward(gu, 0, n, dm, 0, a, 0, n, n);
            vector.siluMulBackward(gu, 0, n, dm, 0, b, 0, n, n);
            close(a, b, 1e-5, "siluMulBackward " + n);
        }
    }

    @Test
    void ropeAndItsBackwardMatchThePlainLoops() {
        for (int hd : new int[] {2, 18, 20, 64, 128}) {
            float[] cos = random(3 * hd, 1);
            float[] sin = random(3 * hd, 1);
            float[] x = random(hd + 5, 2);
            float[] a = x.clone();
            float[] b = x.clone();
            scalar.rope(a, 5, hd, cos, sin, hd, 0.125f);
            vector.rope(b, 5, hd, cos, sin, hd, 0.125f);
            close(a, b, 1e-6, "rope " + hd);
            scalar.ropeBackward(a, 5, hd, cos, sin, 2 * hd, 0.5f);
            vector.ropeBackward(b, 5, hd, cos, sin, 2 * hd, 0.5f);
            close(a, b, 1e-6, "ropeBackward " + hd);
        }
    }

    @Test
    void adamAtan2MatchesTheOptimisersLoop() {
        int n = 1000;
        float[] p = random(n, 1);
        float[] g = random(n, 0.01);
        float[] m = random(n, 0.001);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) Math.abs(rnd.nextGaussian() * 1e-4);
        }
        g[3] = 0f;
        m[3] = 0f;
        v[3] = 0f;
        float[] pv = p.clone();
        float[] mv = m.clone();
        float[] vv = v.clone();
        assertTrue(vector.adamAtan2(pv, g, mv, vv, 0, n, 0.999f, 0.1f, 0.05f, 0.3f, 0.01f));
        for (int i = 0; i < n; i++) {
            float mi = Math.fma(0.1f, g[i], Math.fma(-0.1f, m[i], m[i]));
            float vi = Math.fma(0.05f, g[i] * g[i], Math.fma(-0.05f, v[i], v[i]));
            double expected = p[i] * 0.999f - 0.01 * Math.atan2(mi, Math.sqrt(vi) / 0.3f);
            assertEquals(mi, mv[i], 0f);
            assertEquals(vi, vv[i], 0f);
            assertEquals(expected, pv[i], 2e-7 * Math.abs(expected) + 1e-8, "element " + i);
        }
    }

    private float[] random(int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rnd.nextGaussian() * scale);
        }
        return a;
    }

    private static void close(float[] expected, float[] actual, double relative, String what) {
        for (int i = 0; i < expected.length; i++) {
            double tol = relative * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tol, what + " at " + i);
        }
    }
}
