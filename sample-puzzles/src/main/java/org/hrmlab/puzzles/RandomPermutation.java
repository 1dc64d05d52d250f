package org.hrmlab.puzzles;

import java.util.random.RandomGenerator;

/**
 * Uniform random permutations by the Fisher–Yates shuffle, drawing {@code rng.nextInt(i + 1)} for i from the last
 * index down to 1: the one order of draws that every generator, augmentation and sampler in HRM Lab uses, so a seed
 * gives the same puzzles and batches everywhere.
 */
public final class RandomPermutation {
    private RandomPermutation() {
    }

    /**
     * @param n how many elements
     * @param rng the source of randomness
     * @return a uniformly random permutation of 0..n-1
     */
    public static int[] of(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, p.length, rng);
        return p;
    }

    /**
     * Shuffles the first {@code count} values in place.
     *
     * @param values the values
     * @param count how many of them, from the start, to shuffle
     * @param rng the source of randomness
     */
    public static void shuffle(int[] values, int count, RandomGenerator rng) {
        for (int i = count - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
