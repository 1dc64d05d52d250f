package org.hrmlab.puzzles.codec;

import java.util.Arrays;
import java.util.Random;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.RandomPermutation;

/**
 * A permutation of the ARC colours that keeps colour 0 (black), as the reference's task augmentation draws them.
 * Colour c becomes {@code mapping[c]}. Its text form is the 10 digits {@code mapping[0..9]}, e.g. {@code 0381952746},
 * as in the reference's variant names.
 *
 * @param mapping length 10, {@code mapping[0] = 0}, a permutation of 0..9
 */
public record ArcColourPermutation(int[] mapping) {
    /** Checks the permutation. */
    public ArcColourPermutation {
        mapping = mapping.clone();
        boolean[] seen = new boolean[10];
        if (mapping.length != 10 || mapping[0] != 0) {
            throw new IllegalArgumentException("an ARC colour permutation maps 0..9 and keeps 0");
        }
        for (int v : mapping) {
            if (v < 0 || v > 9 || seen[v]) {
                throw new IllegalArgumentException("not a permutation of 0..9: " + Arrays.toString(mapping));
            }
            seen[v] = true;
        }
    }

    /** @return the permutation that changes nothing */
    public static ArcColourPermutation identity() {
        return new ArcColourPermutation(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    }

    /** @return a uniformly random permutation of colours 1..9 (0 fixed) */
    public static ArcColourPermutation random(Random rng) {
        int[] p = RandomPermutation.of(9, rng);
        int[] m = new int[10];
        for (int i = 0; i < 9; i++) {
            m[i + 1] = p[i] + 1;
        }
        return new ArcColourPermutation(m);
    }

    /**
     * @param digits 10 digits, e.g. {@code 0381952746}
     * @throws IllegalArgumentException if it is not such a permutation
     */
    public static ArcColourPermutation parse(String digits) {
        if (digits.length() != 10) {
            throw new IllegalArgumentException("a colour permutation has 10 digits, got '" + digits + "'");
        }
        int[] m = new int[10];
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit in colour permutation '" + digits + "'");
            }
            m[i] = c - '0';
        }
        return new ArcColourPermutation(m);
    }

    /** @return the 10-digit text form */
    public String digits() {
        StringBuilder b = new StringBuilder(10);
        for (int v : mapping) {
            b.append(v);
        }
        return b.toString();
    }

    /** @return the grid with every colour c replaced by {@code mapping[c]} */
    public Grid apply(Grid g) {
        return g.map(c -> mapping[c]);
    }

    /** @return the permutation that undoes this one */
    public ArcColourPermutation inverse() {
        int[] inv = new int[10];
        for (int c = 0; c < 10; c++) {
            inv[mapping[c]] = c;
        }
        return new ArcColourPermutation(inv);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArcColourPermutation p && Arrays.equals(p.mapping, mapping);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mapping);
    }

    @Override
    public String toString() {
        return digits();
    }
}
