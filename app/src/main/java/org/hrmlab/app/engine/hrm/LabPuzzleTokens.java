package org.hrmlab.app.engine.hrm;

import java.util.Optional;
import org.hrmlab.app.engine.StepperException;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.codec.ArcCodec;

/** Model tokens of a lab puzzle and lab grids of model tokens, with the reference builders' encodings. */
final class LabPuzzleTokens {
    private LabPuzzleTokens() {
    }

    /**
     * @param modelSeqLen the model's sequence length without the prefix (0 if it does not fix one): an ARC model's
     *                    canvas has this many cells
     * @return the input tokens: Sudoku digit+1 (blank 1), maze codes 1..4 as they are, ARC colour+2 on the canvas
     */
    static int[] encode(LabPuzzle p, int modelSeqLen) {
        CellGrid g = p.input();
        return switch (p.kind()) {
            case SUDOKU -> {
                int[] t = new int[g.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = g.at(i) + 1;
                }
                yield t;
            }
            case MAZE -> g.cells();
            case ARC -> {
                ArcCodec codec = arcCodec(modelSeqLen);
                CellGrid answer = p.answer();
                for (CellGrid x : new CellGrid[] {g, answer}) {
                    if (x.size() > 0 && !codec.fits(x.rows(), x.cols())) {
                        throw new StepperException("this ARC puzzle's " + x.rows() + "x" + x.cols()
                                + (x == g ? " input" : " output") + " does not fit the model's " + codec.side() + "x"
                                + codec.side() + " canvas: load a model with a larger canvas");
                    }
                }
                yield codec.encode(Grid.of(g.rows(), g.cols(), g.cells()), 0, 0);
            }
        };
    }

    /** @return the decoded grid in the puzzle's own cell values; ARC crops at the EOS border (empty if none) */
    static CellGrid decode(LabPuzzle p, int[] tokens) {
        CellGrid g = p.input();
        return switch (p.kind()) {
            case SUDOKU -> {
                int[] c = new int[tokens.length];
                for (int i = 0; i < c.length; i++) {
                    c[i] = Math.max(0, tokens[i] - 1);
                }
                yield new CellGrid(g.rows(), g.cols(), c);
            }
            case MAZE -> new CellGrid(g.rows(), g.cols(), tokens.clone());
            case ARC -> {
                Optional<Grid> grid = ArcCodec.forSeqLen(tokens.length).decode(tokens);
                yield grid.map(x -> new CellGrid(x.rows(), x.cols(), cells(x))).orElse(CellGrid.EMPTY);
            }
        };
    }

    /** @return per-cell confidences matching {@link #decode}'s grid */
    static float[] confidence(LabPuzzle p, CellGrid decoded, float[] perToken) {
        if (p.kind() != org.hrmlab.app.puzzle.PuzzleKind.ARC) {
            return perToken.clone();
        }
        float[] c = new float[decoded.size()];
        int side = ArcCodec.forSeqLen(perToken.length).side();
        for (int r = 0; r < decoded.rows(); r++) {
            for (int col = 0; col < decoded.cols(); col++) {
                c[r * decoded.cols() + col] = perToken[r * side + col];
            }
        }
        return c;
    }

    private static ArcCodec arcCodec(int modelSeqLen) {
        if (modelSeqLen <= 0) {
            return ArcCodec.INSTANCE;
        }
        try {
            return ArcCodec.forSeqLen(modelSeqLen);
        } catch (IllegalArgumentException e) {
            throw new StepperException("the model cannot read ARC puzzles: " + e.getMessage());
        }
    }

    private static int[] cells(Grid g) {
        int[] c = new int[g.rows() * g.cols()];
        for (int r = 0; r < g.rows(); r++) {
            for (int col = 0; col < g.cols(); col++) {
                c[r * g.cols() + col] = g.get(r, col);
            }
        }
        return c;
    }
}
