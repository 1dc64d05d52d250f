package org.hrmlab.puzzles.maze;

import java.util.Locale;

/**
 * The shortest-path length (in moves, see {@link MazeSolver}) a generated maze must have.
 *
 * @param minPathLength shortest allowed path
 * @param maxPathLength longest allowed path
 */
public record MazeDifficulty(int minPathLength, int maxPathLength) {
    /** Maze-Hard's rule on 30x30: the shortest path is longer than 110 moves. */
    public static final int MAZE_HARD_MIN_30 = 111;

    /** Checks the range. */
    public MazeDifficulty {
        if (minPathLength < 1 || maxPathLength < minPathLength) {
            throw new IllegalArgumentException("empty path-length range " + minPathLength + ".." + maxPathLength);
        }
    }

    /** @return any solvable maze */
    public static MazeDifficulty any() {
        return new MazeDifficulty(1, Integer.MAX_VALUE);
    }

    /**
     * Presets scaled by area from Maze-Hard's 111 moves on 30x30 (ratio r = 111/900): {@code hard} at least r*cells
     * (111 on 30x30), {@code medium} from half of that, {@code easy} up to half of it, {@code any} no bound.
     */
    public static MazeDifficulty preset(String name, int rows, int cols) {
        int hard = Math.max(2, (int) Math.ceil(MAZE_HARD_MIN_30 * (double) rows * cols / 900.0));
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "easy" -> new MazeDifficulty(1, Math.max(1, hard / 2));
            case "medium" -> new MazeDifficulty(Math.max(1, hard / 2), Math.max(1, hard - 1));
            case "hard" -> new MazeDifficulty(hard, Integer.MAX_VALUE);
            case "any" -> any();
            default -> throw new IllegalArgumentException("unknown maze difficulty '" + name
                    + "' (easy, medium, hard, any, or path=A..B)");
        };
    }

    /** Parses a preset name or {@code path=A..B} (either bound may be left out). */
    public static MazeDifficulty parse(String text, int rows, int cols) {
        String t = text.trim();
        if (!t.contains("=")) {
            return preset(t, rows, cols);
        }
        String[] kv = t.split("=", 2);
        if (!kv[0].trim().equalsIgnoreCase("path") && !kv[0].trim().equalsIgnoreCase("minpath")) {
            throw new IllegalArgumentException("unknown maze difficulty key '" + kv[0].trim() + "' (path)");
        }
        String s = kv[1].trim();
        try {
            if (!s.contains("..")) {
                return new MazeDifficulty(Integer.parseInt(s), Integer.MAX_VALUE);
            }
            String[] ab = s.split("\\.\\.", -1);
            int a = ab[0].isBlank() ? 1 : Integer.parseInt(ab[0].trim());
            int b = ab[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(ab[1].trim());
            return new MazeDifficulty(a, b);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad path range '" + s + "'");
        }
    }

    /** @return true if a path of this length qualifies */
    public boolean accepts(int length) {
        return length >= minPathLength && length <= maxPathLength;
    }
}
