package org.hrmlab.puzzles.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrmlab.puzzles.MazePuzzle;
import org.hrmlab.puzzles.codec.Dihedral;
import org.hrmlab.puzzles.codec.MazeCodec;

/**
 * Builds a maze dataset as the reference's {@code build_maze_dataset.py} does: one example per puzzle, puzzle
 * identifier 0, one group per maze; with augmentation on, each training maze's group holds its 8 dihedral transforms
 * (ids 0..7, identity first). The test split is never augmented. Tokens per {@link MazeCodec}.
 */
public final class MazeDatasetBuilder {
    private MazeDatasetBuilder() {
    }

    /**
     * @param train    training mazes, all square and of one size, with solutions
     * @param test     test mazes of the same size
     * @param dihedral whether to add the 8 dihedral transforms to training groups
     * @param out      the dataset folder
     */
    public static DatasetSummary build(List<MazePuzzle> train, List<MazePuzzle> test, boolean dihedral, Path out)
            throws IOException {
        MazePuzzle first = (train.isEmpty() ? test : train).get(0);
        MazeCodec codec = new MazeCodec(first.maze().rows(), first.maze().cols());
        if (dihedral && codec.rows() != codec.cols()) {
            throw new IllegalArgumentException("dihedral augmentation needs square mazes");
        }
        Map<String, DatasetSummary.SplitCounts> counts = new LinkedHashMap<>();
        counts.put("train", write(out, "train", train, dihedral, codec));
        counts.put("test", write(out, "test", test, false, codec));
        DatasetSplitWriter.writeIdentifiers(out, List.of("<blank>"));
        return new DatasetSummary("maze", codec.seqLen(), codec.vocabSize(), 1, counts, List.of());
    }

    private static DatasetSummary.SplitCounts write(Path out, String split, List<MazePuzzle> mazes, boolean dihedral,
            MazeCodec codec) throws IOException {
        try (DatasetSplitWriter w = new DatasetSplitWriter(out, split, codec.seqLen(), codec.vocabSize())) {
            int n = 0;
            for (MazePuzzle m : mazes) {
                if (m.maze().rows() != codec.rows() || m.maze().cols() != codec.cols()) {
                    throw new IllegalArgumentException("mixed maze sizes: " + m.name() + " is " + m.maze().rows() + "x"
                            + m.maze().cols());
                }
                if (m.solution() == null) {
                    throw new IllegalArgumentException("maze " + m.name() + " has no solution");
                }
                for (int t = 0; t < (dihedral ? 8 : 1); t++) {
                    Dihedral d = Dihedral.of(t);
                    w.addPuzzle(0, List.of(codec.encode(d.apply(m.maze()))), List.of(codec.encode(d.apply(m.solution()))));
                    n++;
                }
                w.endGroup();
            }
            DatasetMetadata meta = w.finish(1);
            return new DatasetSummary.SplitCounts(w.examples(), n, meta.totalGroups());
        }
    }
}
