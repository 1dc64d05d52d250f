/**
 * The puzzle model of HRM Lab: immutable {@link org.hrmlab.puzzles.Grid}s and the sealed
 * {@link org.hrmlab.puzzles.Puzzle} family ({@link org.hrmlab.puzzles.SudokuPuzzle},
 * {@link org.hrmlab.puzzles.MazePuzzle}, {@link org.hrmlab.puzzles.ArcPuzzle}).
 *
 * <p>Entry points for the engine and the app:
 * <ul>
 * <li>{@link org.hrmlab.puzzles.PuzzleSources#open(String)}: the {@code --puzzle FILE[#INDEX]} argument (ARC JSON,
 *     Sudoku line or CSV, maze text or CSV, detected from the content) and {@code bundled:NAME[#INDEX]}.</li>
 * <li>{@link org.hrmlab.puzzles.BundledPuzzles}: the curated sets shipped on the class path.</li>
 * <li>{@link org.hrmlab.puzzles.codec.TokenCodec#forPuzzle}: tokens for the model and
 *     {@link org.hrmlab.puzzles.codec.TokenCodec#decode} of model output back into a grid.</li>
 * </ul>
 * Malformed input always raises {@link org.hrmlab.puzzles.PuzzleFormatException}, whose one-line message names the
 * file, the place in it and the problem.
 */
package org.hrmlab.puzzles;
