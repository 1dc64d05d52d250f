package org.hrmlab.puzzles.dataset;

import java.util.List;
import java.util.Map;

/**
 * What a builder wrote.
 *
 * @param kind                 sudoku, maze or arc
 * @param seqLen               tokens per example
 * @param vocabSize            vocabulary size
 * @param numPuzzleIdentifiers identifier space size, blank included
 * @param splits               per split ({@code train}, {@code test}): its counts
 * @param skipped              one line per source file that could not be read (ARC folders only)
 */
public record DatasetSummary(String kind, int seqLen, int vocabSize, int numPuzzleIdentifiers,
        Map<String, SplitCounts> splits, List<String> skipped) {

    /**
     * @param examples rows of inputs/labels
     * @param puzzles  puzzles (originals and augmentations)
     * @param groups   groups (one per original)
     */
    public record SplitCounts(long examples, int puzzles, int groups) {
    }
}
