/**
 * Task-specific readings of decoded intermediate answers (docs/analysis.md), on plain row-major int grids in the
 * encodings of {@link org.hrmlab.puzzles.Grid}; {@code hrmlab analyze} and the lab's inspector read with the same
 * readers.
 *
 * <p>Conventions: <b>Sudoku</b> grids hold digits 1..n with 0 for a blank, boxes of the board's
 * {@link org.hrmlab.puzzles.SudokuShape} (4x4: 2x2, 6x6: 2x3, 9x9: 3x3). <b>Maze</b> grids hold
 * {@link org.hrmlab.puzzles.MazeCell} codes (wall, open, start, goal, path). <b>ARC</b> grids hold colours 0–9 with
 * their own row and column counts. Token sequences (for accuracy) are model tokens, compared position by position.
 */
package org.hrmlab.puzzles.readings;
