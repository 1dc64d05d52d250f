package org.hrmlab.puzzles.readings;

import java.util.ArrayDeque;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.maze.MazeSolver;

/**
 * Reads a sequence of decoded mazes step by step: path cells added and removed, path components, whether a
 * connected S→G path exists and whether it is a shortest one (breadth-first search, 4-neighbourhood). Walls, start
 * and goal come from the puzzle; the path cells are the puzzle's open cells that each decoded grid marks as path.
 */
public final class MazeReader {
    private final Grid maze;
    private final boolean[] open;
    private final int start;
    private final int goal;
    private final int shortest;
    private boolean[] previousPath;
    private int step;

    /**
     * @param puzzle the input maze as {@link MazeCell} codes (not modified), row-major {@code [rows * cols]}; without
     *               exactly one start and one goal nothing is ever connected
     */
    public MazeReader(int[] puzzle, int rows, int cols) {
        if (puzzle.length != rows * cols) {
            throw new IllegalArgumentException("maze has " + puzzle.length + " cells, expected " + rows * cols);
        }
        this.maze = Grid.of(rows, cols, puzzle);
        this.open = new boolean[puzzle.length];
        for (int i = 0; i < puzzle.length; i++) {
            open[i] = puzzle[i] == MazeCell.OPEN.code();
        }
        boolean endpoints = MazeSolver.checkEndpoints(maze) == null;
        this.start = endpoints ? MazeSolver.find(maze, MazeCell.START) : -1;
        this.goal = endpoints ? MazeSolver.find(maze, MazeCell.GOAL) : -1;
        this.shortest = distance(null);
    }

    /** @return the number of moves of a shortest S→G route, or -1 if G cannot be reached (or S or G is missing) */
    public int shortestLength() {
        return shortest;
    }

    /**
     * Reads the next step's decoded grid.
     *
     * @param decoded {@link MazeCell} codes, row-major {@code [rows * cols]}; open cells of the puzzle decoded as
     *                {@link MazeCell#PATH} are path cells
     */
    public MazeReading next(int[] decoded) {
        if (decoded.length != maze.size()) {
            throw new IllegalArgumentException("grid has " + decoded.length + " cells, expected " + maze.size());
        }
        boolean[] path = new boolean[decoded.length];
        int count = 0;
        for (int i = 0; i < decoded.length; i++) {
            path[i] = open[i] && decoded[i] == MazeCell.PATH.code();
            count += path[i] ? 1 : 0;
        }
        boolean[] added = new boolean[path.length];
        boolean[] removed = new boolean[path.length];
        int nAdded = 0;
        int nRemoved = 0;
        if (previousPath != null) {
            for (int i = 0; i < path.length; i++) {
                added[i] = path[i] && !previousPath[i];
                removed[i] = !path[i] && previousPath[i];
                nAdded += added[i] ? 1 : 0;
                nRemoved += removed[i] ? 1 : 0;
            }
        }
        boolean[] route = path.clone();
        if (start >= 0) {
            route[start] = true;
            route[goal] = true;
        }
        int length = distance(route);
        boolean connected = length >= 0;
        boolean isShortest = connected && length == shortest;
        boolean exact = isShortest && count == shortest - 1;
        previousPath = path;
        return new MazeReading(step++, path, added, removed, count, nAdded, nRemoved, components(path), connected,
                length, shortest, isShortest, exact);
    }

    /** @return moves from S to G through {@code passable} cells (every non-wall cell if null), or -1 */
    private int distance(boolean[] passable) {
        return start < 0 ? -1 : MazeSolver.distances(maze, start, passable)[goal];
    }

    private int components(boolean[] path) {
        boolean[] seen = new boolean[path.length];
        int components = 0;
        int cols = maze.cols();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < path.length; i++) {
            if (!path[i] || seen[i]) {
                continue;
            }
            components++;
            seen[i] = true;
            queue.add(i);
            while (!queue.isEmpty()) {
                int c = queue.poll();
                int r = c / cols;
                int col = c % cols;
                int[] next = {r > 0 ? c - cols : -1, r < maze.rows() - 1 ? c + cols : -1, col > 0 ? c - 1 : -1,
                    col < cols - 1 ? c + 1 : -1};
                for (int nb : next) {
                    if (nb >= 0 && path[nb] && !seen[nb]) {
                        seen[nb] = true;
                        queue.add(nb);
                    }
                }
            }
        }
        return components;
    }
}
