package org.hrmlab.puzzles.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;

/**
 * Writes one split ({@code train} or {@code test}) of a dataset in the reference layout, streaming examples to disk:
 * {@code <dir>/<split>/all__inputs.npy}, {@code all__labels.npy} (uint8 {@code [examples, seq_len]}),
 * {@code all__puzzle_identifiers.npy} (int32 {@code [puzzles]}), {@code all__puzzle_indices.npy} (int32
 * {@code [puzzles+1]}), {@code all__group_indices.npy} (int32 {@code [groups+1]}) and {@code dataset.json}.
 * Nothing appears under the final names unless {@link #finish(int)} succeeds.
 */
public final class DatasetSplitWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final int seqLen;
    private final int vocabSize;
    private final UInt8RowWriter inputs;
    private final UInt8RowWriter labels;
    private final Path inputsTmp;
    private final Path labelsTmp;
    private final IntList puzzleIdentifiers = new IntList();
    private final IntList puzzleIndices = new IntList();
    private final IntList groupIndices = new IntList();
    private int puzzlesInOpenGroup;
    private boolean finished;

    /**
     * @param datasetDir the dataset folder (created if missing)
     * @param split      {@code train} or {@code test}
     * @param seqLen     tokens per example
     * @param vocabSize  the vocabulary size recorded in {@code dataset.json}
     */
    public DatasetSplitWriter(Path datasetDir, String split, int seqLen, int vocabSize) throws IOException {
        this.dir = datasetDir.resolve(split);
        Files.createDirectories(dir);
        this.seqLen = seqLen;
        this.vocabSize = vocabSize;
        this.inputsTmp = Files.createTempFile(dir, "all__inputs", ".tmp");
        this.labelsTmp = Files.createTempFile(dir, "all__labels", ".tmp");
        this.inputs = new UInt8RowWriter(inputsTmp, seqLen);
        this.labels = new UInt8RowWriter(labelsTmp, seqLen);
        puzzleIndices.add(0);
        groupIndices.add(0);
    }

    /**
     * Appends one puzzle (one or more examples) to the open group.
     *
     * @param identifier its puzzle identifier
     * @param inputs     input tokens per example, each of length seq_len, values 0..255 (not modified)
     * @param labels     label tokens per example, same count (not modified)
     */
    public void addPuzzle(int identifier, List<int[]> inputs, List<int[]> labels) throws IOException {
        if (inputs.size() != labels.size() || inputs.isEmpty()) {
            throw new IllegalArgumentException("a puzzle needs at least one example and as many labels as inputs");
        }
        for (int i = 0; i < inputs.size(); i++) {
            this.inputs.append(inputs.get(i));
            this.labels.append(labels.get(i));
        }
        puzzleIdentifiers.add(identifier);
        puzzleIndices.add(Math.toIntExact(this.inputs.rows()));
        puzzlesInOpenGroup++;
    }

    /** Closes the open group (a group holds a puzzle and its augmentations). */
    public void endGroup() {
        if (puzzlesInOpenGroup == 0) {
            throw new IllegalStateException("empty group");
        }
        groupIndices.add(puzzleIdentifiers.size());
        puzzlesInOpenGroup = 0;
    }

    /** @return examples written so far */
    public long examples() {
        return inputs.rows();
    }

    /**
     * Writes the index arrays and {@code dataset.json} and moves everything into place.
     *
     * @param numPuzzleIdentifiers the size of the identifier space (blank included)
     * @return the metadata written
     */
    public DatasetMetadata finish(int numPuzzleIdentifiers) throws IOException {
        if (puzzlesInOpenGroup > 0) {
            endGroup();
        }
        inputs.close();
        labels.close();
        int puzzles = puzzleIdentifiers.size();
        Npy.write(dir.resolve("all__puzzle_identifiers.npy"), NpyArray.ofInts(puzzleIdentifiers.toArray(), puzzles));
        Npy.write(dir.resolve("all__puzzle_indices.npy"), NpyArray.ofInts(puzzleIndices.toArray(), puzzles + 1));
        int groups = groupIndices.size() - 1;
        Npy.write(dir.resolve("all__group_indices.npy"), NpyArray.ofInts(groupIndices.toArray(), groups + 1));
        org.hrmlab.puzzles.io.AtomicFiles.commit(inputsTmp, dir.resolve("all__inputs.npy"));
        org.hrmlab.puzzles.io.AtomicFiles.commit(labelsTmp, dir.resolve("all__labels.npy"));
        DatasetMetadata meta = new DatasetMetadata(0, 0, 0, vocabSize, seqLen, numPuzzleIdentifiers, groups,
                puzzles == 0 ? 0 : (double) inputs.rows() / puzzles, List.of(DatasetMetadata.SET_ALL), null);
        org.hrmlab.puzzles.io.AtomicFiles.write(dir.resolve("dataset.json"), out -> JSON.writeValue(out, meta));
        finished = true;
        return meta;
    }

    /** Discards the temporary files if {@link #finish(int)} was not reached. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            inputs.close();
            labels.close();
            Files.deleteIfExists(inputsTmp);
            Files.deleteIfExists(labelsTmp);
        }
    }

    /** Writes {@code identifiers.json}: index = puzzle identifier, {@code "<blank>"} at 0. */
    public static void writeIdentifiers(Path datasetDir, List<String> identifiers) throws IOException {
        Files.createDirectories(datasetDir);
        JSON.writeValue(datasetDir.resolve("identifiers.json").toFile(), identifiers);
    }

    /** A growable int array. */
    static final class IntList {
        private int[] data = new int[16];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
