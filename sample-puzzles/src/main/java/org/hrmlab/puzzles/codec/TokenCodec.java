package org.hrmlab.puzzles.codec;

import java.util.Optional;
import org.hrmlab.puzzles.ArcPuzzle;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazePuzzle;
import org.hrmlab.puzzles.Puzzle;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;

/**
 * Turns puzzles into the model's token sequences and model outputs back into grids, exactly as the reference
 * dataset builders do. Token 0 is always PAD.
 */
public interface TokenCodec {
    /** @return the family this codec handles */
    PuzzleKind kind();

    /** @return the sequence length (tokens per example, without the puzzle-embedding prefix) */
    int seqLen();

    /** @return the vocabulary size (largest token + 1) */
    int vocabSize();

    /**
     * @param puzzle a puzzle this codec accepts (not modified)
     * @return its input tokens, length {@link #seqLen()}
     * @throws IllegalArgumentException if the puzzle is of another kind or size
     */
    int[] encodeInput(Puzzle puzzle);

    /**
     * @param puzzle a puzzle with a known answer
     * @return its label tokens, length {@link #seqLen()}
     * @throws IllegalArgumentException if the answer is unknown or the puzzle does not fit
     */
    int[] encodeLabels(Puzzle puzzle);

    /**
     * @param grid an input grid of this codec's kind that fits it (not modified): Sudoku digits, maze cell codes, or
     *             ARC colours (placed at the top left of the canvas)
     * @return its tokens, length {@link #seqLen()}
     * @throws IllegalArgumentException if an ARC grid does not fit the canvas
     */
    int[] encode(Grid grid);

    /**
     * Decodes model tokens (e.g. the argmax of the logits) into a grid of the puzzle kind's encoding.
     *
     * @param tokens length {@link #seqLen()} (not modified)
     * @return the grid; empty only for an ARC canvas whose top-left cell is not a colour
     */
    Optional<Grid> decode(int[] tokens);

    /**
     * Where the cells of a grid sit in the token sequence: the position {@link #encode(Grid)} gives each cell (and
     * {@link #decode(int[])} reads it from). Sudoku and maze grids fill the sequence row-major; an ARC grid sits at
     * the top left of the canvas, so its rows are {@link ArcCodec#side()} positions apart.
     *
     * @param rows the grid's rows
     * @param cols the grid's columns
     * @return {@code [rows·cols]}: the sequence position (prefix excluded) of cell {@code (r, c)} at index
     *         {@code r·cols + c}
     * @throws IllegalArgumentException if a grid of that size does not fit this codec
     */
    default int[] cellPositions(int rows, int cols) {
        if (rows < 0 || cols < 0 || rows * cols != seqLen()) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " grid does not fill the " + seqLen()
                    + " positions of this " + kind().name().toLowerCase(java.util.Locale.ROOT) + " codec");
        }
        int[] positions = new int[rows * cols];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return positions;
    }

    /**
     * Reads one value per position at the cells of a grid, e.g. per-token probabilities at the cells of the decoded
     * grid.
     *
     * @param perPosition {@code [seqLen]} values, one per sequence position (prefix excluded; not modified)
     * @param rows        the grid's rows
     * @param cols        the grid's columns
     * @return {@code [rows·cols]} row-major: the value at each cell's position ({@link #cellPositions})
     * @throws IllegalArgumentException if {@code perPosition} is not {@link #seqLen()} long or the grid does not fit
     */
    default float[] atCells(float[] perPosition, int rows, int cols) {
        if (perPosition.length != seqLen()) {
            throw new IllegalArgumentException("expected " + seqLen() + " values, one per position, got "
                    + perPosition.length);
        }
        int[] positions = cellPositions(rows, cols);
        float[] out = new float[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = perPosition[positions[i]];
        }
        return out;
    }

    /**
     * @param puzzle any puzzle
     * @return the codec the reference uses for it: Sudoku N x N (seq N*N, vocab N+2), maze (seq rows*cols, vocab 6),
     *         ARC (seq 900, vocab 12)
     */
    static TokenCodec forPuzzle(Puzzle puzzle) {
        if (puzzle instanceof SudokuPuzzle s) {
            return new SudokuCodec(s.shape());
        }
        if (puzzle instanceof MazePuzzle m) {
            return new MazeCodec(m.maze().rows(), m.maze().cols());
        }
        if (puzzle instanceof ArcPuzzle) {
            return ArcCodec.INSTANCE;
        }
        throw new IllegalArgumentException("no codec for " + puzzle);
    }

    /**
     * The codec of a puzzle known only by its kind and input size (an edited puzzle, say).
     *
     * @param kind   the family
     * @param rows   the input's rows
     * @param cols   the input's columns
     * @param seqLen the model's sequence length without the puzzle-embedding prefix, or 0 if unknown: it sets an
     *               ARC codec's canvas (30x30 when 0)
     * @return the codec {@link #forPuzzle(Puzzle)} gives such a puzzle
     * @throws IllegalArgumentException if a Sudoku is not square with a box shape, or {@code seqLen} is not a square
     *                                  ARC canvas
     */
    static TokenCodec forGrid(PuzzleKind kind, int rows, int cols, int seqLen) {
        return switch (kind) {
            case SUDOKU -> {
                if (rows != cols) {
                    throw new IllegalArgumentException("a Sudoku is square, not " + rows + "x" + cols);
                }
                yield new SudokuCodec(SudokuShape.of(rows));
            }
            case MAZE -> new MazeCodec(rows, cols);
            case ARC -> seqLen <= 0 ? ArcCodec.INSTANCE : ArcCodec.forSeqLen(seqLen);
        };
    }

    /**
     * @param puzzle any puzzle
     * @param seqLen the model's sequence length without the puzzle-embedding prefix, or 0 if unknown
     * @return {@link #forPuzzle(Puzzle)}, except that an ARC puzzle gets the canvas with {@code seqLen} cells
     * @throws IllegalArgumentException if an ARC model's length is not a square canvas or the puzzle does not fit it
     */
    static TokenCodec forPuzzle(Puzzle puzzle, int seqLen) {
        if (!(puzzle instanceof ArcPuzzle a) || seqLen <= 0) {
            return forPuzzle(puzzle);
        }
        ArcCodec codec = ArcCodec.forSeqLen(seqLen);
        for (Grid g : new Grid[] {a.input(), a.answer().orElse(a.input())}) {
            if (!codec.fits(g.rows(), g.cols())) {
                throw new IllegalArgumentException("ARC puzzle " + a.name() + " has a " + g.rows() + "x" + g.cols()
                        + (g == a.input() ? " input" : " output") + "; the model's canvas is " + codec.side() + "x"
                        + codec.side());
            }
        }
        return codec;
    }
}
