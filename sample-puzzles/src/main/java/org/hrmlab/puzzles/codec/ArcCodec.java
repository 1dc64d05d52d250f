package org.hrmlab.puzzles.codec;

import java.util.Optional;
import org.hrmlab.puzzles.ArcPuzzle;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.Puzzle;
import org.hrmlab.puzzles.PuzzleKind;

/**
 * ARC tokens as in the reference builder: a 30x30 canvas (seq 900, vocab 12), PAD 0, EOS 1, colour c as c+2. HRM Lab
 * also offers smaller square canvases ({@link #of(int)}) for models of small tasks; the rules are the same.
 * A grid of h x w placed at offset (r0, c0) gets EOS on row r0+h over columns c0..c0+w-1 and on column c0+w over rows
 * r0..r0+h-1, each only when inside the canvas; the corner cell (r0+h, c0+w) stays PAD. The input and output grid of
 * a pair share the offset. Decoding crops as the reference scorer does: the largest top-left rectangle of colour
 * tokens, found row by row.
 */
public final class ArcCodec implements TokenCodec {
    /** The reference's canvas side. */
    public static final int SIDE = 30;
    /** The padding token. */
    public static final int PAD = 0;
    /** The end-of-grid marker. */
    public static final int EOS = 1;
    /** Token of colour 0. */
    public static final int COLOUR_OFFSET = 2;
    /** The reference's codec: a 30x30 canvas. */
    public static final ArcCodec INSTANCE = new ArcCodec(SIDE);

    private final int side;

    private ArcCodec(int side) {
        this.side = side;
    }

    /**
     * @param side canvas side, 1..30
     * @return the codec of a {@code side x side} canvas
     */
    public static ArcCodec of(int side) {
        if (side < 1 || side > SIDE) {
            throw new IllegalArgumentException("ARC canvas side must be 1.." + SIDE + ", got " + side);
        }
        return side == SIDE ? INSTANCE : new ArcCodec(side);
    }

    /**
     * @param seqLen a model's sequence length without the puzzle-embedding prefix
     * @return the codec whose canvas has {@code seqLen} cells
     * @throws IllegalArgumentException if {@code seqLen} is not the square of 1..30
     */
    public static ArcCodec forSeqLen(int seqLen) {
        int side = (int) Math.round(Math.sqrt(seqLen));
        if (side < 1 || side > SIDE || side * side != seqLen) {
            throw new IllegalArgumentException("a sequence of " + seqLen
                    + " tokens is not a square ARC canvas of side 1.." + SIDE);
        }
        return of(side);
    }

    /** @return the canvas side */
    public int side() {
        return side;
    }

    @Override
    public PuzzleKind kind() {
        return PuzzleKind.ARC;
    }

    @Override
    public int seqLen() {
        return side * side;
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

    /** @return whether a {@code rows x cols} grid fits this canvas */
    public boolean fits(int rows, int cols) {
        return rows <= side && cols <= side;
    }

    /** A grid at offset (0, 0): row {@code r} starts at position {@code r·side}. */
    @Override
    public int[] cellPositions(int rows, int cols) {
        if (rows < 0 || cols < 0 || !fits(rows, cols)) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " grid does not fit the " + side + "x"
                    + side + " canvas");
        }
        int[] positions = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                positions[r * cols + c] = r * side + c;
            }
        }
        return positions;
    }

    /** The grid at offset (0, 0). */
    @Override
    public int[] encode(Grid grid) {
        return encode(grid, 0, 0);
    }

    /**
     * @param grid   at most side x side, colours 0-9 (not modified)
     * @param padRow rows of PAD above the grid
     * @param padCol columns of PAD left of the grid
     * @return the side² canvas tokens
     */
    public int[] encode(Grid grid, int padRow, int padCol) {
        int h = grid.rows();
        int w = grid.cols();
        if (padRow < 0 || padCol < 0 || padRow + h > side || padCol + w > side) {
            throw new IllegalArgumentException(h + "x" + w + " grid at (" + padRow + ", " + padCol
                    + ") does not fit the " + side + "x" + side + " canvas");
        }
        int[] t = new int[side * side];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                t[(padRow + r) * side + padCol + c] = grid.get(r, c) + COLOUR_OFFSET;
            }
        }
        int eosRow = padRow + h;
        int eosCol = padCol + w;
        if (eosRow < side) {
            for (int c = padCol; c < eosCol; c++) {
                t[eosRow * side + c] = EOS;
            }
        }
        if (eosCol < side) {
            for (int r = padRow; r < eosRow; r++) {
                t[r * side + eosCol] = EOS;
            }
        }
        return t;
    }

    /**
     * The reference crop: for each row count k = 1..side, the usable width shrinks to the first non-colour token of
     * row k-1 (within the current width); the answer is the top-left k x width rectangle of largest area.
     *
     * @return the colours of that rectangle, or empty if the top-left token is not a colour
     */
    @Override
    public Optional<Grid> decode(int[] tokens) {
        if (tokens.length != side * side) {
            throw new IllegalArgumentException("expected " + side * side + " tokens, got " + tokens.length);
        }
        int bestArea = 0;
        int bestRows = 0;
        int bestCols = 0;
        int width = side;
        for (int rows = 1; rows <= side; rows++) {
            for (int c = 0; c < width; c++) {
                int x = tokens[(rows - 1) * side + c];
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
                cells[r * bestCols + c] = tokens[r * side + c] - COLOUR_OFFSET;
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
