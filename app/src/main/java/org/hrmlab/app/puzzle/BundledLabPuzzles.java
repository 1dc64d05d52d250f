package org.hrmlab.app.puzzle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.hrmlab.puzzles.BundledPuzzles;
import org.hrmlab.puzzles.Puzzle;

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

    /**
     * @param name a catalogue name, e.g. {@code maze/7x7-hard #0}
     * @return that puzzle
     * @throws IllegalArgumentException when the catalogue has no puzzle of that name
     */
    public static LabPuzzle named(String name) {
        return catalogue().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bundled puzzle named " + name));
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

    /** @return the lab's view of a puzzle: the same cells (Sudoku digits, maze cell codes, ARC colours) */
    public static LabPuzzle from(Puzzle p) {
        return new LabPuzzle(p.name(), p.kind(), CellGrid.of(p.input()),
                p.answer().map(CellGrid::of).orElse(CellGrid.EMPTY));
    }
}
