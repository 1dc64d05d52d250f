package org.hrmlab.app.puzzle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;

import org.hrmlab.puzzles.BundledPuzzles;

/**
 * The puzzle the lab opens on when it is started without one: a hard bundled 9×9 Sudoku (at most 27 givens, search
 * effort ≥ 5) that the shipped 9×9 model solves only after several segments, halting on its own, so that a new user
 * first sees a real-size puzzle being reasoned out. Where no loaded model takes it, the first bundled puzzle one does.
 */
public final class OpeningPuzzle {
    /** The bundled set of the preferred opening puzzle. */
    public static final String SET = "sudoku/9x9-hard";
    /** Its index in that set. */
    public static final int INDEX = 2;
    /** Its name in the lab. */
    public static final String NAME = SET + " #" + INDEX;

    private OpeningPuzzle() {
    }

    /** @return the preferred opening puzzle, read from the bundled set */
    public static LabPuzzle preferred() {
        try {
            return BundledLabPuzzles.from(BundledPuzzles.open(SET, INDEX)).withName(NAME);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled puzzle " + NAME + " cannot be read", e);
        }
    }

    /**
     * @param catalogue the puzzles to fall back on, in order (normally {@link BundledLabPuzzles#catalogue()})
     * @param fits      whether a loaded model takes a puzzle
     * @return {@link #preferred()} when a model fits it, else the first puzzle of the catalogue one fits, else the
     *         hand-made 9×9 sample
     */
    public static LabPuzzle choose(List<LabPuzzle> catalogue, Predicate<LabPuzzle> fits) {
        LabPuzzle preferred = preferred();
        if (fits.test(preferred)) {
            return preferred;
        }
        return catalogue.stream().filter(fits).findFirst().orElseGet(SamplePuzzles::sudoku);
    }
}
