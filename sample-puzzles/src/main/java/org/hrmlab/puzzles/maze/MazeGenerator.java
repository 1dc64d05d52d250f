package org.hrmlab.puzzles.maze;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.MazePuzzle;

/**
 * Generates mazes of any size from 3x3 up to 30x30, reproducibly from a seed. Method: a recursive-backtracker
 * (depth-first) spanning tree over the cells at even coordinates, then a fraction of the remaining walls between
 * two such cells opened to make loops (so that the shortest path is not the only path); then a random start, and a
 * goal drawn among the cells whose shortest-path distance lies in the difficulty's range and whose shortest path is
 * unique. Every returned answer was re-checked with {@link MazeSolver#checkAnswer}.
 */
public final class MazeGenerator {
    /** The default share of inner walls opened to make loops. */
    public static final double DEFAULT_LOOP_FRACTION = 0.08;
    private static final int MAX_ATTEMPTS = 10_000;
    private final int rows;
    private final int cols;
    private final double loopFraction;
    private final Random rng;

    /**
     * @param rows         3..30
     * @param cols         3..30
     * @param loopFraction share (0..1) of the walls between two corridor cells to open
     * @param seed         the seed; the same seed and calls give the same mazes
     */
    public MazeGenerator(int rows, int cols, double loopFraction, long seed) {
        if (rows < 3 || cols < 3 || rows > 30 || cols > 30) {
            throw new IllegalArgumentException("maze size must be 3x3 to 30x30, got " + rows + "x" + cols);
        }
        if (loopFraction < 0 || loopFraction > 1) {
            throw new IllegalArgumentException("loop fraction must lie in 0..1");
        }
        this.rows = rows;
        this.cols = cols;
        this.loopFraction = loopFraction;
        this.rng = new Random(seed);
    }

    /** A generator with the default loop fraction. */
    public MazeGenerator(int rows, int cols, long seed) {
        this(rows, cols, DEFAULT_LOOP_FRACTION, seed);
    }

    /**
     * @param name       the new maze's name
     * @param difficulty the shortest-path length range
     * @return a maze whose answer is its unique shortest path; its rating is the path length
     * @throws IllegalStateException if the range is out of reach for this size
     */
    public MazePuzzle next(String name, MazeDifficulty difficulty) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int[] cells = carve();
            Grid floor = Grid.of(rows, cols, cells);
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] == MazeCell.OPEN.code()) {
                    open.add(i);
                }
            }
            if (open.size() < 2) {
                continue;
            }
            int start = open.get(rng.nextInt(open.size()));
            int[] dist = MazeSolver.distances(floor, start, null);
            List<Integer> goals = new ArrayList<>();
            for (int i : open) {
                if (i != start && dist[i] > 0 && difficulty.accepts(dist[i])) {
                    goals.add(i);
                }
            }
            for (int tries = 0; tries < 8 && !goals.isEmpty(); tries++) {
                int goal = goals.remove(rng.nextInt(goals.size()));
                int[] q = cells.clone();
                q[start] = MazeCell.START.code();
                q[goal] = MazeCell.GOAL.code();
                Grid question = Grid.of(rows, cols, q);
                MazeSolver.Solution s = MazeSolver.solve(question);
                if (s == null || !s.unique() || !difficulty.accepts(s.length())) {
                    continue;
                }
                String problem = MazeSolver.checkAnswer(question, s.solved());
                if (problem != null) {
                    throw new IllegalStateException("generated maze failed verification: " + problem);
                }
                return new MazePuzzle(name, question, s.solved(), s.length());
            }
        }
        throw new IllegalStateException("no " + rows + "x" + cols + " maze with a unique shortest path of "
                + difficulty.minPathLength() + ".." + difficulty.maxPathLength() + " moves after " + MAX_ATTEMPTS
                + " attempts");
    }

    private int[] carve() {
        int[] cells = new int[rows * cols];
        int lr = (rows + 1) / 2;
        int lc = (cols + 1) / 2;
        boolean[] seen = new boolean[lr * lc];
        int[] stack = new int[lr * lc];
        int top = 0;
        int first = rng.nextInt(lr * lc);
        stack[top++] = first;
        seen[first] = true;
        open(cells, first / lc * 2, first % lc * 2);
        int[] next = new int[4];
        while (top > 0) {
            int cur = stack[top - 1];
            int r = cur / lc;
            int c = cur % lc;
            int n = 0;
            if (r > 0 && !seen[cur - lc]) {
                next[n++] = cur - lc;
            }
            if (r < lr - 1 && !seen[cur + lc]) {
                next[n++] = cur + lc;
            }
            if (c > 0 && !seen[cur - 1]) {
                next[n++] = cur - 1;
            }
            if (c < lc - 1 && !seen[cur + 1]) {
                next[n++] = cur + 1;
            }
            if (n == 0) {
                top--;
                continue;
            }
            int to = next[rng.nextInt(n)];
            seen[to] = true;
            open(cells, r + to / lc, c + to % lc);
            open(cells, to / lc * 2, to % lc * 2);
            stack[top++] = to;
        }
        List<Integer> walls = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                boolean between = (r % 2 == 0 && c % 2 == 1 && c + 1 < cols) || (r % 2 == 1 && c % 2 == 0 && r + 1 < rows);
                if (between && cells[r * cols + c] == MazeCell.WALL.code()) {
                    walls.add(r * cols + c);
                }
            }
        }
        int opens = (int) Math.round(walls.size() * loopFraction);
        for (int k = 0; k < opens; k++) {
            int w = walls.remove(rng.nextInt(walls.size()));
            cells[w] = MazeCell.OPEN.code();
        }
        return cells;
    }

    private void open(int[] cells, int r, int c) {
        cells[r * cols + c] = MazeCell.OPEN.code();
    }
}
