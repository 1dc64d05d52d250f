package org.hrmlab.app.inspector;

import java.util.ArrayList;
import java.util.List;

import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.readings.ArcDistance;
import org.hrmlab.puzzles.readings.MazeReader;
import org.hrmlab.puzzles.readings.MazeReading;
import org.hrmlab.puzzles.readings.SudokuReader;
import org.hrmlab.puzzles.readings.SudokuReading;
import org.hrmlab.viz.grid.ArcBoard;
import org.hrmlab.viz.grid.ColorGrid;
import org.hrmlab.viz.grid.MazeBoard;
import org.hrmlab.viz.grid.SudokuBoard;

/**
 * Builds the board at the cursor from the puzzle and the decoded history, with sample-puzzles' readers (the same
 * readings {@code hrmlab analyze} writes). Pure.
 */
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

    /**
     * The grid the board shows for a frame: the puzzle itself at the initial state (the decode of the initial state is
     * no answer yet), else the decoded grid.
     */
    static CellGrid shown(LabPuzzle puzzle, LabFrame frame) {
        return frame.kind() == UpdateKind.INIT && puzzle.kind() != PuzzleKind.ARC ? puzzle.input() : frame.decoded();
    }

    /**
     * The board with the readings of sample-puzzles' {@link SudokuReader}, the reader and backtrack threshold of
     * {@code hrmlab analyze}, over the history up to the cursor (the puzzle at update 0).
     */
    static BoardSnapshot sudoku(LabPuzzle puzzle, List<LabFrame> timeline, int cursor) {
        var shape = puzzle.sudokuShape();
        if (shape == null) {
            return new BoardSnapshot.Empty();
        }
        for (int t = 0; t <= cursor; t++) {
            if (shown(puzzle, timeline.get(t)).size() != shape.cells()) {
                return new BoardSnapshot.Empty();
            }
        }
        var reader = new SudokuReader(puzzle.input().cells(), shape, SudokuReader.DEFAULT_STABLE_STEPS);
        boolean[] back = new boolean[shape.cells()];
        int total = 0;
        SudokuReading now = null;
        for (int t = 0; t <= cursor; t++) {
            now = reader.next(shown(puzzle, timeline.get(t)).cells());
            total += now.backtrackCount();
            if (t > cursor - FADE_UPDATES) {
                for (int i = 0; i < back.length; i++) {
                    back[i] |= now.backtrack()[i];
                }
            }
        }
        var frame = timeline.get(cursor);
        var grid = shown(puzzle, frame);
        float[] confidence = frame.kind() == UpdateKind.INIT ? new float[0] : frame.confidence();
        var board = new SudokuBoard(shape.size(), grid.cells(), puzzle.givens(), now.changed(), back, confidence);
        return new BoardSnapshot.Sudoku(board, now.violatingCells(), total, now.changedCount());
    }

    /** The board with the readings of sample-puzzles' {@link MazeReader} over the last {@link #FADE_UPDATES}. */
    static BoardSnapshot maze(LabPuzzle puzzle, List<LabFrame> timeline, int cursor) {
        var input = puzzle.input();
        int from = Math.max(0, cursor - FADE_UPDATES);
        for (int t = from; t <= cursor; t++) {
            if (shown(puzzle, timeline.get(t)).size() != input.size()) {
                return new BoardSnapshot.Empty();
            }
        }
        var reader = new MazeReader(input.cells(), input.rows(), input.cols());
        var window = new ArrayList<MazeReading>(cursor - from + 1);
        for (int t = from; t <= cursor; t++) {
            window.add(reader.next(shown(puzzle, timeline.get(t)).cells()));
        }
        var now = window.get(window.size() - 1);
        boolean[] path = now.path();
        float[] fade = new float[input.size()];
        for (int age = 0; age < FADE_UPDATES && cursor - age >= 1; age++) {
            boolean[] removed = window.get(cursor - age - from).removed();
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

    static BoardSnapshot arc(LabPuzzle puzzle, LabFrame frame) {
        var predicted = frame.decoded();
        var expected = puzzle.answer();
        int distance = expected.isEmpty() ? -1 : ArcDistance.of(predicted.cells(), predicted.rows(), predicted.cols(),
                expected.cells(), expected.rows(), expected.cols()).total();
        return new BoardSnapshot.Arc(new ArcBoard(color(puzzle.input()), color(predicted), color(expected)), distance);
    }

    static ColorGrid color(CellGrid g) {
        return g.isEmpty() ? ColorGrid.EMPTY : new ColorGrid(g.rows(), g.cols(), g.cells());
    }
}
