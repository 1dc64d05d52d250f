package org.hrmlab.puzzles.maze;

import java.util.Arrays;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazeCell;

/**
 * Breadth-first search on mazes (4-neighbour moves through every non-wall cell). Path length is counted in moves
 * from the start to the goal, so a solved maze has {@code length - 1} {@link MazeCell#PATH} cells. Maze-Hard's
 * hardness rule, "shortest path longer than 110", is {@code length > 110}.
 */
public final class MazeSolver {
    private static final int[] DR = {-1, 1, 0, 0};
    private static final int[] DC = {0, 0, -1, 1};

    private MazeSolver() {
    }

    /**
     * A shortest path.
     *
     * @param length    moves from start to goal
     * @param pathCount the number of distinct shortest paths, saturated at 2 (so 1 means unique)
     * @param solved    the maze with the floor cells of one shortest path marked {@link MazeCell#PATH}
     */
    public record Solution(int length, int pathCount, Grid solved) {
        /** @return true if no other path is equally short */
        public boolean unique() {
            return pathCount == 1;
        }
    }

    /**
     * @param maze a maze grid (not modified)
     * @return {@code null} if it has exactly one start and one goal, else what is wrong (naming the cells)
     */
    public static String checkEndpoints(Grid maze) {
        String s = single(maze, MazeCell.START, "start 'S'");
        return s != null ? s : single(maze, MazeCell.GOAL, "goal 'G'");
    }

    /**
     * @param maze a maze grid with one start and one goal (not modified)
     * @return a shortest path, or {@code null} if the goal cannot be reached
     */
    public static Solution solve(Grid maze) {
        int start = find(maze, MazeCell.START);
        int goal = find(maze, MazeCell.GOAL);
        if (start < 0 || goal < 0) {
            throw new IllegalArgumentException("maze needs a start and a goal");
        }
        int[] dist = distances(maze, start, null);
        if (dist[goal] < 0) {
            return null;
        }
        int[] ways = new int[maze.size()];
        int[] order = orderByDistance(dist);
        ways[start] = 1;
        int cols = maze.cols();
        for (int i : order) {
            if (dist[i] <= 0) {
                continue;
            }
            int w = 0;
            for (int d = 0; d < 4; d++) {
                int j = neighbour(maze, i, d);
                if (j >= 0 && dist[j] == dist[i] - 1) {
                    w = Math.min(2, w + ways[j]);
                }
            }
            ways[i] = w;
        }
        int[] cells = maze.toArray();
        int cur = goal;
        while (cur != start) {
            int prev = -1;
            for (int d = 0; d < 4 && prev < 0; d++) {
                int j = neighbour(maze, cur, d);
                if (j >= 0 && dist[j] == dist[cur] - 1) {
                    prev = j;
                }
            }
            if (prev != start) {
                cells[prev] = MazeCell.PATH.code();
            }
            cur = prev;
        }
        return new Solution(dist[goal], ways[goal], Grid.of(maze.rows(), cols, cells));
    }

    /**
     * @param maze the start cell's maze (not modified)
     * @param from the start cell index (row-major)
     * @param passable which cells may be entered, or {@code null} for every non-wall cell
     * @return moves from {@code from} to every cell, -1 where unreachable
     */
    public static int[] distances(Grid maze, int from, boolean[] passable) {
        int[] dist = new int[maze.size()];
        Arrays.fill(dist, -1);
        int[] queue = new int[maze.size()];
        int head = 0;
        int tail = 0;
        dist[from] = 0;
        queue[tail++] = from;
        while (head < tail) {
            int i = queue[head++];
            for (int d = 0; d < 4; d++) {
                int j = neighbour(maze, i, d);
                if (j >= 0 && dist[j] < 0 && (passable == null ? maze.at(j) != MazeCell.WALL.code() : passable[j])) {
                    dist[j] = dist[i] + 1;
                    queue[tail++] = j;
                }
            }
        }
        return dist;
    }

    /**
     * Checks a proposed answer: it must equal the question except for floor cells turned into path cells, and those
     * path cells must form a shortest route from start to goal with nothing extra.
     *
     * @param question the maze (not modified)
     * @param answer   the proposed solved maze (not modified)
     * @return {@code null} if the answer is a correct shortest path, else what is wrong
     */
    public static String checkAnswer(Grid question, Grid answer) {
        if (answer.rows() != question.rows() || answer.cols() != question.cols()) {
            return "answer is " + answer.rows() + "x" + answer.cols() + ", question is " + question.rows() + "x"
                    + question.cols();
        }
        boolean[] onPath = new boolean[question.size()];
        int pathCells = 0;
        for (int i = 0; i < question.size(); i++) {
            int q = question.at(i);
            int a = answer.at(i);
            if (a == MazeCell.PATH.code() && q == MazeCell.OPEN.code()) {
                onPath[i] = true;
                pathCells++;
            } else if (a != q) {
                return "answer cell " + cellName(question, i) + " is '" + MazeCell.ofCode(a).symbol()
                        + "' but the question has '" + MazeCell.ofCode(q).symbol() + "'";
            } else if (q == MazeCell.START.code() || q == MazeCell.GOAL.code()) {
                onPath[i] = true;
            }
        }
        Solution best = solve(question);
        if (best == null) {
            return "no path from S to G";
        }
        int[] dist = distances(question, find(question, MazeCell.START), onPath);
        int reached = dist[find(question, MazeCell.GOAL)];
        if (reached < 0) {
            return "the 'o' cells do not connect S to G";
        }
        if (reached != best.length() || pathCells != best.length() - 1) {
            return "the marked path has " + (pathCells + 1) + " moves, the shortest has " + best.length();
        }
        return null;
    }

    /** @return the index of the first cell with that value, or -1 */
    public static int find(Grid maze, MazeCell cell) {
        for (int i = 0; i < maze.size(); i++) {
            if (maze.at(i) == cell.code()) {
                return i;
            }
        }
        return -1;
    }

    static int neighbour(Grid maze, int i, int d) {
        int r = i / maze.cols() + DR[d];
        int c = i % maze.cols() + DC[d];
        return r < 0 || c < 0 || r >= maze.rows() || c >= maze.cols() ? -1 : r * maze.cols() + c;
    }

    static String cellName(Grid g, int i) {
        return "(" + (i / g.cols() + 1) + ", " + (i % g.cols() + 1) + ")";
    }

    private static String single(Grid maze, MazeCell cell, String what) {
        StringBuilder at = new StringBuilder();
        int n = 0;
        for (int i = 0; i < maze.size(); i++) {
            if (maze.at(i) == cell.code()) {
                if (n < 3) {
                    at.append(n == 0 ? "" : ", ").append(cellName(maze, i));
                }
                n++;
            }
        }
        if (n == 1) {
            return null;
        }
        return n == 0 ? "no " + what + " cell" : n + " " + what + " cells (at " + at + (n > 3 ? ", ..." : "")
                + "); expected exactly 1";
    }

    private static int[] orderByDistance(int[] dist) {
        int max = 0;
        for (int d : dist) {
            max = Math.max(max, d);
        }
        int[] count = new int[max + 2];
        for (int d : dist) {
            if (d >= 0) {
                count[d + 1]++;
            }
        }
        for (int k = 1; k < count.length; k++) {
            count[k] += count[k - 1];
        }
        int[] out = new int[count[count.length - 1]];
        for (int i = 0; i < dist.length; i++) {
            if (dist[i] >= 0) {
                out[count[dist[i]]++] = i;
            }
        }
        return out;
    }
}
