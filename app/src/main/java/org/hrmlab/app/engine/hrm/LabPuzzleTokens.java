package org.hrmlab.app.engine.hrm;

import org.hrmlab.app.engine.StepperException;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.codec.ArcCodec;
import org.hrmlab.puzzles.codec.TokenCodec;

/** Model tokens of a lab puzzle and lab grids of model tokens, through sample-puzzles' codecs. */
final class LabPuzzleTokens {
    private LabPuzzleTokens() {
    }

    /**
     * @param modelSeqLen the model's sequence length without the prefix (0 if it does not fix one): an ARC model's
     *                    canvas has this many cells
     * @return the input tokens: Sudoku digit+1 (blank 1), maze cell code+1, ARC colour+2 on the canvas
     */
    static int[] encode(LabPuzzle p, int modelSeqLen) {
        CellGrid g = p.input();
        TokenCodec codec = codec(p, modelSeqLen);
        if (codec instanceof ArcCodec arc) {
            for (CellGrid x : new CellGrid[] {g, p.answer()}) {
                if (x.size() > 0 && !arc.fits(x.rows(), x.cols())) {
                    throw new StepperException("this ARC puzzle's " + x.rows() + "x" + x.cols()
                            + (x == g ? " input" : " output") + " does not fit the model's " + arc.side() + "x"
                            + arc.side() + " canvas: load a model with a larger canvas");
                }
            }
        }
        return codec.encode(g.toGrid());
    }

    /** @return the decoded grid in the puzzle's own cell values; ARC crops at the EOS border (empty if none) */
    static CellGrid decode(LabPuzzle p, int[] tokens) {
        return codec(p, tokens.length).decode(tokens).map(CellGrid::of).orElse(CellGrid.EMPTY);
    }

    /**
     * Per-position values read at the cells of a decoded grid, through the codec's {@link TokenCodec#cellPositions}
     * (an ARC grid's rows are a canvas side apart).
     *
     * @param perPosition {@code [seqLen]} one value per sequence position, prefix dropped (not modified)
     * @return {@code [decoded.size()]} row-major, matching {@link #decode}'s grid; empty for an empty grid
     */
    static float[] atCells(LabPuzzle p, CellGrid decoded, float[] perPosition) {
        if (decoded.isEmpty()) {
            return new float[0];
        }
        return codec(p, perPosition.length).atCells(perPosition, decoded.rows(), decoded.cols());
    }

    private static TokenCodec codec(LabPuzzle p, int seqLen) {
        try {
            return TokenCodec.forGrid(p.kind(), p.input().rows(), p.input().cols(), seqLen);
        } catch (IllegalArgumentException e) {
            throw new StepperException(p.kind() == PuzzleKind.ARC ? "the model cannot read ARC puzzles: "
                    + e.getMessage() : "the model cannot read this puzzle: " + e.getMessage());
        }
    }
}
