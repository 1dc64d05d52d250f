/**
 * Model tokens as the reference builders make them ({@link org.hrmlab.puzzles.codec.TokenCodec} with
 * {@link org.hrmlab.puzzles.codec.SudokuCodec}, {@link org.hrmlab.puzzles.codec.MazeCodec},
 * {@link org.hrmlab.puzzles.codec.ArcCodec}) and the reference's augmentations, each with its inverse:
 * {@link org.hrmlab.puzzles.codec.Dihedral} (ids 0-7), {@link org.hrmlab.puzzles.codec.SudokuAugmentation},
 * {@link org.hrmlab.puzzles.codec.ArcColourPermutation} and {@link org.hrmlab.puzzles.codec.ArcAugmentation}
 * (which also parses the {@code <task>_t<t>_<digits>} identifier names).
 */
package org.hrmlab.puzzles.codec;
