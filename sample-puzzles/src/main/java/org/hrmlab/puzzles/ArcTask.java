package org.hrmlab.puzzles;

import java.util.List;
import java.util.Objects;

/**
 * An ARC-AGI task: demonstration pairs and test pairs.
 *
 * @param id    the task id (the file name without {@code .json})
 * @param train the demonstration pairs (at least one)
 * @param test  the test pairs (at least one; outputs may be unknown)
 */
public record ArcTask(String id, List<ArcPair> train, List<ArcPair> test) {
    /** Copies the lists. */
    public ArcTask {
        Objects.requireNonNull(id);
        train = List.copyOf(train);
        test = List.copyOf(test);
        if (test.isEmpty()) {
            throw new IllegalArgumentException("an ARC task needs at least one test pair");
        }
    }

    /**
     * @param testIndex which test input, 0-based
     * @return that test input as a puzzle, with this task's demonstrations
     */
    public ArcPuzzle puzzle(int testIndex) {
        return new ArcPuzzle(this, testIndex);
    }
}
