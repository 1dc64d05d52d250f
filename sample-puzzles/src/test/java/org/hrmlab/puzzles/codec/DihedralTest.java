package org.hrmlab.puzzles.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hrmlab.puzzles.Grid;
import org.junit.jupiter.api.Test;

class DihedralTest {
    private static final Grid A = Grid.of(new int[][] {{1, 2, 3}, {4, 5, 6}});

    /** Expected values printed by numpy for the reference's dihedral_transform(a, tid). */
    private static final int[][][] NUMPY = {
        {{1, 2, 3}, {4, 5, 6}},
        {{3, 6}, {2, 5}, {1, 4}},
        {{6, 5, 4}, {3, 2, 1}},
        {{4, 1}, {5, 2}, {6, 3}},
        {{3, 2, 1}, {6, 5, 4}},
        {{4, 5, 6}, {1, 2, 3}},
        {{1, 4}, {2, 5}, {3, 6}},
        {{6, 3}, {5, 2}, {4, 1}},
    };

    @Test
    void matchesNumpyForEveryId() {
        for (int t = 0; t < 8; t++) {
            assertArrayEquals(NUMPY[t], Dihedral.of(t).apply(A).toRows(), "transform " + t);
        }
    }

    @Test
    void inverseIdsMatchTheReferenceAndUndo() {
        int[] expected = {0, 3, 2, 1, 4, 5, 6, 7};
        for (int t = 0; t < 8; t++) {
            Dihedral d = Dihedral.of(t);
            assertEquals(expected[t], d.inverse().id());
            assertEquals(A, d.inverse().apply(d.apply(A)));
        }
    }
}
