package org.hrmlab.puzzles.codec;

import org.hrmlab.puzzles.Grid;

/**
 * The 8 symmetries of a rectangle grid, with the reference's ids (HRM {@code dataset/common.py}): 0 identity,
 * 1 rotate 90 degrees counter-clockwise (numpy {@code rot90}), 2 rotate 180, 3 rotate 270, 4 left-right flip,
 * 5 up-down flip, 6 transpose, 7 anti-diagonal reflection (left-right flip of {@code rot90}).
 * Inverse ids: {@code [0, 3, 2, 1, 4, 5, 6, 7]}.
 */
public enum Dihedral {
    /** id 0. */
    IDENTITY,
    /** id 1: numpy {@code rot90(a, 1)}. */
    ROT90,
    /** id 2: numpy {@code rot90(a, 2)}. */
    ROT180,
    /** id 3: numpy {@code rot90(a, 3)}. */
    ROT270,
    /** id 4: numpy {@code fliplr}. */
    FLIP_LR,
    /** id 5: numpy {@code flipud}. */
    FLIP_UD,
    /** id 6: {@code a.T}. */
    TRANSPOSE,
    /** id 7: {@code fliplr(rot90(a))}. */
    ANTI_TRANSPOSE;

    private static final int[] INVERSE = {0, 3, 2, 1, 4, 5, 6, 7};
    private static final Dihedral[] VALUES = values();

    /** @return the reference id 0..7 */
    public int id() {
        return ordinal();
    }

    /** @return the transform for a reference id 0..7 */
    public static Dihedral of(int id) {
        if (id < 0 || id > 7) {
            throw new IllegalArgumentException("dihedral id must be 0..7, got " + id);
        }
        return VALUES[id];
    }

    /** @return the transform that undoes this one */
    public Dihedral inverse() {
        return VALUES[INVERSE[ordinal()]];
    }

    /** @return true if the result has rows and columns swapped */
    public boolean swapsAxes() {
        return this == ROT90 || this == ROT270 || this == TRANSPOSE || this == ANTI_TRANSPOSE;
    }

    /**
     * @param g the grid (not modified)
     * @return the transformed grid ({@code cols x rows} when {@link #swapsAxes()})
     */
    public Grid apply(Grid g) {
        int h = g.rows();
        int w = g.cols();
        int outRows = swapsAxes() ? w : h;
        int outCols = swapsAxes() ? h : w;
        int[] out = new int[h * w];
        for (int i = 0; i < outRows; i++) {
            for (int j = 0; j < outCols; j++) {
                out[i * outCols + j] = switch (this) {
                    case IDENTITY -> g.get(i, j);
                    case ROT90 -> g.get(j, w - 1 - i);
                    case ROT180 -> g.get(h - 1 - i, w - 1 - j);
                    case ROT270 -> g.get(h - 1 - j, i);
                    case FLIP_LR -> g.get(i, w - 1 - j);
                    case FLIP_UD -> g.get(h - 1 - i, j);
                    case TRANSPOSE -> g.get(j, i);
                    case ANTI_TRANSPOSE -> g.get(h - 1 - j, w - 1 - i);
                };
            }
        }
        return Grid.of(outRows, outCols, out);
    }
}
