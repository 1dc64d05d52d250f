package org.hrmlab.viz.grid;

import java.util.Arrays;
import org.hrmlab.puzzles.MazeCell;

/**
 * What a maze renderer draws at one instant. Arrays are row-major {@code rows x cols} and copied in and out.
 *
 * @param cells the maze itself: {@link MazeCell} codes of wall, open, start or goal
 * @param path cells predicted to lie on the path now
 * @param added path cells that appeared at this update
 * @param fade per cell, how recently it left the path: 1 = just removed, fading to 0; empty when unused
 */
public record MazeBoard(int rows, int cols, int[] cells, boolean[] path, boolean[] added, float[] fade) {
    public MazeBoard {
        int n = rows * cols;
        if (cells.length != n || path.length != n || added.length != n || (fade.length != 0 && fade.length != n)) {
            throw new IllegalArgumentException("maze board arrays must all have " + n + " cells");
        }
        cells = cells.clone();
        path = path.clone();
        added = added.clone();
        fade = fade.clone();
    }

    /** A maze with a path and nothing else. */
    public static MazeBoard of(int rows, int cols, int[] cells, boolean[] path) {
        return new MazeBoard(rows, cols, cells, path, new boolean[rows * cols], new float[0]);
    }

    @Override
    public int[] cells() {
        return cells.clone();
    }

    @Override
    public boolean[] path() {
        return path.clone();
    }

    @Override
    public boolean[] added() {
        return added.clone();
    }

    @Override
    public float[] fade() {
        return fade.clone();
    }

    int cell(int i) {
        return cells[i];
    }

    boolean onPath(int i) {
        return path[i];
    }

    boolean addedAt(int i) {
        return added[i];
    }

    float fadeAt(int i) {
        return fade.length == 0 ? 0f : fade[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MazeBoard b && rows == b.rows && cols == b.cols && Arrays.equals(cells, b.cells)
                && Arrays.equals(path, b.path) && Arrays.equals(added, b.added) && Arrays.equals(fade, b.fade);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cells) * 31 + Arrays.hashCode(path);
    }

    @Override
    public String toString() {
        return "MazeBoard[" + rows + "x" + cols + "]";
    }
}
