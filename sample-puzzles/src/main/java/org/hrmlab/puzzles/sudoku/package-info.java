/**
 * Sudoku of any N x N shape (4x4, 6x6, 9x9, ...): a bitmask MRV solver that counts solutions and measures search
 * effort ({@link org.hrmlab.puzzles.sudoku.SudokuSolver}), the rules ({@link org.hrmlab.puzzles.sudoku.SudokuRules}),
 * a seeded generator of unique-solution puzzles with a givens/effort/minimal-givens difficulty control
 * ({@link org.hrmlab.puzzles.sudoku.SudokuGenerator}, {@link org.hrmlab.puzzles.sudoku.SudokuDifficulty}), and the
 * loader for lines and Sudoku-Extreme CSVs ({@link org.hrmlab.puzzles.sudoku.SudokuLoader}).
 */
package org.hrmlab.puzzles.sudoku;
