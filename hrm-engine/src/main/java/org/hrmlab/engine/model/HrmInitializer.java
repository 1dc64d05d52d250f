package org.hrmlab.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.io.WeightLayout;

/**
 * Fresh weights initialised as the reference does (hrm-reference.md §1.2-1.7): a JAX-style truncated normal (cut at
 * ±2σ, rescaled so that its actual std is the requested one) with LeCun std {@code 1/√fan_in} for linear layers,
 * {@code 1/√hidden} for the token embedding and learned positions; Q head weight 0 and bias −5; H_init and L_init
 * truncated normal with std 1, rounded to bfloat16 values; puzzle embeddings zero. Values are seeded and reproducible
 * in Java (not bit-equal to PyTorch's RNG).
 */
public final class HrmInitializer {
    /** Ratio of the requested std to the underlying normal's sigma for truncation at ±2. */
    static final double TRUNCATION_STD_CORRECTION = 1.1368472;

    private HrmInitializer() {
    }

    /** @return every tensor {@link WeightLayout#expected(HrmConfig)} lists, initialised from {@code seed} */
    public static Map<String, HostTensor> init(HrmConfig config, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, HostTensor> out = new LinkedHashMap<>();
        double embedStd = 1.0 / Math.sqrt(config.hiddenSize());
        for (var e : WeightLayout.expected(config).entrySet()) {
            String key = e.getKey();
            long[] shape = e.getValue();
            float[] data = new float[(int) (shape.length == 1 ? shape[0] : shape[0] * shape[1])];
            switch (key) {
                case "H_init", "L_init" -> {
                    fillTruncated(data, 1.0, rng);
                    for (int i = 0; i < data.length; i++) {
                        data[i] = toBfloat16(data[i]);
                    }
                }
                case "q_head.weight", "puzzle_emb.weights" -> { }
                case "q_head.bias" -> java.util.Arrays.fill(data, -5f);
                case "embed_tokens.embedding_weight", "embed_pos.embedding_weight" ->
                        fillTruncated(data, embedStd, rng);
                default -> fillTruncated(data, 1.0 / Math.sqrt(shape[1]), rng);
            }
            out.put(key, new HostTensor(shape, data));
        }
        return out;
    }

    /** Fills with a normal truncated at ±2σ whose actual std is {@code std}. */
    static void fillTruncated(float[] data, double std, SplittableRandom rng) {
        double sigma = std * TRUNCATION_STD_CORRECTION;
        for (int i = 0; i < data.length; i++) {
            double x;
            do {
                x = gaussian(rng);
            } while (Math.abs(x) > 2.0);
            data[i] = (float) (x * sigma);
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** @return {@code v} rounded to the nearest bfloat16 value (ties to even) */
    static float toBfloat16(float v) {
        int bits = Float.floatToRawIntBits(v);
        int rounding = 0x7FFF + ((bits >> 16) & 1);
        return Float.intBitsToFloat((bits + rounding) & 0xFFFF0000);
    }
}
