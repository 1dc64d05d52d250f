package org.hrmlab.puzzles.maze;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.MazePuzzle;

/**
 * Mazes of several sizes on one fixed canvas: each maze is generated at a size drawn uniformly from a list, then
 * placed at a random even offset on a canvas of walls (even, so that its corridor cells keep the canvas's own
 * lattice of even coordinates). A model with one sequence length then sees small and large mazes alike, a curriculum
 * within one dataset. The walls around a placed maze are part of both question and answer, so a placed maze's
 * shortest path, its uniqueness and its length are those of the maze itself.
 */
public final class CanvasMazeGenerator {
    private final int canvas;
    private final int[] sizes;
    private final IntFunction<MazeDifficulty> difficulty;
    private final Map<Integer, MazeGenerator> generators = new TreeMap<>();
    private final Random rng;

    /**
     * @param canvas     the canvas's side, 3..30
     * @param sizes      the maze sides to draw from, each 3..canvas
     * @param loops      the share of inner walls opened to make loops (see {@link MazeGenerator})
     * @param difficulty the path-length range for a maze of the given side
     * @param seed       the seed; the same seed and calls give the same mazes
     */
    public CanvasMazeGenerator(int canvas, int[] sizes, double loops, IntFunction<MazeDifficulty> difficulty,
            long seed) {
        if (sizes.length == 0) {
            throw new IllegalArgumentException("no maze sizes to draw from");
        }
        for (int s : sizes) {
            if (s < 3 || s > canvas) {
                throw new IllegalArgumentException("maze size " + s + " does not fit a " + canvas + "x" + canvas
                        + " canvas (3.." + canvas + ")");
            }
            generators.computeIfAbsent(s, k -> new MazeGenerator(k, k, loops, seed * 1_000_003L + k));
        }
        this.canvas = canvas;
        this.sizes = sizes.clone();
        this.difficulty = difficulty;
        this.rng = new Random(seed);
    }

    /**
     * @param name the new maze's name
     * @return a canvas-sized maze whose answer is its unique shortest path; its rating is the path length
     */
    public MazePuzzle next(String name) {
        int side = sizes[rng.nextInt(sizes.length)];
        int top = 2 * rng.nextInt((canvas - side) / 2 + 1);
        int left = 2 * rng.nextInt((canvas - side) / 2 + 1);
        MazePuzzle maze = generators.get(side).next(name, difficulty.apply(side));
        return new MazePuzzle(name, place(maze.maze(), top, left), place(maze.solution(), top, left), maze.rating());
    }

    /** @return the distinct maze sides this generator draws from, ascending */
    public List<Integer> sizes() {
        return new ArrayList<>(generators.keySet());
    }

    private Grid place(Grid maze, int top, int left) {
        int[] cells = Grid.filled(canvas, canvas, MazeCell.WALL.code()).toArray();
        for (int r = 0; r < maze.rows(); r++) {
            for (int c = 0; c < maze.cols(); c++) {
                cells[(top + r) * canvas + left + c] = maze.get(r, c);
            }
        }
        return Grid.of(canvas, canvas, cells);
    }
}
