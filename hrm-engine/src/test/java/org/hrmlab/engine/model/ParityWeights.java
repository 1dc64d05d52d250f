package org.hrmlab.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;

/**
 * Random weights for parity tests: the engine's initialiser, except that the tensors it zero-initialises as the
 * reference does (puzzle embeddings, Q-head weight) get random values, so that the puzzle prefix and the Q head
 * depend on the input and a wrong computation of either shows.
 */
public final class ParityWeights {
    private ParityWeights() {
    }

    /** @return every tensor the config implies, seeded by {@code seed} */
    public static Map<String, HostTensor> random(HrmConfig config, long seed) {
        Map<String, HostTensor> w = new LinkedHashMap<>(HrmInitializer.init(config, seed));
        Random rng = new Random(seed ^ 0x5DEECE66DL);
        double std = 1.0 / Math.sqrt(config.hiddenSize());
        w.computeIfPresent("puzzle_emb.weights", (k, t) -> gaussian(t.shape(), std, rng));
        w.computeIfPresent("q_head.weight", (k, t) -> gaussian(t.shape(), std, rng));
        return w;
    }

    /** @return tokens in {@code [0, vocab)}, seeded */
    public static int[] tokens(int count, int vocab, long seed) {
        Random rng = new Random(seed);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = rng.nextInt(vocab);
        }
        return out;
    }

    private static HostTensor gaussian(long[] shape, double std, Random rng) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] data = new float[(int) n];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (rng.nextGaussian() * std);
        }
        return new HostTensor(shape, data);
    }

    /** @return a copy of {@code w} with every value moved by up to ±0.025 (seeded): "weights after a training step" */
    public static Map<String, HostTensor> perturbed(Map<String, HostTensor> w, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        Map<String, HostTensor> out = new java.util.LinkedHashMap<>();
        w.forEach((k, t) -> {
            float[] v = t.data().clone();
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) (0.05 * (r.nextDouble() - 0.5));
            }
            out.put(k, new HostTensor(t.shape(), v));
        });
        return out;
    }
}
