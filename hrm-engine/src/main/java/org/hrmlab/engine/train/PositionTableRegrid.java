package org.hrmlab.engine.train;

import org.hrmlab.engine.HostTensor;

/**
 * Carries a learned position table over to a square grid of another size, so that a model trained on one puzzle size
 * can start a run on another ({@code init_checkpoint}, a size curriculum). Each row of the new grid takes the learned
 * row at the same distance from its nearer edge, and likewise each column; rows and columns further in than the old
 * grid reaches repeat its innermost two, so that when the sides differ by an even number, even and odd rows and
 * columns (in a maze: the cells and the walls between them) stay even and odd. The puzzle-embedding prefix rows are
 * kept as they are.
 */
final class PositionTableRegrid {
    private PositionTableRegrid() {
    }

    /**
     * @param i       a row (or column) of the new grid, {@code 0 <= i < newSide}
     * @param newSide the new grid's side
     * @param oldSide the learned grid's side
     * @return the learned row (or column) that row {@code i} takes
     */
    static int sourceIndex(int i, int newSide, int oldSide) {
        if (oldSide == 1) {
            return 0;
        }
        int fromEnd = newSide - 1 - i;
        int d = Math.min(i, fromEnd);
        int innermost = Math.max(1, (oldSide - 1) / 2);
        if (d > innermost) {
            d -= 2 * ((d - innermost + 1) / 2);
        }
        return i <= fromEnd ? d : oldSide - 1 - d;
    }

    /**
     * @param table   {@code [prefix + oldSide², D]}: the learned positions, prefix rows first
     * @param prefix  the puzzle-embedding prefix rows (kept)
     * @param oldSide the side of the grid the table was learned on
     * @param newSide the side of the grid to carry it to
     * @return {@code [prefix + newSide², D]}
     */
    static HostTensor regrid(HostTensor table, int prefix, int oldSide, int newSide) {
        int d = Math.toIntExact(table.shape()[1]);
        if (table.shape()[0] != prefix + (long) oldSide * oldSide) {
            throw new IllegalArgumentException("a position table of " + table.shape()[0] + " rows is not " + prefix
                    + " prefix rows and a " + oldSide + "x" + oldSide + " grid");
        }
        float[] old = table.data();
        float[] out = new float[(prefix + newSide * newSide) * d];
        System.arraycopy(old, 0, out, 0, prefix * d);
        for (int r = 0; r < newSide; r++) {
            int sr = sourceIndex(r, newSide, oldSide);
            for (int c = 0; c < newSide; c++) {
                int sc = sourceIndex(c, newSide, oldSide);
                System.arraycopy(old, (prefix + sr * oldSide + sc) * d, out, (prefix + r * newSide + c) * d, d);
            }
        }
        return new HostTensor(new long[] {prefix + (long) newSide * newSide, d}, out);
    }

    /** @return the side of a square grid of {@code cells} cells, or -1 when {@code cells} is not a square */
    static int side(int cells) {
        int s = (int) Math.round(Math.sqrt(cells));
        return s * s == cells ? s : -1;
    }
}
