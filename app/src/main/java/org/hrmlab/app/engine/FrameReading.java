package org.hrmlab.app.engine;

import org.hrmlab.puzzles.readings.MazeReading;
import org.hrmlab.puzzles.readings.SudokuReading;

/**
 * What the inspector reads from one recorded frame: sample-puzzles' reading of the grid the board shows (the readings
 * {@code hrmlab analyze} writes) and the token accuracy. Made once per frame, in order, by a {@link FrameReader} on
 * the engine thread, so that the FX thread only looks readings up. Immutable: nothing modifies the readings' arrays
 * once the reader has handed them out.
 */
public sealed interface FrameReading {
    /** Fraction of cells of the decoded grid equal to the puzzle's answer (0 when the shapes differ); NaN if unknown. */
    double accuracy();

    /**
     * A Sudoku grid read by {@link org.hrmlab.puzzles.readings.SudokuReader} with the analysis threshold.
     *
     * @param backtracksSoFar backtracks from update 0 up to and including this one
     */
    record Sudoku(SudokuReading reading, int backtracksSoFar, double accuracy) implements FrameReading {
    }

    /** A maze read by {@link org.hrmlab.puzzles.readings.MazeReader}; added and removed cells against the update before. */
    record Maze(MazeReading reading, double accuracy) implements FrameReading {
    }

    /** An ARC prediction and its distance to the expected output (-1 when unknown). */
    record Arc(int distance, double accuracy) implements FrameReading {
    }

    /**
     * A frame the board cannot show: a grid of another size than the puzzle's, or (Sudoku) any update after such a
     * grid or of a board size that has no box shape.
     */
    record Unread(double accuracy) implements FrameReading {
    }
}
