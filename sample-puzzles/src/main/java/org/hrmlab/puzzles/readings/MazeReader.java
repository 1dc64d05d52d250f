package org.hrmlab.puzzles.readings;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Reads a sequence of decoded mazes step by step: path cells added and removed, path components, whether a
 * connected S→G path exists and whether it is a shortest one (breadth-first search, 4-neighbourhood). Walls, start
 * and goal come from the puzzle; the path cells from each decoded grid.
 */
public final class MazeReader {
    private final int rows;
    private final int cols;
    private final boolean[] wall;
    private final int start;
    private final int goal;
    private final int shortest;
    private boolean[] previousPath;
    private int step;

    /**
     * @param puzzle the input maze as characters ({@code # SG}; not modified), row-major {@code [rows * cols]}
     * @throws IllegalArgumentException if it lacks exactly one S and one G
     */
    public MazeReader(int[] puzzle, int rows, int cols) {
        if (puzzle.length != rows * cols) {
            throw new IllegalArgumentException("maze has " + puzzle.length + " cells, expected " + rows * cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.wall = new boolean[puzzle.length];
        int s = -1;
        int g = -1;
        for (int i = 0; i < puzzle.length; i++) {
            MazeCell c = MazeCell.of(puzzle[i]);
            wall[i] = c == MazeCell.WALL;
            if (c == MazeCell.START) {
                s = s == -1 ? i : -2;
            } else if (c == MazeCell.GOAL) {
                g = g == -1 ? i : -2;
            }
        }
        if (s < 0 || g < 0) {
            throw new IllegalArgumentException("a maze needs exactly one S and one G");
        }
        this.start = s;
        this.goal = g;
        this.shortest = distance(i -> !wall[i]);
    }

    /** @return the number of moves of a shortest S→G route, or -1 if G cannot be reached */
    public int shortestLength() {
        return shortest;
    }

    /**
     * Reads the next step's decoded grid.
     *
     * @param decoded characters, row-major {@code [rows * cols]}; cells equal to {@code 'o'} are path cells
     */
    public MazeReading next(int[] decoded) {
        if (decoded.length != rows * cols) {
            throw new IllegalArgumentException("grid has " + decoded.length + " cells, expected " + rows * cols);
        }
        boolean[] path = new boolean[decoded.length];
        int count = 0;
        for (int i = 0; i < decoded.length; i++) {
            path[i] = decoded[i] == MazeCell.PATH.symbol() && i != start && i != goal;
            if (path[i]) {
                count++;
            }
        }
        int added = 0;
        int removed = 0;
        if (previousPath != null) {
            for (int i = 0; i < path.length; i++) {
                if (path[i] && !previousPath[i]) {
                    added++;
                } else if (!path[i] && previousPath[i]) {
                    removed++;
                }
            }
        }
        int length = distance(i -> path[i] || i == start || i == goal);
        boolean connected = length >= 0;
        boolean isShortest = connected && length == shortest;
        boolean exact = isShortest && count == shortest - 1;
        previousPath = path;
        return new MazeReading(step++, count, added, removed, components(path), connected, length, shortest,
                isShortest, exact);
    }

    private int distance(IntPredicate passable) {
        int[] dist = new int[rows * cols];
        Arrays.fill(dist, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        dist[start] = 0;
        queue.add(start);
        while (!queue.isEmpty()) {
            int c = queue.poll();
            if (c == goal) {
                return dist[c];
            }
            for (int nb : neighbours(c)) {
                if (nb >= 0 && dist[nb] < 0 && passable.test(nb)) {
                    dist[nb] = dist[c] + 1;
                    queue.add(nb);
                }
            }
        }
        return -1;
    }

    private int components(boolean[] path) {
        boolean[] seen = new boolean[path.length];
        int components = 0;
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
                for (int nb : neighbours(c)) {
                    if (nb >= 0 && path[nb] && !seen[nb]) {
                        seen[nb] = true;
                        queue.add(nb);
                    }
                }
            }
        }
        return components;
    }

    private int[] neighbours(int c) {
        int r = c / cols;
        int col = c % cols;
        return new int[] {r > 0 ? c - cols : -1, r < rows - 1 ? c + cols : -1, col > 0 ? c - 1 : -1,
            col < cols - 1 ? c + 1 : -1};
    }
}
