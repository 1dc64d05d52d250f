package org.hrmlab.app.inspector;

import java.util.List;

import org.hrmlab.app.engine.FrameReader;
import org.hrmlab.app.engine.FrameReading;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.puzzles.readings.SudokuReader;
import org.hrmlab.viz.grid.ArcBoard;
import org.hrmlab.viz.grid.ColorGrid;
import org.hrmlab.viz.grid.MazeBoard;
import org.hrmlab.viz.grid.SudokuBoard;

/**
 * Builds the board at the cursor from the puzzle, the decoded frames and their {@link FrameReading}s (sample-puzzles'
 * readers, the same readings {@code hrmlab analyze} writes). {@link #at} only looks up the readings of the last
 * {@link #FADE_UPDATES} updates, so its cost does not grow with the timeline; {@link #build} reads the history first.
 * Pure.
 */
public final class Boards {
    /** Updates over which a removed maze cell fades out, and a backtrack flag stays up. */
    public static final int FADE_UPDATES = 6;

    private Boards() {
    }

    /** The board at {@code cursor}, reading frames {@code 0..cursor} of {@code timeline} first (exports, tests). */
    public static BoardSnapshot build(LabPuzzle puzzle, List<LabFrame> timeline, int cursor) {
        if (puzzle == null || cursor < 0 || cursor >= timeline.size()) {
            return new BoardSnapshot.Empty();
        }
        return at(puzzle, timeline, FrameReader.readAll(puzzle, timeline, cursor), cursor);
    }

    /**
     * The board at {@code cursor} from readings already made: {@code readings.get(t)} is frame {@code t}'s, read in
     * order by one {@link FrameReader}. Looks at frames {@code cursor - FADE_UPDATES .. cursor} only.
     */
    public static BoardSnapshot at(LabPuzzle puzzle, List<LabFrame> timeline, List<FrameReading> readings,
            int cursor) {
        if (puzzle == null || cursor < 0 || cursor >= timeline.size() || cursor >= readings.size()) {
            return new BoardSnapshot.Empty();
        }
        return switch (puzzle.kind()) {
            case SUDOKU -> sudoku(puzzle, timeline, readings, cursor);
            case MAZE -> maze(puzzle, readings, cursor);
            case ARC -> arc(puzzle, timeline.get(cursor), readings.get(cursor));
        };
    }

    /**
     * The grid the board shows for a frame: the puzzle itself at the initial state (the decode of the initial state is
     * no answer yet), else the decoded grid.
     */
    static CellGrid shown(LabPuzzle puzzle, LabFrame frame) {
        return FrameReader.shown(puzzle, frame);
    }

    /**
     * The board with the readings of sample-puzzles' {@link SudokuReader}, the reader and backtrack threshold of
     * {@code hrmlab analyze}, over the history up to the cursor (the puzzle at update 0): the running backtrack count
     * comes with the cursor's reading, the flags from the last {@link #FADE_UPDATES} readings.
     */
    static BoardSnapshot sudoku(LabPuzzle puzzle, List<LabFrame> timeline, List<FrameReading> readings, int cursor) {
        var shape = puzzle.sudokuShape();
        if (shape == null || !(readings.get(cursor) instanceof FrameReading.Sudoku now)) {
            return new BoardSnapshot.Empty();
        }
        boolean[] back = new boolean[shape.cells()];
        for (int t = Math.max(0, cursor - FADE_UPDATES + 1); t <= cursor; t++) {
            if (readings.get(t) instanceof FrameReading.Sudoku r) {
                boolean[] flags = r.reading().backtrack();
                for (int i = 0; i < back.length; i++) {
                    back[i] |= flags[i];
                }
            }
        }
        var frame = timeline.get(cursor);
        var grid = shown(puzzle, frame);
        float[] confidence = frame.kind() == UpdateKind.INIT ? new float[0] : frame.confidence();
        var reading = now.reading();
        var board = new SudokuBoard(shape.size(), grid.cells(), puzzle.givens(), reading.changed(), back, confidence);
        return new BoardSnapshot.Sudoku(board, reading.violatingCells(), now.backtracksSoFar(), reading.changedCount());
    }

    /** The board with the readings of sample-puzzles' maze reader over the last {@link #FADE_UPDATES}. */
    static BoardSnapshot maze(LabPuzzle puzzle, List<FrameReading> readings, int cursor) {
        var input = puzzle.input();
        int from = Math.max(0, cursor - FADE_UPDATES);
        for (int t = from; t <= cursor; t++) {
            if (!(readings.get(t) instanceof FrameReading.Maze)) {
                return new BoardSnapshot.Empty();
            }
        }
        var now = ((FrameReading.Maze) readings.get(cursor)).reading();
        boolean[] path = now.path();
        float[] fade = new float[input.size()];
        for (int age = 0; age < FADE_UPDATES && cursor - age >= 1; age++) {
            boolean[] removed = ((FrameReading.Maze) readings.get(cursor - age)).reading().removed();
            for (int i = 0; i < fade.length; i++) {
                if (removed[i] && !path[i] && fade[i] == 0) {
                    fade[i] = 1f - age / (float) FADE_UPDATES;
                }
            }
        }
        var board = new MazeBoard(input.rows(), input.cols(), input.cells(), path, now.added(), fade);
        return new BoardSnapshot.Maze(board, now.pathCells(), now.addedCount(), now.removedCount(), now.components(),
                now.connected());
    }

    static BoardSnapshot arc(LabPuzzle puzzle, LabFrame frame, FrameReading reading) {
        var predicted = frame.decoded();
        var expected = puzzle.answer();
        int distance = reading instanceof FrameReading.Arc a ? a.distance() : -1;
        return new BoardSnapshot.Arc(new ArcBoard(color(puzzle.input()), color(predicted), color(expected)), distance);
    }

    static ColorGrid color(CellGrid g) {
        return g.isEmpty() ? ColorGrid.EMPTY : new ColorGrid(g.rows(), g.cols(), g.cells());
    }
}
