package org.hrmlab.puzzles.readings;

/**
 * The reading of one decoded maze at one step. Per-cell arrays are row-major {@code [rows * cols]}.
 *
 * @param step           the step index (0-based, in the order grids were read)
 * @param path           open cells of the puzzle decoded as path ({@code 'o'})
 * @param added          path cells that were not path cells at the previous step (none at step 0)
 * @param removed        path cells of the previous step that are no longer path cells (none at step 0)
 * @param pathCells      the number of path cells
 * @param addedCount     the number of added cells
 * @param removedCount   the number of removed cells
 * @param components     the number of 4-connected components of path cells
 * @param connected      whether S and G are joined through path cells
 * @param pathLength     the number of moves from S to G through path cells, or -1 when not connected
 * @param shortestLength the number of moves of a shortest S→G route through non-wall cells, or -1 if there is none
 * @param shortest       whether the predicted S→G route is a shortest one
 * @param exact          whether the path cells form exactly one shortest route, nothing more
 */
public record MazeReading(int step, boolean[] path, boolean[] added, boolean[] removed, int pathCells,
        int addedCount, int removedCount, int components, boolean connected, int pathLength, int shortestLength,
        boolean shortest, boolean exact) {
}
