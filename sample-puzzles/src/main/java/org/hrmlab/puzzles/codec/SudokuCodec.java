package org.hrmlab.puzzles.codec;

import java.util.Optional;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.Puzzle;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;

/**
 * Sudoku tokens as in the reference builder: row-major cells, blank 1, digit d as d+1, PAD 0. Labels are the
 * solution digits + 1 (every cell supervised). For 9x9: seq 81, vocab 11; for N x N: seq N*N, vocab N+2.
 *
 * @param shape the board geometry
 */
public record SudokuCodec(SudokuShape shape) implements TokenCodec {
    @Override
    public PuzzleKind kind() {
        return PuzzleKind.SUDOKU;
    }

    @Override
    public int seqLen() {
        return shape.cells();
    }

    @Override
    public int vocabSize() {
        return shape.size() + 2;
    }

    @Override
    public int[] encodeInput(Puzzle puzzle) {
        return encode(sudoku(puzzle).givens());
    }

    @Override
    public int[] encodeLabels(Puzzle puzzle) {
        SudokuPuzzle s = sudoku(puzzle);
        if (s.solution() == null) {
            throw new IllegalArgumentException("Sudoku " + s.name() + " has no known solution");
        }
        return encode(s.solution());
    }

    /** @return tokens of a board (0 = blank becomes token 1) */
    @Override
    public int[] encode(Grid board) {
        int[] t = new int[board.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = board.at(i) + 1;
        }
        return t;
    }

    /** Token 0 (PAD) and 1 (blank) decode to 0; token t &gt;= 2 to digit t-1. */
    @Override
    public Optional<Grid> decode(int[] tokens) {
        checkLength(tokens);
        int[] cells = new int[tokens.length];
        for (int i = 0; i < cells.length; i++) {
            int t = tokens[i];
            cells[i] = t <= 1 || t > shape.size() + 1 ? 0 : t - 1;
        }
        return Optional.of(Grid.of(shape.size(), shape.size(), cells));
    }

    private SudokuPuzzle sudoku(Puzzle p) {
        if (!(p instanceof SudokuPuzzle s) || !s.shape().equals(shape)) {
            throw new IllegalArgumentException("expected a " + shape.label() + " Sudoku, got " + p.kind() + " "
                    + p.name());
        }
        return s;
    }

    private void checkLength(int[] tokens) {
        if (tokens.length != seqLen()) {
            throw new IllegalArgumentException("expected " + seqLen() + " tokens, got " + tokens.length);
        }
    }
}
