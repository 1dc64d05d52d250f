package org.hrmlab.puzzles.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.codec.SudokuAugmentation;
import org.hrmlab.puzzles.codec.SudokuCodec;

/**
 * Builds a Sudoku dataset as the reference's {@code build_sudoku_dataset.py} does: each training puzzle forms a
 * group of itself followed by {@code aug} random relabellings ({@link SudokuAugmentation}), one example per puzzle,
 * puzzle identifier 0 everywhere ({@code num_puzzle_identifiers} 1, {@code identifiers.json} = {@code ["<blank>"]});
 * the test split is not augmented. Tokens per {@link SudokuCodec}.
 */
public final class SudokuDatasetBuilder {
    private SudokuDatasetBuilder() {
    }

    /**
     * @param train training puzzles, all of one shape, with solutions
     * @param test  test puzzles (same shape), with solutions
     * @param aug   augmentations per training puzzle
     * @param seed  seed of the augmentation draws
     * @param out   the dataset folder
     */
    public static DatasetSummary build(List<SudokuPuzzle> train, List<SudokuPuzzle> test, int aug, long seed,
            Path out) throws IOException {
        SudokuShape shape = (train.isEmpty() ? test : train).get(0).shape();
        SudokuCodec codec = new SudokuCodec(shape);
        Random rng = new Random(seed);
        Map<String, DatasetSummary.SplitCounts> counts = new LinkedHashMap<>();
        counts.put("train", write(out, "train", train, aug, codec, rng));
        counts.put("test", write(out, "test", test, 0, codec, rng));
        DatasetSplitWriter.writeIdentifiers(out, List.of("<blank>"));
        return new DatasetSummary("sudoku", codec.seqLen(), codec.vocabSize(), 1, counts, List.of());
    }

    private static DatasetSummary.SplitCounts write(Path out, String split, List<SudokuPuzzle> puzzles, int aug,
            SudokuCodec codec, Random rng) throws IOException {
        try (DatasetSplitWriter w = new DatasetSplitWriter(out, split, codec.seqLen(), codec.vocabSize())) {
            int n = 0;
            for (SudokuPuzzle p : puzzles) {
                if (!p.shape().equals(codec.shape())) {
                    throw new IllegalArgumentException("mixed Sudoku sizes: " + p.name() + " is " + p.shape().label());
                }
                for (int k = 0; k <= aug; k++) {
                    SudokuPuzzle v = k == 0 ? p : SudokuAugmentation.random(codec.shape(), rng).apply(p);
                    w.addPuzzle(0, List.of(codec.encodeInput(v)), List.of(codec.encodeLabels(v)));
                    n++;
                }
                w.endGroup();
            }
            DatasetMetadata m = w.finish(1);
            return new DatasetSummary.SplitCounts(w.examples(), n, m.totalGroups());
        }
    }

    /**
     * Splits puzzles into train and test by a seeded shuffle (originals only, so no test puzzle's augmentation is
     * trained on).
     *
     * @return {@code [train, test]}
     */
    public static <T> List<List<T>> split(List<T> all, double testFraction, long seed) {
        List<T> shuffled = new ArrayList<>(all);
        java.util.Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
        int nTest = (int) Math.round(all.size() * testFraction);
        return List.of(List.copyOf(shuffled.subList(nTest, shuffled.size())), List.copyOf(shuffled.subList(0, nTest)));
    }
}
