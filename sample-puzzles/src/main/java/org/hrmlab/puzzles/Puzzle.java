package org.hrmlab.puzzles;

import java.util.Optional;

/**
 * A puzzle the model can be asked to solve: an input grid and, where the source has one, its known answer.
 * The three families are {@link SudokuPuzzle}, {@link MazePuzzle} and {@link ArcPuzzle}.
 */
public sealed interface Puzzle permits SudokuPuzzle, MazePuzzle, ArcPuzzle {
    /** @return the family */
    PuzzleKind kind();

    /** @return a short human-readable name (file name and row, task id and test index, ...) */
    String name();

    /** @return the grid shown to the model (Sudoku digits with 0 = blank, maze cells, ARC colours) */
    Grid input();

    /** @return the solution grid in the same encoding as {@link #input()}, if known */
    Optional<Grid> answer();
}
