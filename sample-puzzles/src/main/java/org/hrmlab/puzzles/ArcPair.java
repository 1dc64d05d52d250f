package org.hrmlab.puzzles;

import java.util.Objects;
import java.util.Optional;

/**
 * One input/output pair of an ARC task. Grids are 1x1 to 30x30 with colours 0-9.
 *
 * @param input  the input grid
 * @param output the output grid, or {@code null} where the source hides it
 */
public record ArcPair(Grid input, Grid output) {
    /** The largest ARC grid side. */
    public static final int MAX_SIDE = 30;

    /** Checks sizes and colours. */
    public ArcPair {
        check(Objects.requireNonNull(input), "input");
        if (output != null) {
            check(output, "output");
        }
    }

    /** @return the output, if known */
    public Optional<Grid> knownOutput() {
        return Optional.ofNullable(output);
    }

    private static void check(Grid g, String what) {
        if (g.rows() > MAX_SIDE || g.cols() > MAX_SIDE) {
            throw new IllegalArgumentException(what + " grid larger than 30x30");
        }
        int[] r = g.range();
        if (r[0] < 0 || r[1] > 9) {
            throw new IllegalArgumentException(what + " grid colours must lie in 0..9");
        }
    }
}
