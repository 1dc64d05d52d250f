package org.hrmlab.puzzles;

import java.util.Objects;
import java.util.Optional;

/**
 * A maze: a grid of {@link MazeCell} codes with one start and one goal, and, where known, the solved grid in which
 * the floor cells of the shortest path are {@link MazeCell#PATH}. {@code org.hrmlab.puzzles.maze.MazeSolver} checks
 * solvability and path optimality; this record checks shapes and codes only.
 *
 * @param name     a short name
 * @param maze     the question: codes of WALL, OPEN, START, GOAL
 * @param solution the answer: the question plus PATH cells, or {@code null} if unknown
 * @param rating   a difficulty figure from the source (path length), or -1 if none
 */
public record MazePuzzle(String name, Grid maze, Grid solution, long rating) implements Puzzle {

    /** Checks codes and shapes. */
    public MazePuzzle {
        Objects.requireNonNull(name);
        int[] r = maze.range();
        if (r[0] < 0 || r[1] > MazeCell.GOAL.code()) {
            throw new IllegalArgumentException("maze question cells must be walls, floor, start or goal");
        }
        if (solution != null) {
            if (solution.rows() != maze.rows() || solution.cols() != maze.cols()) {
                throw new IllegalArgumentException("maze solution shape differs from the question");
            }
            int[] s = solution.range();
            if (s[0] < 0 || s[1] > MazeCell.PATH.code()) {
                throw new IllegalArgumentException("maze solution has an unknown cell code");
            }
        }
    }

    @Override
    public PuzzleKind kind() {
        return PuzzleKind.MAZE;
    }

    @Override
    public Grid input() {
        return maze;
    }

    @Override
    public Optional<Grid> answer() {
        return Optional.ofNullable(solution);
    }

    /** @return the question as text lines of {@code # SG} */
    public String questionText() {
        return text(maze);
    }

    /** @return the solution as text lines of {@code # SGo}, or {@code null} */
    public String answerText() {
        return solution == null ? null : text(solution);
    }

    /** @return the grid as one string of {@code # SGo} characters, row-major, no separators (the CSV layout) */
    public static String line(Grid g) {
        StringBuilder b = new StringBuilder(g.size());
        for (int i = 0; i < g.size(); i++) {
            b.append(MazeCell.ofCode(g.at(i)).symbol());
        }
        return b.toString();
    }

    /** @return the grid as lines of {@code # SGo} characters, each ending in a newline */
    public static String text(Grid g) {
        String line = line(g);
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < g.rows(); r++) {
            b.append(line, r * g.cols(), (r + 1) * g.cols()).append('\n');
        }
        return b.toString();
    }
}
