package org.hrmlab.app.engine.fake;

import java.util.ArrayList;
import java.util.List;

import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.puzzles.MazeCell;

/**
 * The path grows from S along the shortest path while a side branch grows into a dead end and is pruned again.
 */
final class MazeScript implements Script {
    private static final double GROW_END = 2.4;
    private static final int OPEN = MazeCell.OPEN.code();
    private static final int START = MazeCell.START.code();
    private static final int PATH = MazeCell.PATH.code();
    private final CellGrid input;
    private final List<Integer> path;
    private final List<Integer> branch;
    private final CellGrid solved;

    MazeScript(LabPuzzle puzzle) {
        input = puzzle.input();
        solved = puzzle.hasAnswer() ? puzzle.answer() : puzzle.solve();
        path = orderedPath(input, solved);
        branch = deadEnd(input, solved, path);
    }

    @Override
    public Decoded decode(double s) {
        int[] cells = input.cells();
        float[] conf = new float[cells.length];
        java.util.Arrays.fill(conf, 0.97f);
        int shown = (int) Math.round(path.size() * Math.min(1, s / GROW_END));
        for (int k = 0; k < shown; k++) {
            cells[path.get(k)] = PATH;
            conf[path.get(k)] = (float) Math.min(0.99, 0.5 + 0.2 * (s - k * GROW_END / path.size()));
        }
        double grow = Math.min(1, Math.max(0, (s - 0.4) / 0.8));
        double prune = Math.min(1, Math.max(0, (s - 1.3) / 0.7));
        int branchShown = (int) Math.round(branch.size() * grow * (1 - prune));
        for (int k = 0; k < branchShown; k++) {
            cells[branch.get(k)] = PATH;
            conf[branch.get(k)] = 0.55f;
        }
        return new Decoded(new CellGrid(input.rows(), input.cols(), cells), conf);
    }

    @Override
    public CellGrid answer() {
        return solved;
    }

    @Override
    public double solvedAt() {
        return path.isEmpty() ? Double.POSITIVE_INFINITY : GROW_END;
    }

    /** The path cells ordered from S towards G. */
    private static List<Integer> orderedPath(CellGrid maze, CellGrid solved) {
        var out = new ArrayList<Integer>();
        if (solved.isEmpty()) {
            return out;
        }
        int cur = -1;
        for (int i = 0; i < maze.size(); i++) {
            if (maze.at(i) == START) {
                cur = i;
            }
        }
        boolean[] seen = new boolean[maze.size()];
        while (cur >= 0) {
            seen[cur] = true;
            int next = -1;
            for (int j : neighbours(maze, cur)) {
                if (!seen[j] && solved.at(j) == PATH) {
                    next = j;
                }
            }
            if (next >= 0) {
                out.add(next);
            }
            cur = next;
        }
        return out;
    }

    /** A run of open cells leaving the path about a third of the way along, up to 10 long. */
    private static List<Integer> deadEnd(CellGrid maze, CellGrid solved, List<Integer> path) {
        var out = new ArrayList<Integer>();
        for (int k = path.size() / 3; k < path.size() && out.isEmpty(); k++) {
            int cur = path.get(k);
            boolean[] seen = new boolean[maze.size()];
            seen[cur] = true;
            for (int step = 0; step < 10; step++) {
                int next = -1;
                for (int j : neighbours(maze, cur)) {
                    if (!seen[j] && maze.at(j) == OPEN && solved.at(j) != PATH) {
                        next = j;
                        break;
                    }
                }
                if (next < 0) {
                    break;
                }
                seen[next] = true;
                out.add(next);
                cur = next;
            }
            if (out.size() < 3) {
                out.clear();
            }
        }
        return out;
    }

    private static List<Integer> neighbours(CellGrid maze, int i) {
        int r = i / maze.cols();
        int c = i % maze.cols();
        var out = new ArrayList<Integer>(4);
        if (r > 0) {
            out.add(i - maze.cols());
        }
        if (r < maze.rows() - 1) {
            out.add(i + maze.cols());
        }
        if (c > 0) {
            out.add(i - 1);
        }
        if (c < maze.cols() - 1) {
            out.add(i + 1);
        }
        return out;
    }
}
