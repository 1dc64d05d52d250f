package org.hrmlab.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;

/** A real training run small enough for a test: a four-puzzle copy task and a 16-wide model, in the reference layout. */
public final class TinyTrainingRun {
    private TinyTrainingRun() {
    }

    /**
     * Writes {@code dir/data} (train and test splits) and {@code dir/run.yaml}, a config that sets no {@code max_steps}:
     * the run's length follows from its epochs, batch size and data, as the trainer computes it.
     *
     * @param epochs epochs of the run: {@code 2 * epochs} steps (four one-example puzzles, batch 2)
     * @return the config file
     */
    public static Path write(Path dir, int epochs) throws IOException {
        writeDataset(dir.resolve("data"));
        Path yaml = dir.resolve("run.yaml");
        Files.writeString(yaml, """
                data_path: data
                arch: {hidden_size: 16, num_heads: 2, expansion: 2, H_layers: 1, L_layers: 1, H_cycles: 1,
                       L_cycles: 2, halt_max_steps: 2, puzzle_emb_ndim: 16}
                global_batch_size: 2
                epochs: %d
                lr_warmup_steps: 1
                seed: 1
                """.formatted(epochs));
        return yaml;
    }

    /** Four one-example puzzles of a copy task (seq 4, vocab 5) in the reference layout, train and test alike. */
    public static void writeDataset(Path root) throws IOException {
        writeDataset(root, 4);
    }

    /** A copy task of four one-example puzzles of {@code seqLen} tokens each (vocab 5; 4: the one above). */
    public static void writeDataset(Path root, int seqLen) throws IOException {
        int[] first = {2, 3, 4, 2, 3, 3, 4, 4, 4, 2, 2, 3, 2, 4, 3, 3};
        int[] tokens = new int[4 * seqLen];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = seqLen == 4 ? first[i] : 2 + (i * 7 + i / seqLen) % 3;
        }
        for (String split : List.of("train", "test")) {
            Path d = root.resolve(split);
            Files.createDirectories(d);
            Npy.write(d.resolve("all__inputs.npy"), NpyArray.ofUint8(tokens, 4, seqLen));
            Npy.write(d.resolve("all__labels.npy"), NpyArray.ofUint8(tokens, 4, seqLen));
            Npy.write(d.resolve("all__puzzle_identifiers.npy"), NpyArray.ofInts(new int[] {1, 1, 1, 1}, 4));
            Npy.write(d.resolve("all__puzzle_indices.npy"), NpyArray.ofInts(new int[] {0, 1, 2, 3, 4}, 5));
            Npy.write(d.resolve("all__group_indices.npy"), NpyArray.ofInts(new int[] {0, 1, 2, 3, 4}, 5));
            Files.writeString(d.resolve("dataset.json"), "{\"pad_id\": 0, \"ignore_label_id\": 0, "
                    + "\"blank_identifier_id\": 0, \"vocab_size\": 5, \"seq_len\": " + seqLen
                    + ", \"num_puzzle_identifiers\": 2, "
                    + "\"total_groups\": 4, \"mean_puzzle_examples\": 1, \"sets\": [\"all\"]}");
        }
    }
}
