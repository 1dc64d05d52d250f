package org.hrmlab.app.engine.hrm;

import java.util.Optional;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.codec.ArcCodec;

/** Model tokens of a lab puzzle and lab grids of model tokens, with the reference builders' encodings. */
final class LabPuzzleTokens {
    private LabPuzzleTokens() {
    }

    /** @return the input tokens: Sudoku digit+1 (blank 1), maze codes 1..4 as they are, ARC colour+2 on a 30×30 canvas */
    static int[] encode(LabPuzzle p) {
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
            case ARC -> ArcCodec.INSTANCE.encode(Grid.of(g.rows(), g.cols(), g.cells()), 0, 0);
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
                Optional<Grid> grid = ArcCodec.INSTANCE.decode(tokens);
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
        for (int r = 0; r < decoded.rows(); r++) {
            for (int col = 0; col < decoded.cols(); col++) {
                c[r * decoded.cols() + col] = perToken[r * ArcCodec.SIDE + col];
            }
        }
        return c;
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
