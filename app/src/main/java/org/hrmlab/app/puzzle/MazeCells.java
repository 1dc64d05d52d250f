package org.hrmlab.app.puzzle;

import java.util.ArrayDeque;

/** Maze cell codes (the reference's token values for {@code "# SGo"}) and a shortest-path solver. */
public final class MazeCells {
    public static final int WALL = 1;
    public static final int OPEN = 2;
    public static final int START = 3;
    public static final int GOAL = 4;
    public static final int PATH = 5;

    private MazeCells() {
    }

    /** Parses rows of {@code "# SGo"} characters into a grid. */
    public static CellGrid parse(String... lines) {
        int rows = lines.length;
        int cols = lines[0].length();
        int[] cells = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            if (lines[r].length() != cols) {
                throw new IllegalArgumentException("maze row " + r + " has " + lines[r].length() + " cells, not "
                        + cols);
            }
            for (int c = 0; c < cols; c++) {
                cells[r * cols + c] = code(lines[r].charAt(c));
            }
        }
        return new CellGrid(rows, cols, cells);
    }

    static int code(char ch) {
        return switch (ch) {
            case '#' -> WALL;
            case ' ' -> OPEN;
            case 'S' -> START;
            case 'G' -> GOAL;
            case 'o' -> PATH;
            default -> throw new IllegalArgumentException("not a maze character: '" + ch + "'");
        };
    }

    /**
     * The maze with one shortest S-to-G path marked {@link #PATH} (4-neighbour moves through non-wall cells), or
     * {@link CellGrid#EMPTY} when there is no start, no goal or no path.
     */
    public static CellGrid solve(CellGrid maze) {
        int n = maze.size();
        int start = -1;
        int goal = -1;
        for (int i = 0; i < n; i++) {
            if (maze.at(i) == START) {
                start = i;
            } else if (maze.at(i) == GOAL) {
                goal = i;
            }
        }
        if (start < 0 || goal < 0) {
            return CellGrid.EMPTY;
        }
        int[] prev = new int[n];
        java.util.Arrays.fill(prev, -2);
        prev[start] = -1;
        var queue = new ArrayDeque<Integer>();
        queue.add(start);
        int[][] moves = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
        while (!queue.isEmpty() && prev[goal] == -2) {
            int i = queue.poll();
            int r = i / maze.cols();
            int c = i % maze.cols();
            for (int[] m : moves) {
                int rr = r + m[0];
                int cc = c + m[1];
                if (rr < 0 || cc < 0 || rr >= maze.rows() || cc >= maze.cols()) {
                    continue;
                }
                int j = rr * maze.cols() + cc;
                if (prev[j] == -2 && maze.at(j) != WALL) {
                    prev[j] = i;
                    queue.add(j);
                }
            }
        }
        if (prev[goal] == -2) {
            return CellGrid.EMPTY;
        }
        int[] out = maze.cells();
        for (int i = prev[goal]; i != start; i = prev[i]) {
            out[i] = PATH;
        }
        return new CellGrid(maze.rows(), maze.cols(), out);
    }
}
