package org.hrmlab.app.puzzle;

import java.util.Objects;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.maze.MazeSolver;
import org.hrmlab.puzzles.sudoku.SudokuSolver;

/**
 * A puzzle as the lab sees it, with cells in sample-puzzles' encodings (those of {@link Grid}).
 * <ul>
 *   <li>Sudoku (4x4, 6x6, 9x9): cells are digits, 0 = blank; {@code answer} is the solved board.</li>
 *   <li>Maze: cells are {@link MazeCell} codes (wall, open, start, goal); {@code answer} is the maze with the
 *       shortest path marked {@link MazeCell#PATH}.</li>
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
                case MAZE -> input.at(i) != MazeCell.OPEN.code();
                case ARC -> false;
            };
        }
        return g;
    }

    /** @return the board geometry of a Sudoku (2x3 boxes on a 6x6), or {@code null} for other kinds and sizes */
    public SudokuShape sudokuShape() {
        return kind == PuzzleKind.SUDOKU && input.rows() == input.cols() ? SudokuShape.forCellCount(input.size())
                : null;
    }

    /**
     * Solves the input with sample-puzzles' solvers.
     *
     * @return a Sudoku's first solution or a maze with one shortest path marked; {@link CellGrid#EMPTY} when the
     *         clues clash, there is no solution, no single S and G, or for ARC (no solver)
     */
    public CellGrid solve() {
        return switch (kind) {
            case SUDOKU -> {
                SudokuShape shape = sudokuShape();
                Grid solved = shape == null || !inRange(shape.size()) ? null
                        : new SudokuSolver(shape).solve(input.toGrid(), 1).firstSolution();
                yield solved == null ? CellGrid.EMPTY : CellGrid.of(solved);
            }
            case MAZE -> {
                if (input.isEmpty() || MazeSolver.checkEndpoints(input.toGrid()) != null) {
                    yield CellGrid.EMPTY;
                }
                MazeSolver.Solution s = MazeSolver.solve(input.toGrid());
                yield s == null ? CellGrid.EMPTY : CellGrid.of(s.solved());
            }
            case ARC -> CellGrid.EMPTY;
        };
    }

    private boolean inRange(int max) {
        for (int v : input.cells()) {
            if (v < 0 || v > max) {
                return false;
            }
        }
        return true;
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
