package org.hrmlab.puzzles;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One test input of an ARC task, with the task's demonstration pairs.
 *
 * @param task      the whole task
 * @param testIndex which of its test pairs, 0-based
 */
public record ArcPuzzle(ArcTask task, int testIndex) implements Puzzle {

    /** Checks the index. */
    public ArcPuzzle {
        Objects.requireNonNull(task);
        if (testIndex < 0 || testIndex >= task.test().size()) {
            throw new IllegalArgumentException("task " + task.id() + " has " + task.test().size()
                    + " test inputs, no index " + testIndex);
        }
    }

    @Override
    public PuzzleKind kind() {
        return PuzzleKind.ARC;
    }

    /** @return {@code <task id>#<test index>} */
    @Override
    public String name() {
        return task.id() + "#" + testIndex;
    }

    @Override
    public Grid input() {
        return task.test().get(testIndex).input();
    }

    @Override
    public Optional<Grid> answer() {
        return task.test().get(testIndex).knownOutput();
    }

    /** @return the demonstration pairs */
    public List<ArcPair> demonstrations() {
        return task.train();
    }
}
