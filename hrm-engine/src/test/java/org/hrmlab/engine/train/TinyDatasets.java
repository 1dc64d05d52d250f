package org.hrmlab.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;

/** Writes small datasets in the reference layout for tests: a "reverse the sequence" task over tokens 2..vocab-1. */
final class TinyDatasets {
    private TinyDatasets() {
    }

    /**
     * @param groups         groups (one puzzle of {@code examplesPerPuzzle} examples each) in the train split
     * @param testExamples   examples in the test split (one puzzle each, one group)
     */
    static Path reverse(Path root, int seqLen, int vocab, int groups, int examplesPerPuzzle, int testExamples,
                        long seed) throws IOException {
        Random rnd = new Random(seed);
        split(root.resolve("train"), seqLen, vocab, groups, examplesPerPuzzle, rnd);
        split(root.resolve("test"), seqLen, vocab, testExamples, 1, rnd);
        Files.writeString(root.resolve("identifiers.json"), "[\"<blank>\", \"reverse\"]");
        return root;
    }

    private static void split(Path dir, int seqLen, int vocab, int puzzles, int perPuzzle, Random rnd)
            throws IOException {
        Files.createDirectories(dir);
        int n = puzzles * perPuzzle;
        int[] in = new int[n * seqLen];
        int[] lab = new int[n * seqLen];
        for (int e = 0; e < n; e++) {
            for (int t = 0; t < seqLen; t++) {
                in[e * seqLen + t] = 2 + rnd.nextInt(vocab - 2);
            }
            for (int t = 0; t < seqLen; t++) {
                lab[e * seqLen + t] = in[e * seqLen + seqLen - 1 - t];
            }
        }
        int[] ids = new int[puzzles];
        java.util.Arrays.fill(ids, 1);
        int[] pIdx = new int[puzzles + 1];
        int[] gIdx = new int[puzzles + 1];
        for (int p = 0; p <= puzzles; p++) {
            pIdx[p] = p * perPuzzle;
            gIdx[p] = p;
        }
        Npy.write(dir.resolve("all__inputs.npy"), NpyArray.ofUint8(in, n, seqLen));
        Npy.write(dir.resolve("all__labels.npy"), NpyArray.ofUint8(lab, n, seqLen));
        Npy.write(dir.resolve("all__puzzle_identifiers.npy"), NpyArray.ofInts(ids, puzzles));
        Npy.write(dir.resolve("all__puzzle_indices.npy"), NpyArray.ofInts(pIdx, puzzles + 1));
        Npy.write(dir.resolve("all__group_indices.npy"), NpyArray.ofInts(gIdx, puzzles + 1));
        Files.writeString(dir.resolve("dataset.json"), "{\"pad_id\": 0, \"ignore_label_id\": 0, "
                + "\"blank_identifier_id\": 0, \"vocab_size\": " + vocab + ", \"seq_len\": " + seqLen
                + ", \"num_puzzle_identifiers\": 2, \"total_groups\": " + puzzles + ", \"mean_puzzle_examples\": "
                + perPuzzle + ", \"sets\": [\"all\"]}");
    }
}
