package org.hrmlab.app.engine;

import java.util.Arrays;

/**
 * How much each cell's latent state moved at one update: per cell of the frame's decoded grid, the L2 norm over the
 * hidden axis of {@code z_t − z_{t−1}} for the state the update wrote (zL at an L-update, zH at an H-update), read
 * at the cell's sequence position through the puzzle's codec. Made once per update on the engine thread; immutable,
 * its largest value computed with it so that a scale can follow a run at constant cost per update.
 */
public final class CellChange {
    /** No change known: the initial state, or a decode with no cells. */
    public static final CellChange NONE = new CellChange(new float[0], 0);

    private final float[] values;
    private final float max;

    private CellChange(float[] values, float max) {
        this.values = values;
        this.max = max;
    }

    /**
     * @param values {@code [cells]} row-major, non-negative (copied; NaN is kept and ignored by {@link #max()})
     * @return the change of those cells
     */
    public static CellChange of(float[] values) {
        float max = 0;
        for (float v : values) {
            if (v < 0) {
                throw new IllegalArgumentException("a norm is never negative: " + v);
            }
            max = v > max ? v : max;
        }
        return values.length == 0 ? NONE : new CellChange(values.clone(), max);
    }

    /** @return {@code [cells]} a copy of the values */
    public float[] values() {
        return values.clone();
    }

    /** @return the value of cell {@code i} (row-major) */
    public float at(int i) {
        return values[i];
    }

    /** @return how many cells; 0 when nothing is known */
    public int size() {
        return values.length;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    /** @return the largest value (0 when empty) */
    public float max() {
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellChange c && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "CellChange[" + values.length + " cells, max " + max + "]";
    }
}
