package org.hrmlab.app.puzzle;

import java.util.List;
import java.util.function.Predicate;

/**
 * The puzzle the lab opens on when it is started without one: a hard bundled 9×9 Sudoku (at most 27 givens) that the
 * shipped 9×9 model solves, halting on its own after several segments, so that a new user first sees a real-size
 * puzzle being reasoned out. Where no loaded model takes it, the first bundled puzzle one does.
 */
public final class OpeningPuzzle {
    /** The catalogue name of the preferred opening puzzle. */
    public static final String NAME = "sudoku/9x9-hard #0";

    private OpeningPuzzle() {
    }

    /**
     * @param catalogue the puzzles to choose from, in order (normally {@link BundledLabPuzzles#catalogue()})
     * @param fits      whether a loaded model takes a puzzle
     * @return {@link #NAME} when a model fits it, else the first puzzle one fits, else the hand-made 9×9 sample
     */
    public static LabPuzzle choose(List<LabPuzzle> catalogue, Predicate<LabPuzzle> fits) {
        return catalogue.stream().filter(p -> p.name().equals(NAME) && fits.test(p)).findFirst()
                .or(() -> catalogue.stream().filter(fits).findFirst())
                .orElseGet(SamplePuzzles::sudoku);
    }
}
