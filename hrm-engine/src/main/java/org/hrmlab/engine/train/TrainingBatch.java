package org.hrmlab.engine.train;

/**
 * A batch of examples in model tokens.
 *
 * @param inputs    {@code [B·seqLen]} input token ids
 * @param labels    {@code [B·seqLen]} target token ids, {@code -100} where unsupervised
 * @param puzzleIds {@code [B]} puzzle identifiers
 */
public record TrainingBatch(int[] inputs, int[] labels, int[] puzzleIds) {
    /** Checks the three arrays agree on the batch size. */
    public TrainingBatch {
        if (inputs.length != labels.length || puzzleIds.length == 0 || inputs.length % puzzleIds.length != 0) {
            throw new IllegalArgumentException("batch arrays disagree: " + inputs.length + " inputs, " + labels.length
                    + " labels, " + puzzleIds.length + " ids");
        }
    }

    /** @return the number of examples B */
    public int size() {
        return puzzleIds.length;
    }
}
