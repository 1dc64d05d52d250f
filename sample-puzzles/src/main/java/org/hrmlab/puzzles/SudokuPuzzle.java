package org.hrmlab.puzzles;

import java.util.Objects;
import java.util.Optional;

/**
 * A Sudoku: the givens (0 = blank, 1..N digits) and, where known, the complete solution.
 * Constructing one checks shapes and value ranges only; {@code org.hrmlab.puzzles.sudoku.SudokuRules} checks the rules.
 *
 * @param name     a short name
 * @param shape    the board geometry
 * @param givens   N x N, values 0..N
 * @param solution N x N, values 1..N, or {@code null} if unknown
 * @param rating   a difficulty figure from the source (search effort, see the sudoku package), or -1 if none
 */
public record SudokuPuzzle(String name, SudokuShape shape, Grid givens, Grid solution, long rating)
        implements Puzzle {

    /** Checks shapes and value ranges. */
    public SudokuPuzzle {
        Objects.requireNonNull(name);
        Objects.requireNonNull(shape);
        checkGrid(shape, givens, 0, "givens");
        if (solution != null) {
            checkGrid(shape, solution, 1, "solution");
        }
    }

    /** @return a puzzle without known solution or rating */
    public static SudokuPuzzle of(String name, Grid givens) {
        return new SudokuPuzzle(name, SudokuShape.of(givens.rows()), givens, null, -1);
    }

    private static void checkGrid(SudokuShape shape, Grid g, int min, String what) {
        if (g.rows() != shape.size() || g.cols() != shape.size()) {
            throw new IllegalArgumentException(what + " must be " + shape.label() + ", got " + g.rows() + "x" + g.cols());
        }
        int[] range = g.range();
        if (range[0] < min || range[1] > shape.size()) {
            throw new IllegalArgumentException(what + " values must lie in " + min + ".." + shape.size());
        }
    }

    @Override
    public PuzzleKind kind() {
        return PuzzleKind.SUDOKU;
    }

    @Override
    public Grid input() {
        return givens;
    }

    @Override
    public Optional<Grid> answer() {
        return Optional.ofNullable(solution);
    }

    /** @return the number of given (non-blank) cells */
    public int givenCount() {
        return givens.size() - givens.count(0);
    }

    /** @return the givens as one line, digits and {@code .} for blanks (sizes up to 9) */
    public String questionLine() {
        return line(givens);
    }

    /** @return the solution as one line of digits, or {@code null} if unknown */
    public String answerLine() {
        return solution == null ? null : line(solution);
    }

    private static String line(Grid g) {
        StringBuilder b = new StringBuilder(g.size());
        for (int i = 0; i < g.size(); i++) {
            int v = g.at(i);
            b.append(v == 0 ? '.' : Character.forDigit(v, 36));
        }
        return b.toString();
    }
}
