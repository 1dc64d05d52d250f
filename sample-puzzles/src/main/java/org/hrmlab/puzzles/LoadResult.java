package org.hrmlab.puzzles;

import java.util.List;

/**
 * What loading many files produced: everything that loaded, and one exception per file that did not.
 *
 * @param loaded   the good items, in a stable order
 * @param failures one typed exception per bad file (its message names the file and the problem)
 * @param <T>      the item type
 */
public record LoadResult<T>(List<T> loaded, List<PuzzleFormatException> failures) {
    /** Copies the lists. */
    public LoadResult {
        loaded = List.copyOf(loaded);
        failures = List.copyOf(failures);
    }

    /** @return true if every file loaded */
    public boolean clean() {
        return failures.isEmpty();
    }
}
