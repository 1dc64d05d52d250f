package org.hrmlab.puzzles.codec;

import java.util.Optional;
import org.hrmlab.puzzles.ArcPuzzle;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.Puzzle;
import org.hrmlab.puzzles.PuzzleKind;

/**
 * ARC tokens as in the reference builder: a 30x30 canvas (seq 900, vocab 12), PAD 0, EOS 1, colour c as c+2.
 * A grid of h x w placed at offset (r0, c0) gets EOS on row r0+h over columns c0..c0+w-1 and on column c0+w over rows
 * r0..r0+h-1, each only when inside the canvas; the corner cell (r0+h, c0+w) stays PAD. The input and output grid of
 * a pair share the offset. Decoding crops as the reference scorer does: the largest top-left rectangle of colour
 * tokens, found row by row.
 */
public final class ArcCodec implements TokenCodec {
    /** The canvas side. */
    public static final int SIDE = 30;
    /** The padding token. */
    public static final int PAD = 0;
    /** The end-of-grid marker. */
    public static final int EOS = 1;
    /** Token of colour 0. */
    public static final int COLOUR_OFFSET = 2;
    /** The codec (it has no parameters). */
    public static final ArcCodec INSTANCE = new ArcCodec();

    private ArcCodec() {
    }

    @Override
    public PuzzleKind kind() {
        return PuzzleKind.ARC;
    }

    @Override
    public int seqLen() {
        return SIDE * SIDE;
    }

    @Override
    public int vocabSize() {
        return 10 + COLOUR_OFFSET;
    }

    /** The test input at offset (0, 0), as in the reference's test split. */
    @Override
    public int[] encodeInput(Puzzle puzzle) {
        return encode(arc(puzzle).input(), 0, 0);
    }

    /** The test output at offset (0, 0). */
    @Override
    public int[] encodeLabels(Puzzle puzzle) {
        ArcPuzzle a = arc(puzzle);
        return encode(a.answer().orElseThrow(() -> new IllegalArgumentException("ARC puzzle " + a.name()
                + " has no known output")), 0, 0);
    }

    /**
     * @param grid   at most 30x30, colours 0-9 (not modified)
     * @param padRow rows of PAD above the grid
     * @param padCol columns of PAD left of the grid
     * @return the 900 canvas tokens
     */
    public int[] encode(Grid grid, int padRow, int padCol) {
        int h = grid.rows();
        int w = grid.cols();
        if (padRow < 0 || padCol < 0 || padRow + h > SIDE || padCol + w > SIDE) {
            throw new IllegalArgumentException(h + "x" + w + " grid at (" + padRow + ", " + padCol
                    + ") does not fit the 30x30 canvas");
        }
        int[] t = new int[SIDE * SIDE];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                t[(padRow + r) * SIDE + padCol + c] = grid.get(r, c) + COLOUR_OFFSET;
            }
        }
        int eosRow = padRow + h;
        int eosCol = padCol + w;
        if (eosRow < SIDE) {
            for (int c = padCol; c < eosCol; c++) {
                t[eosRow * SIDE + c] = EOS;
            }
        }
        if (eosCol < SIDE) {
            for (int r = padRow; r < eosRow; r++) {
                t[r * SIDE + eosCol] = EOS;
            }
        }
        return t;
    }

    /**
     * The reference crop: for each row count k = 1..30, the usable width shrinks to the first non-colour token of
     * row k-1 (within the current width); the answer is the top-left k x width rectangle of largest area.
     *
     * @return the colours of that rectangle, or empty if the top-left token is not a colour
     */
    @Override
    public Optional<Grid> decode(int[] tokens) {
        if (tokens.length != SIDE * SIDE) {
            throw new IllegalArgumentException("expected 900 tokens, got " + tokens.length);
        }
        int bestArea = 0;
        int bestRows = 0;
        int bestCols = 0;
        int width = SIDE;
        for (int rows = 1; rows <= SIDE; rows++) {
            for (int c = 0; c < width; c++) {
                int x = tokens[(rows - 1) * SIDE + c];
                if (x < COLOUR_OFFSET || x > COLOUR_OFFSET + 9) {
                    width = c;
                    break;
                }
            }
            int area = rows * width;
            if (area > bestArea) {
                bestArea = area;
                bestRows = rows;
                bestCols = width;
            }
        }
        if (bestArea == 0) {
            return Optional.empty();
        }
        int[] cells = new int[bestRows * bestCols];
        for (int r = 0; r < bestRows; r++) {
            for (int c = 0; c < bestCols; c++) {
                cells[r * bestCols + c] = tokens[r * SIDE + c] - COLOUR_OFFSET;
            }
        }
        return Optional.of(Grid.of(bestRows, bestCols, cells));
    }

    private static ArcPuzzle arc(Puzzle p) {
        if (!(p instanceof ArcPuzzle a)) {
            throw new IllegalArgumentException("expected an ARC puzzle, got " + p.kind() + " " + p.name());
        }
        return a;
    }
}
