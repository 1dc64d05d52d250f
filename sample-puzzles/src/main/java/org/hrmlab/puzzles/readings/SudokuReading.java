package org.hrmlab.puzzles.readings;

/**
 * The reading of one decoded Sudoku grid at one step. Per-cell arrays are row-major {@code [n * n]}.
 *
 * @param step            the step index (0-based, in the order grids were read)
 * @param changed         cells whose digit differs from the previous step (all false at step 0)
 * @param rowConflict     cells whose digit appears elsewhere in the same row
 * @param columnConflict  cells whose digit appears elsewhere in the same column
 * @param boxConflict     cells whose digit appears elsewhere in the same box
 * @param backtrack       non-given cells that backtracked at this step (see {@link SudokuReader})
 * @param changedCount    the number of changed cells
 * @param violatingCells  the number of cells in at least one conflict
 * @param backtrackCount  the number of backtracks at this step
 * @param blankCount      the number of blank (0) cells
 */
public record SudokuReading(int step, boolean[] changed, boolean[] rowConflict, boolean[] columnConflict,
        boolean[] boxConflict, boolean[] backtrack, int changedCount, int violatingCells, int backtrackCount,
        int blankCount) {

    /** @return whether a cell is in any row, column or box conflict */
    public boolean violates(int cell) {
        return rowConflict[cell] || columnConflict[cell] || boxConflict[cell];
    }

    /** @return whether the grid is complete and has no conflict */
    public boolean solved() {
        return blankCount == 0 && violatingCells == 0;
    }
}
