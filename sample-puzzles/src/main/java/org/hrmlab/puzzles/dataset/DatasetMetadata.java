package org.hrmlab.puzzles.dataset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The reference's {@code <split>/dataset.json} ({@code PuzzleDatasetMetadata}). Unknown fields are ignored on reading;
 * TRM's extra {@code total_puzzles} is kept when present.
 *
 * @param padId                PAD token (0)
 * @param ignoreLabelId        label value the loss ignores (0 in every builder), or {@code null}
 * @param blankIdentifierId    puzzle identifier of padding rows (0)
 * @param vocabSize            tokens in the vocabulary
 * @param seqLen               tokens per example
 * @param numPuzzleIdentifiers size of the puzzle-identifier space, blank included
 * @param totalGroups          groups in this split
 * @param meanPuzzleExamples   examples per puzzle, averaged
 * @param sets                 set names (the builders use {@code ["all"]})
 * @param totalPuzzles         puzzles in this split (TRM only), or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"pad_id", "ignore_label_id", "blank_identifier_id", "vocab_size", "seq_len",
    "num_puzzle_identifiers", "total_groups", "mean_puzzle_examples", "sets", "total_puzzles"})
public record DatasetMetadata(
        @JsonProperty("pad_id") int padId,
        @JsonProperty("ignore_label_id") Integer ignoreLabelId,
        @JsonProperty("blank_identifier_id") int blankIdentifierId,
        @JsonProperty("vocab_size") int vocabSize,
        @JsonProperty("seq_len") int seqLen,
        @JsonProperty("num_puzzle_identifiers") int numPuzzleIdentifiers,
        @JsonProperty("total_groups") int totalGroups,
        @JsonProperty("mean_puzzle_examples") double meanPuzzleExamples,
        @JsonProperty("sets") List<String> sets,
        @JsonProperty("total_puzzles") Integer totalPuzzles) {

    /** The only set name the reference builders write. */
    public static final String SET_ALL = "all";

    /** Copies the set list. */
    public DatasetMetadata {
        sets = sets == null ? List.of(SET_ALL) : List.copyOf(sets);
    }
}
