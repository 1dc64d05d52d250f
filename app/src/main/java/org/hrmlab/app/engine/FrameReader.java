package org.hrmlab.app.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.readings.ArcDistance;
import org.hrmlab.puzzles.readings.MazeReader;
import org.hrmlab.puzzles.readings.SudokuReader;

/**
 * Reads the frames of one run in order, one {@link FrameReading} per frame, carrying the readers' state from frame to
 * frame: a Sudoku's backtracks (threshold {@link SudokuReader#DEFAULT_STABLE_STEPS}, as {@code hrmlab analyze}) and
 * their running total, a maze's added and removed path cells. Each frame is read once, so the cost of a frame does not
 * grow with the run. The {@link EngineRunner} reads every recorded frame on the engine thread; a new run needs a new
 * reader. Not thread-safe.
 */
public final class FrameReader {
    private static final LongAdder STEPS = new LongAdder();

    private final LabPuzzle puzzle;
    private final SudokuShape shape;
    private SudokuReader sudoku;
    private MazeReader maze;
    private boolean sudokuLost;
    private int backtracks;
    private int read;

    /** A reader for a run on {@code puzzle}, before its update 0. */
    public FrameReader(LabPuzzle puzzle) {
        this.puzzle = Objects.requireNonNull(puzzle, "puzzle");
        this.shape = puzzle.sudokuShape();
    }

    /**
     * Reads frames {@code 0..last} of {@code timeline} from the start (for exports and tests; the inspector reads as
     * frames are recorded).
     */
    public static List<FrameReading> readAll(LabPuzzle puzzle, List<LabFrame> timeline, int last) {
        var reader = new FrameReader(puzzle);
        var out = new ArrayList<FrameReading>(last + 1);
        for (int t = 0; t <= last; t++) {
            out.add(reader.next(timeline.get(t)));
        }
        return out;
    }

    /**
     * The grid the board shows for a frame: the puzzle itself at the initial state (the decode of the initial state is
     * no answer yet), else the decoded grid.
     */
    public static CellGrid shown(LabPuzzle puzzle, LabFrame frame) {
        return frame.kind() == UpdateKind.INIT && puzzle.kind() != PuzzleKind.ARC ? puzzle.input() : frame.decoded();
    }

    /** Fraction of cells of {@code decoded} equal to {@code answer}; 0 when the shapes differ or it is empty. */
    public static double accuracy(CellGrid decoded, CellGrid answer) {
        if (decoded.rows() != answer.rows() || decoded.cols() != answer.cols() || answer.isEmpty()) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < answer.size(); i++) {
            same += decoded.at(i) == answer.at(i) ? 1 : 0;
        }
        return same / (double) answer.size();
    }

    /**
     * Reads the next frame of the run.
     *
     * @throws IllegalArgumentException when {@code frame} is not the next update ({@link #count()})
     */
    public FrameReading next(LabFrame frame) {
        if (frame.index() != read) {
            throw new IllegalArgumentException("expected update " + read + ", got " + frame.index());
        }
        read++;
        double accuracy = puzzle.answer().isEmpty() ? Double.NaN : accuracy(frame.decoded(), puzzle.answer());
        return switch (puzzle.kind()) {
            case SUDOKU -> sudoku(shown(puzzle, frame), accuracy);
            case MAZE -> maze(shown(puzzle, frame), accuracy);
            case ARC -> arc(frame.decoded(), accuracy);
        };
    }

    /** @return frames read so far: the index of the next one */
    public int count() {
        return read;
    }

    /** @return steps taken by sample-puzzles' Sudoku and maze readers for the lab in this JVM (a diagnostic) */
    public static long readerSteps() {
        return STEPS.sum();
    }

    private FrameReading sudoku(CellGrid grid, double accuracy) {
        if (shape == null || sudokuLost || grid.size() != shape.cells()) {
            sudokuLost = true;
            return new FrameReading.Unread(accuracy);
        }
        if (sudoku == null) {
            sudoku = new SudokuReader(puzzle.input().cells(), shape, SudokuReader.DEFAULT_STABLE_STEPS);
        }
        STEPS.increment();
        var reading = sudoku.next(grid.cells());
        backtracks += reading.backtrackCount();
        return new FrameReading.Sudoku(reading, backtracks, accuracy);
    }

    /** After a grid of another size the maze reader starts afresh: the next grid has nothing to compare with. */
    private FrameReading maze(CellGrid grid, double accuracy) {
        var input = puzzle.input();
        if (grid.size() != input.size()) {
            maze = null;
            return new FrameReading.Unread(accuracy);
        }
        if (maze == null) {
            maze = new MazeReader(input.cells(), input.rows(), input.cols());
        }
        STEPS.increment();
        return new FrameReading.Maze(maze.next(grid.cells()), accuracy);
    }

    private FrameReading arc(CellGrid predicted, double accuracy) {
        var expected = puzzle.answer();
        int distance = expected.isEmpty() ? -1 : ArcDistance.of(predicted.cells(), predicted.rows(), predicted.cols(),
                expected.cells(), expected.rows(), expected.cols()).total();
        return new FrameReading.Arc(distance, accuracy);
    }
}
