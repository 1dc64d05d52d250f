package org.hrmlab.app.inspector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.puzzle.MazeCells;
import org.hrmlab.viz.grid.ArcBoard;
import org.hrmlab.viz.grid.ArcRenderer;
import org.hrmlab.viz.grid.ColorGrid;
import org.hrmlab.viz.grid.MazeBoard;
import org.hrmlab.viz.grid.SudokuBoard;
import org.hrmlab.viz.grid.SudokuRules;

/** Builds the board at the cursor from the puzzle and the decoded history. Pure. */
public final class Boards {
    /** Updates over which a removed maze cell fades out, and a backtrack flag stays up. */
    public static final int FADE_UPDATES = 6;

    private Boards() {
    }

    public static BoardSnapshot build(LabPuzzle puzzle, List<LabFrame> timeline, int cursor) {
        if (puzzle == null || cursor < 0 || cursor >= timeline.size()) {
            return new BoardSnapshot.Empty();
        }
        return switch (puzzle.kind()) {
            case SUDOKU -> sudoku(puzzle, timeline, cursor);
            case MAZE -> maze(puzzle, timeline, cursor);
            case ARC -> arc(puzzle, timeline.get(cursor));
        };
    }

    static BoardSnapshot sudoku(LabPuzzle puzzle, List<LabFrame> timeline, int cursor) {
        var grid = timeline.get(cursor).decoded();
        if (grid.rows() != grid.cols() || grid.size() != puzzle.input().size()) {
            return new BoardSnapshot.Empty();
        }
        var history = new ArrayList<CellGrid>(cursor + 1);
        for (int t = 0; t <= cursor; t++) {
            history.add(timeline.get(t).decoded());
        }
        boolean[] givens = puzzle.givens();
        boolean[] changed = new boolean[grid.size()];
        if (cursor > 0) {
            var prev = history.get(cursor - 1);
            for (int i = 0; i < changed.length; i++) {
                changed[i] = prev.at(i) != grid.at(i);
            }
        }
        boolean[] back = Backtracks.recent(history, givens, cursor, FADE_UPDATES, Backtracks.DEFAULT_STABLE);
        int total = Backtracks.count(history, givens, cursor, Backtracks.DEFAULT_STABLE);
        var board = new SudokuBoard(grid.rows(), grid.cells(), givens, changed, back,
                timeline.get(cursor).confidence());
        int conflicts = SudokuRules.count(SudokuRules.conflicts(grid.cells(), grid.rows()));
        return new BoardSnapshot.Sudoku(board, conflicts, total, SudokuRules.count(changed));
    }

    static BoardSnapshot maze(LabPuzzle puzzle, List<LabFrame> timeline, int cursor) {
        var input = puzzle.input();
        int n = input.size();
        if (timeline.get(cursor).decoded().size() != n) {
            return new BoardSnapshot.Empty();
        }
        boolean[] path = pathOf(input, timeline.get(cursor).decoded());
        boolean[] prev = cursor > 0 ? pathOf(input, timeline.get(cursor - 1).decoded()) : new boolean[n];
        boolean[] added = new boolean[n];
        float[] fade = new float[n];
        int nAdded = 0;
        int nRemoved = 0;
        for (int i = 0; i < n; i++) {
            added[i] = path[i] && !prev[i];
            nAdded += added[i] ? 1 : 0;
            nRemoved += prev[i] && !path[i] ? 1 : 0;
        }
        for (int age = 0; age < FADE_UPDATES && cursor - age >= 1; age++) {
            boolean[] after = age == 0 ? path : pathOf(input, timeline.get(cursor - age).decoded());
            boolean[] before = pathOf(input, timeline.get(cursor - age - 1).decoded());
            for (int i = 0; i < n; i++) {
                if (before[i] && !after[i] && !path[i] && fade[i] == 0) {
                    fade[i] = 1f - age / (float) FADE_UPDATES;
                }
            }
        }
        int[] base = input.cells();
        var board = new MazeBoard(input.rows(), input.cols(), base, path, added, fade);
        int cells = 0;
        for (boolean p : path) {
            cells += p ? 1 : 0;
        }
        return new BoardSnapshot.Maze(board, cells, nAdded, nRemoved, components(input, path),
                connected(input, path));
    }

    static BoardSnapshot arc(LabPuzzle puzzle, LabFrame frame) {
        var predicted = color(frame.decoded());
        var expected = color(puzzle.answer());
        int distance = expected.isEmpty() ? -1 : ArcRenderer.distance(predicted, expected);
        return new BoardSnapshot.Arc(new ArcBoard(color(puzzle.input()), predicted, expected), distance);
    }

    static ColorGrid color(CellGrid g) {
        return g.isEmpty() ? ColorGrid.EMPTY : new ColorGrid(g.rows(), g.cols(), g.cells());
    }

    /** Open cells the decoded grid marks as path. */
    static boolean[] pathOf(CellGrid maze, CellGrid decoded) {
        boolean[] out = new boolean[maze.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = decoded.at(i) == MazeCells.PATH && maze.at(i) == MazeCells.OPEN;
        }
        return out;
    }

    /** Number of 4-connected pieces of path cells. */
    static int components(CellGrid maze, boolean[] path) {
        boolean[] seen = new boolean[path.length];
        int pieces = 0;
        for (int i = 0; i < path.length; i++) {
            if (path[i] && !seen[i]) {
                pieces++;
                flood(maze, i, seen, j -> path[j]);
            }
        }
        return pieces;
    }

    /** Whether S reaches G through path cells. */
    static boolean connected(CellGrid maze, boolean[] path) {
        int start = -1;
        int goal = -1;
        for (int i = 0; i < maze.size(); i++) {
            if (maze.at(i) == MazeCells.START) {
                start = i;
            } else if (maze.at(i) == MazeCells.GOAL) {
                goal = i;
            }
        }
        if (start < 0 || goal < 0) {
            return false;
        }
        boolean[] seen = new boolean[path.length];
        final int g = goal;
        flood(maze, start, seen, j -> path[j] || j == g);
        return seen[goal];
    }

    private static void flood(CellGrid maze, int from, boolean[] seen, java.util.function.IntPredicate walkable) {
        var queue = new ArrayDeque<Integer>();
        queue.add(from);
        seen[from] = true;
        int cols = maze.cols();
        while (!queue.isEmpty()) {
            int i = queue.poll();
            int r = i / cols;
            int c = i % cols;
            int[] next = {r > 0 ? i - cols : -1, r < maze.rows() - 1 ? i + cols : -1, c > 0 ? i - 1 : -1,
                c < cols - 1 ? i + 1 : -1};
            for (int j : next) {
                if (j >= 0 && !seen[j] && walkable.test(j)) {
                    seen[j] = true;
                    queue.add(j);
                }
            }
        }
    }
}
