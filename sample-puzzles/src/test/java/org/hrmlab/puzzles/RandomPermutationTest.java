package org.hrmlab.puzzles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomPermutationTest {
    @Test
    void drawsTheSameOrderForASeedAsTheDatasetsWereBuiltWith() {
        assertArrayEquals(new int[] {2, 6, 3, 1, 4, 0, 7, 5}, RandomPermutation.of(8, new Random(42)));
        assertArrayEquals(new int[] {1, 0, 4, 7, 2, 3, 5, 6}, RandomPermutation.of(8, new SplittableRandom(42)));
    }

    @Test
    void isAPermutationForEverySize() {
        Random rng = new Random(7);
        for (int n = 0; n < 40; n++) {
            int[] p = RandomPermutation.of(n, rng);
            Arrays.sort(p);
            assertArrayEquals(IntStream.range(0, n).toArray(), p);
        }
    }

    @Test
    void shufflesOnlyTheCountedPrefix() {
        int[] values = {10, 11, 12, 13, 14, 15};
        RandomPermutation.shuffle(values, 3, new Random(1));
        assertArrayEquals(new int[] {13, 14, 15}, Arrays.copyOfRange(values, 3, 6));
        int[] head = Arrays.copyOfRange(values, 0, 3);
        Arrays.sort(head);
        assertArrayEquals(new int[] {10, 11, 12}, head);
    }
}
