package org.hrmlab.engine.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrmlab.engine.loss.ActLoss;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;

/**
 * One split of a dataset in the reference layout (hrm-reference.md §3.1): {@code <root>/<split>/dataset.json} and the
 * set {@code all}'s arrays {@code all__inputs.npy}, {@code all__labels.npy} ({@code [examples, seqLen]}),
 * {@code all__puzzle_identifiers.npy} ({@code [puzzles]}), {@code all__puzzle_indices.npy} ({@code [puzzles+1]}) and
 * {@code all__group_indices.npy} ({@code [groups+1]}). Tokens are held as bytes (vocabularies are small).
 */
public final class PuzzleDataset {
    private static final String SET = "all";
    private final Path dir;
    private final int seqLen;
    private final int vocabSize;
    private final int padId;
    private final Integer ignoreLabelId;
    private final int blankIdentifierId;
    private final int numPuzzleIdentifiers;
    private final byte[] inputs;
    private final byte[] labels;
    private final int[] puzzleIdentifiers;
    private final int[] puzzleIndices;
    private final int[] groupIndices;

    private PuzzleDataset(Path dir, JsonNode meta, byte[] inputs, byte[] labels, int[] ids, int[] puzzleIndices,
                          int[] groupIndices) {
        this.dir = dir;
        this.seqLen = meta.get("seq_len").asInt();
        this.vocabSize = meta.get("vocab_size").asInt();
        this.padId = meta.path("pad_id").asInt(0);
        this.ignoreLabelId = meta.hasNonNull("ignore_label_id") ? meta.get("ignore_label_id").asInt() : null;
        this.blankIdentifierId = meta.path("blank_identifier_id").asInt(0);
        this.numPuzzleIdentifiers = meta.get("num_puzzle_identifiers").asInt();
        this.inputs = inputs;
        this.labels = labels;
        this.puzzleIdentifiers = ids;
        this.puzzleIndices = puzzleIndices;
        this.groupIndices = groupIndices;
    }

