package org.hrmlab.app.puzzle;

import java.util.Objects;

/**
 * A puzzle as the lab sees it.
 * <ul>
 *   <li>Sudoku: cells are digits, 0 = blank; {@code answer} is the solved board.</li>
 *   <li>Maze: cells are {@link MazeCells} codes (wall, open, start, goal); {@code answer} is the maze with the
 *       shortest path marked {@link MazeCells#PATH}.</li>
 *   <li>ARC: cells are colours 0..9 of the test input; {@code answer} is the expected output (its own shape).</li>
 * </ul>
 *
 * @param answer {@link CellGrid#EMPTY} when unknown
 */
public record LabPuzzle(String name, PuzzleKind kind, CellGrid input, CellGrid answer) {

    public LabPuzzle {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(answer, "answer");
    }

    /** Cells fixed by the puzzle: Sudoku clues, maze walls/S/G; none for ARC. */
    public boolean[] givens() {
        boolean[] g = new boolean[input.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = switch (kind) {
                case SUDOKU -> input.at(i) != 0;
                case MAZE -> input.at(i) != MazeCells.OPEN;
                case ARC -> false;
            };
        }
        return g;
    }

    public boolean hasAnswer() {
        return !answer.isEmpty();
    }

    /** A copy with another input grid. */
    public LabPuzzle withInput(CellGrid newInput) {
        return new LabPuzzle(name, kind, newInput, answer);
    }

    /** A copy with another answer. */
    public LabPuzzle withAnswer(CellGrid newAnswer) {
        return new LabPuzzle(name, kind, input, newAnswer);
    }

    public LabPuzzle withName(String newName) {
        return new LabPuzzle(newName, kind, input, answer);
    }
}
