package org.hrmlab.engine.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.io.WeightLayout;

/**
 * Fresh weights distributed as the reference initialises them (hrm-reference.md §1.2-1.7): truncated normals (±2σ,
 * rescaled so the actual std is the requested one) with LeCun std {@code 1/√in} for linear layers, {@code 1/√hidden}
 * for token and position tables, zero puzzle table and Q weight, Q bias −5, and H_init/L_init of std 1 rounded to
 * bfloat16. Values are not bit-identical to PyTorch's (different generator).
 */
final class InitialWeights {
    private static final double TRUNC_STD_FACTOR = 1.1368472;

    private InitialWeights() {
    }

    static Map<String, HostTensor> create(HrmConfig c, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, HostTensor> out = new LinkedHashMap<>();
        double embStd = 1.0 / Math.sqrt(c.hiddenSize());
        for (var e : WeightLayout.expected(c).entrySet()) {
            String key = e.getKey();
            long[] shape = e.getValue();
            int n = 1;
            for (long d : shape) {
                n *= (int) d;
            }
            float[] v = new float[n];
            switch (key) {
                case "H_init", "L_init" -> {
                    fill(v, 1.0, rnd);
                    for (int i = 0; i < n; i++) {
                        v[i] = toBfloat16(v[i]);
                    }
                }
                case "puzzle_emb.weights", "q_head.weight" -> { }
                case "q_head.bias" -> java.util.Arrays.fill(v, -5f);
                case "embed_tokens.embedding_weight", "embed_pos.embedding_weight" -> fill(v, embStd, rnd);
                default -> fill(v, 1.0 / Math.sqrt(shape[1]), rnd);
            }
            out.put(key, new HostTensor(shape, v));
        }
        return out;
    }

    private static void fill(float[] v, double std, SplittableRandom rnd) {
        double sigma = std * TRUNC_STD_FACTOR;
        for (int i = 0; i < v.length; i++) {
            double z;
            do {
                z = gaussian(rnd);
            } while (Math.abs(z) > 2);
            v[i] = (float) (z * sigma);
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    static float toBfloat16(float x) {
        int bits = Float.floatToRawIntBits(x);
        int rounded = bits + 0x7FFF + ((bits >>> 16) & 1);
        return Float.intBitsToFloat(rounded & 0xFFFF0000);
    }
}