    /**
     * @param root  the dataset folder (holding {@code train/} and {@code test/})
     * @param split {@code train} or {@code test}
     * @throws DatasetException naming the missing or inconsistent file
     */
    public static PuzzleDataset open(Path root, String split) throws DatasetException {
        Path dir = root.resolve(split);
        Path metaFile = dir.resolve("dataset.json");
        if (!Files.isRegularFile(metaFile)) {
            throw new DatasetException(metaFile, "missing (not a dataset in the reference layout)");
        }
        JsonNode meta;
        try {
            meta = new ObjectMapper().readTree(metaFile.toFile());
        } catch (IOException e) {
            throw new DatasetException(metaFile, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        for (String field : new String[] {"seq_len", "vocab_size", "num_puzzle_identifiers"}) {
            if (!meta.path(field).canConvertToInt()) {
                throw new DatasetException(metaFile, "field '" + field + "' missing or not an integer");
            }
        }
        int seqLen = meta.get("seq_len").asInt();
        byte[] inputs = tokens(dir.resolve(SET + "__inputs.npy"), seqLen);
        byte[] labels = tokens(dir.resolve(SET + "__labels.npy"), seqLen);
        if (inputs.length != labels.length) {
            throw new DatasetException(dir.resolve(SET + "__labels.npy"), "has " + labels.length / seqLen
                    + " examples but the inputs have " + inputs.length / seqLen);
        }
        int[] ids = ints(dir.resolve(SET + "__puzzle_identifiers.npy"));
        int[] pIdx = ints(dir.resolve(SET + "__puzzle_indices.npy"));
        int[] gIdx = ints(dir.resolve(SET + "__group_indices.npy"));
        if (pIdx.length != ids.length + 1 || pIdx[0] != 0 || pIdx[pIdx.length - 1] != inputs.length / seqLen) {
            throw new DatasetException(dir.resolve(SET + "__puzzle_indices.npy"),
                    "must be cumulative example offsets from 0 to " + inputs.length / seqLen + " over " + ids.length
                            + " puzzles");
        }
        if (gIdx.length < 2 || gIdx[0] != 0 || gIdx[gIdx.length - 1] != ids.length) {
            throw new DatasetException(dir.resolve(SET + "__group_indices.npy"),
                    "must be cumulative puzzle offsets from 0 to " + ids.length);
        }
        int numIds = meta.get("num_puzzle_identifiers").asInt();
        for (int id : ids) {
            if (id < 0 || id >= numIds) {
                throw new DatasetException(dir.resolve(SET + "__puzzle_identifiers.npy"),
                        "identifier " + id + " outside [0, " + numIds + ")");
            }
        }
        int vocab = meta.get("vocab_size").asInt();
        for (byte t : inputs) {
            if ((t & 0xFF) >= vocab) {
                throw new DatasetException(dir.resolve(SET + "__inputs.npy"), "token " + (t & 0xFF)
                        + " outside the vocabulary of " + vocab);
            }
        }
        return new PuzzleDataset(dir, meta, inputs, labels, ids, pIdx, gIdx);
    }

    private static byte[] tokens(Path file, int seqLen) throws DatasetException {
        NpyArray a = read(file);
        if (a.shape().length != 2 || a.shape()[1] != seqLen) {
            throw new DatasetException(file, "expected shape [examples, " + seqLen + "], got "
                    + java.util.Arrays.toString(a.shape()));
        }
        int n = Math.toIntExact(a.size());
        byte[] out = new byte[n];
        if (a.dtype().endsWith("u1") || a.dtype().endsWith("i1")) {
            a.data().duplicate().get(out);
            return out;
        }
        int[] v = a.toInts();
        for (int i = 0; i < n; i++) {
            if (v[i] < 0 || v[i] > 255) {
                throw new DatasetException(file, "token " + v[i] + " does not fit the 0..255 range");
            }
            out[i] = (byte) v[i];
        }
        return out;
    }

    private static int[] ints(Path file) throws DatasetException {
        NpyArray a = read(file);
        if (a.shape().length != 1) {
            throw new DatasetException(file, "expected a 1-D array, got shape " + java.util.Arrays.toString(a.shape()));
        }
        return a.toInts();
    }

    private static NpyArray read(Path file) throws DatasetException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, "missing");
        }
        try {
            return Npy.read(file);
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(file, "unreadable NPY: " + e.getMessage());
        }
    }

    /** @return the split's folder */
    public Path dir() {
        return dir;
    }

    /** @return tokens per example */
    public int seqLen() {
        return seqLen;
    }

    /** @return vocabulary size */
    public int vocabSize() {
        return vocabSize;
    }

    /** @return rows of the puzzle-embedding table this dataset needs */
    public int numPuzzleIdentifiers() {
        return numPuzzleIdentifiers;
    }

    /** @return number of examples */
    public int examples() {
        return inputs.length / seqLen;
    }

    /** @return number of puzzles */
    public int puzzles() {
        return puzzleIdentifiers.length;
    }

    /** @return number of groups */
    public int groups() {
        return groupIndices.length - 1;
    }

    /** @return mean examples per puzzle */
    public double meanPuzzleExamples() {
        return (double) examples() / puzzles();
    }

    /** @return {@code [puzzles+1]} cumulative example offsets (live; do not modify) */
    int[] puzzleIndices() {
        return puzzleIndices;
    }

    /** @return {@code [groups+1]} cumulative puzzle offsets (live; do not modify) */
    int[] groupIndices() {
        return groupIndices;
    }

    /** @return the puzzle identifier of puzzle {@code p} */
    public int puzzleIdentifier(int p) {
        return puzzleIdentifiers[p];
    }

    /** @return the index of puzzle {@code p}'s first example */
    public int firstExampleOf(int p) {
        return puzzleIndices[p];
    }

    /** @return the puzzle an example belongs to */
    public int puzzleOfExample(int example) {
        int i = java.util.Arrays.binarySearch(puzzleIndices, example);
        if (i >= 0) {
            while (i + 1 < puzzleIndices.length && puzzleIndices[i + 1] == example) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    /**
     * Builds a batch from example indices, padding to {@code batchSize} as the reference does (PAD inputs, ignored
     * labels, blank identifier); labels equal to {@code ignore_label_id} become {@link ActLoss#IGNORE_LABEL_ID}.
     *
     * @param examples  example indices (not modified)
     * @param puzzles   the puzzle of each example (not modified)
     * @param batchSize rows of the result ({@code >= examples.length})
     */
    public TrainingBatch batch(int[] examples, int[] puzzles, int batchSize) {
        int[] in = new int[batchSize * seqLen];
        int[] lab = new int[batchSize * seqLen];
        int[] ids = new int[batchSize];
        for (int r = 0; r < batchSize; r++) {
            if (r < examples.length) {
                int e = examples[r];
                for (int t = 0; t < seqLen; t++) {
                    in[r * seqLen + t] = inputs[e * seqLen + t] & 0xFF;
                    int l = labels[e * seqLen + t] & 0xFF;
                    lab[r * seqLen + t] = ignoreLabelId != null && l == ignoreLabelId ? ActLoss.IGNORE_LABEL_ID : l;
                }
                ids[r] = puzzleIdentifiers[puzzles[r]];
            } else {
                java.util.Arrays.fill(in, r * seqLen, (r + 1) * seqLen, padId);
                java.util.Arrays.fill(lab, r * seqLen, (r + 1) * seqLen, ActLoss.IGNORE_LABEL_ID);
                ids[r] = blankIdentifierId;
            }
        }
        return new TrainingBatch(in, lab, ids);
    }
}
