package org.hrmlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkersAndGemmTest {
    @Test
    void everyTaskRunsOnceAndNestedCallsRunInline() {
        Workers w = new Workers(3);
        AtomicIntegerArray runs = new AtomicIntegerArray(100);
        for (int round = 0; round < 50; round++) {
            w.run(100, (t, worker) -> {
                runs.incrementAndGet(t);
                w.run(2, (u, inner) -> assertEquals(0, inner));
            });
        }
        for (int t = 0; t < 100; t++) {
            assertEquals(50, runs.get(t));
        }
    }

    @Test
    void aTaskFailureReachesTheCaller() {
        Workers w = new Workers(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.run(8, (t, worker) -> {
            if (t == 5) {
                throw new IllegalStateException("task 5");
            }
        }));
        assertEquals("task 5", e.getMessage());
        w.run(4, (t, worker) -> { });
    }

    @Test
    void slicedProductsEqualOneCall() {
        Workers w = new Workers(2);
        java.util.Random rnd = new java.util.Random(2);
        for (int[] mnk : new int[][] {{82, 1536, 512}, {901, 64, 901}, {512, 96, 82}, {5, 7, 3}}) {
            int m = mnk[0];
            int n = mnk[1];
            int k = mnk[2];
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    NativeArray a = filled(m * k, rnd);
                    NativeArray b = filled(k * n, rnd);
                    NativeArray c1 = filled(m * n, rnd);
                    NativeArray c2 = new NativeArray(m * n);
                    c2.copyFrom(c1);
                    Gemm.useEngineThreads();
                    Gemm.single(ta, tb, m, n, k, 0.5f, a.matrix(ta ? m : k), b.matrix(tb ? k : n), 1f, c1.matrix(n));
                    Gemm.parallel(w, ta, tb, m, n, k, 0.5f, a.matrix(ta ? m : k), b.matrix(tb ? k : n), 1f,
                            c2.matrix(n));
                    float[] x = new float[m * n];
                    float[] y = new float[m * n];
                    c1.get(x);
                    c2.get(y);
                    for (int i = 0; i < x.length; i++) {
                        assertEquals(x[i], y[i], 1e-4 * Math.max(1, Math.abs(x[i])), m + "x" + n + "x" + k);
                    }
                }
            }
        }
    }

    private static NativeArray filled(int n, java.util.Random rnd) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        NativeArray a = new NativeArray(n);
        a.put(v);
        return a;
    }
}
