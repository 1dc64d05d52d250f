package org.hrmlab.app.puzzle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.hrmlab.puzzles.ArcPuzzle;
import org.hrmlab.puzzles.BundledPuzzles;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazePuzzle;
import org.hrmlab.puzzles.Puzzle;
import org.hrmlab.puzzles.SudokuPuzzle;

/** The puzzles shipped in {@code sample-puzzles}, as the lab sees them. */
public final class BundledLabPuzzles {
    private static final int PER_SET = 3;
    private static volatile List<LabPuzzle> catalogue;

    private BundledLabPuzzles() {
    }

    /** @return the first few puzzles of every bundled set, then the hand-made samples (read once) */
    public static List<LabPuzzle> catalogue() {
        List<LabPuzzle> c = catalogue;
        if (c == null) {
            c = List.copyOf(read());
            catalogue = c;
        }
        return c;
    }

    private static List<LabPuzzle> read() {
        List<LabPuzzle> out = new ArrayList<>();
        try {
            for (BundledPuzzles.Entry e : BundledPuzzles.list()) {
                List<Puzzle> set = BundledPuzzles.openAll(e.name());
                for (int i = 0; i < Math.min(PER_SET, set.size()); i++) {
                    out.add(from(set.get(i)).withName(e.name() + (set.size() > 1 ? " #" + i : "")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled puzzles cannot be read", e);
        }
        out.addAll(SamplePuzzles.all());
        return out;
    }

    /** @return the lab's view of a puzzle: Sudoku digits, maze codes as model tokens, ARC colours */
    public static LabPuzzle from(Puzzle p) {
        CellGrid answer = p.answer().map(g -> cells(g, p instanceof MazePuzzle ? 1 : 0)).orElse(CellGrid.EMPTY);
        if (p instanceof SudokuPuzzle) {
            return new LabPuzzle(p.name(), PuzzleKind.SUDOKU, cells(p.input(), 0), answer);
        }
        if (p instanceof MazePuzzle) {
            return new LabPuzzle(p.name(), PuzzleKind.MAZE, cells(p.input(), 1), answer);
        }
        if (p instanceof ArcPuzzle) {
            return new LabPuzzle(p.name(), PuzzleKind.ARC, cells(p.input(), 0), answer);
        }
        throw new IllegalArgumentException("unknown puzzle kind: " + p);
    }

    private static CellGrid cells(Grid g, int offset) {
        int[] c = new int[g.rows() * g.cols()];
        for (int r = 0; r < g.rows(); r++) {
            for (int col = 0; col < g.cols(); col++) {
                c[r * g.cols() + col] = g.get(r, col) + offset;
            }
        }
        return new CellGrid(g.rows(), g.cols(), c);
    }
}
