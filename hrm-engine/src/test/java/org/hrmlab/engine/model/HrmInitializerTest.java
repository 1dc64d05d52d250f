package org.hrmlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.io.WeightLayout;
import org.junit.jupiter.api.Test;

/** Fresh weights against hrm-reference.md §1.2-1.7, on a configuration with every optional tensor. */
class HrmInitializerTest {
    private static final HrmConfig CONFIG = HrmConfig.builder().seqLen(30).vocabSize(9).numPuzzleIdentifiers(6)
            .puzzleEmbNdim(80).hiddenSize(48).numHeads(3).hLayers(2).lLayers(3).haltMaxSteps(4).posEncodings("learned")
            .build();
    /** The truncation point in units of the actual std: 2 sigma of a normal whose std is shrunk by truncation. */
    private static final double BOUND = 2 * 1.1368472;
    /** Half a bfloat16 step, relative. */
    private static final double BFLOAT16_ROUNDING = 1.0 / 256;

    @Test
    void everyTensorHasTheReferenceShapeAndDistribution() {
        Map<String, HostTensor> w = HrmInitializer.init(CONFIG, 7);
        Map<String, long[]> expected = WeightLayout.expected(CONFIG);
        assertEquals(expected.keySet(), w.keySet());
        expected.forEach((k, shape) -> assertArrayEquals(shape, w.get(k).shape(), k));
        assertEquals(3 * 48, w.get("H_level.layers.1.self_attn.qkv_proj.weight").shape()[0]);
        assertEquals(2 * 256, w.get("L_level.layers.2.mlp.gate_up_proj.weight").shape()[0]);
        assertEquals(32, w.get("embed_pos.embedding_weight").shape()[0], "two prefix tokens plus 30");

        for (var e : w.entrySet()) {
            String k = e.getKey();
            float[] v = e.getValue().data();
            switch (k) {
                case "q_head.weight", "puzzle_emb.weights" -> assertTrue(allEqual(v, 0f), k + " starts at zero");
                case "q_head.bias" -> assertTrue(allEqual(v, -5f), k + " starts at -5");
                case "H_init", "L_init" -> {
                    assertTruncatedNormal(k, v, 1.0, 0.35, BFLOAT16_ROUNDING);
                    for (float x : v) {
                        assertEquals(0, Float.floatToRawIntBits(x) & 0xFFFF, k + " holds bfloat16 values");
                    }
                }
                case "embed_tokens.embedding_weight", "embed_pos.embedding_weight" ->
                        assertTruncatedNormal(k, v, 1 / Math.sqrt(48), 0.12, 0);
                default -> assertTruncatedNormal(k, v, 1 / Math.sqrt(e.getValue().shape()[1]),
                        v.length >= 10_000 ? 0.03 : 0.1, 0);
            }
        }
    }

    @Test
    void theSeedDecides() {
        Map<String, HostTensor> a = HrmInitializer.init(CONFIG, 7);
        Map<String, HostTensor> b = HrmInitializer.init(CONFIG, 7);
        Map<String, HostTensor> c = HrmInitializer.init(CONFIG, 8);
        String key = "L_level.layers.0.mlp.down_proj.weight";
        assertArrayEquals(a.get(key).data(), b.get(key).data());
        assertFalse(Arrays.equals(a.get(key).data(), c.get(key).data()));
    }

    /**
     * @param slack relative amount by which rounding may carry a value past the truncation point
     */
    private static void assertTruncatedNormal(String key, float[] v, double std, double relTolerance, double slack) {
        double sum = 0;
        double sq = 0;
        double max = 0;
        for (float x : v) {
            sum += x;
            sq += (double) x * x;
            max = Math.max(max, Math.abs(x));
        }
        double mean = sum / v.length;
        double measured = Math.sqrt(sq / v.length - mean * mean);
        assertEquals(std, measured, std * relTolerance, key + ": std");
        assertEquals(0, mean, 4 * std / Math.sqrt(v.length) + 1e-3 * std, key + ": mean");
        assertTrue(max <= BOUND * std * (1 + slack + 1e-6), key + ": " + max + " beyond the truncation at "
                + BOUND * std);
        assertTrue(max > 0.8 * BOUND * std || v.length < 1000, key + ": the tails are missing (max " + max + ")");
    }

    private static boolean allEqual(float[] v, float value) {
        for (float x : v) {
            if (x != value) {
                return false;
            }
        }
        return true;
    }
}
