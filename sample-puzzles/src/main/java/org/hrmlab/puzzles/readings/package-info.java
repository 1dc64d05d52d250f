/**
 * Task-specific readings of decoded intermediate answers (docs/analysis.md), on plain row-major int grids so they
 * do not depend on any puzzle class.
 *
 * <p>Conventions: <b>Sudoku</b> grids hold digits 1..n with 0 for a blank (n = 4, 9, 16; boxes √n × √n).
 * <b>Maze</b> grids hold the characters of the Maze-Hard text format as ints ({@code '#'} wall, {@code ' '} open,
 * {@code 'S'} start, {@code 'G'} goal, {@code 'o'} path); see {@link org.hrmlab.puzzles.readings.MazeCell}.
 * <b>ARC</b> grids hold colours 0–9 with their own row and column counts. Token sequences (for accuracy) are model
 * tokens, compared position by position.
 */
package org.hrmlab.puzzles.readings;
