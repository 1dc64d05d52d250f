package org.hrmlab.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hrmlab.puzzles.RandomPermutation;

/**
 * Training batches the way the reference's loader draws them (hrm-reference.md §1.12): an "iteration" concatenates
 * {@code epochsPerIteration} random permutations of the groups; batches are filled by walking that order, taking one
 * random puzzle of each visited group and up to the remaining room of that puzzle's examples (random, without
 * replacement); a batch that would come out short ends the iteration. The random numbers come from a generator seeded
 * with {@code seed + iteration}, so a position ({@link #position()}) can be restored exactly by replaying.
 */
public final class TrainBatchSampler {
    private final PuzzleDataset data;
    private final int batchSize;
    private final long seed;
    private final int epochsPerIteration;
    private int iteration;
    private int batchesInIteration;
    private int[] groupOrder;
    private int cursor;
    private SplittableRandom rng;

    /**
     * @param data               the training split
     * @param batchSize          examples per batch (the global batch size)
     * @param seed               run seed
     * @param epochsPerIteration epochs concatenated before a batch may be dropped (the reference uses the
     *                           evaluation interval)
     */
    public TrainBatchSampler(PuzzleDataset data, int batchSize, long seed, int epochsPerIteration) {
        if (batchSize <= 0 || epochsPerIteration <= 0) {
            throw new IllegalArgumentException("batch size and epochs per iteration must be positive");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.epochsPerIteration = epochsPerIteration;
        startIteration(1);
    }

    /** Where the sampler stands: the iteration (from 1) and the batches already drawn in it. */
    public record Position(int iteration, int batchesInIteration) {
    }

    /** @return the current position (for checkpoints) */
    public Position position() {
        return new Position(iteration, batchesInIteration);
    }

    /** Moves to a saved position by replaying the draws of its iteration. */
    public void seek(Position p) {
        startIteration(p.iteration());
        for (int i = 0; i < p.batchesInIteration(); i++) {
            next();
        }
    }

    /** @return epochs completed, fractional (groups visited / groups) */
    public double epoch() {
        return (iteration - 1) * (double) epochsPerIteration + (double) cursor / data.groups();
    }

    /** @return the next full batch (the sampler never runs dry: iterations follow one another) */
    public TrainingBatch next() {
        for (int attempt = 0; attempt < 2; attempt++) {
            TrainingBatch b = tryNext();
            if (b != null) {
                batchesInIteration++;
                return b;
            }
            startIteration(iteration + 1);
        }
        throw new IllegalStateException("the dataset in " + data.dir() + " cannot fill one batch of " + batchSize
                + " examples in " + epochsPerIteration + " epoch(s)");
    }

    private TrainingBatch tryNext() {
        List<Integer> examples = new ArrayList<>();
        List<Integer> puzzles = new ArrayList<>();
        int[] pIdx = data.puzzleIndices();
        int[] gIdx = data.groupIndices();
        while (cursor < groupOrder.length && examples.size() < batchSize) {
            int g = groupOrder[cursor++];
            int puzzle = gIdx[g] + rng.nextInt(gIdx[g + 1] - gIdx[g]);
            int start = pIdx[puzzle];
            int size = pIdx[puzzle + 1] - start;
            int take = Math.min(size, batchSize - examples.size());
            int[] pick = RandomPermutation.of(size, rng);
            for (int i = 0; i < take; i++) {
                examples.add(start + pick[i]);
                puzzles.add(puzzle);
            }
        }
        if (examples.size() < batchSize) {
            return null;
        }
        return data.batch(examples.stream().mapToInt(Integer::intValue).toArray(),
                puzzles.stream().mapToInt(Integer::intValue).toArray(), batchSize);
    }

    private void startIteration(int it) {
        iteration = it;
        batchesInIteration = 0;
        cursor = 0;
        rng = new SplittableRandom(seed + it);
        int groups = data.groups();
        groupOrder = new int[groups * epochsPerIteration];
        for (int e = 0; e < epochsPerIteration; e++) {
            int[] perm = RandomPermutation.of(groups, rng);
            System.arraycopy(perm, 0, groupOrder, e * groups, groups);
        }
    }
}
