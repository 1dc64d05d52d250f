package org.hrmlab.puzzles.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.MazePuzzle;
import org.hrmlab.puzzles.codec.Dihedral;
import org.hrmlab.puzzles.codec.MazeCodec;

/**
 * Builds a maze dataset as the reference's {@code build_maze_dataset.py} does: one example per puzzle, puzzle
 * identifier 0, one group per maze; with augmentation on, each training maze's group holds its 8 dihedral transforms
 * (ids 0..7, identity first). The test split is never augmented. Tokens per {@link MazeCodec}.
 *
 * <p>HRM Lab can also lay mazes of several sizes out on one square canvas, a curriculum in one sequence length: a
 * smaller maze sits at a random even offset (top-left in the test split), so that its corridors keep the canvas's
 * lattice; around it the input holds walls, as a big maze's does, and the labels hold PAD, which the loss ignores
 * (the reference's {@code ignore_label_id}, as for its ARC padding), so a small maze weighs in the loss by its own
 * cells only.
 */
public final class MazeDatasetBuilder {
    private static final int WALL_TOKEN = MazeCell.WALL.code() + 1;

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
        return write(train, test, dihedral, new MazeCodec(first.maze().rows(), first.maze().cols()), 0, false, out);
    }

    /**
     * @param train    training mazes of any square size up to the canvas, with solutions
     * @param test     test mazes of any square size up to the canvas
     * @param dihedral whether to add the 8 dihedral transforms to training groups
     * @param canvas   the canvas side, 3..30; every example has canvas x canvas tokens
     * @param seed     seed of the training mazes' offsets
     * @param out      the dataset folder
     */
    public static DatasetSummary build(List<MazePuzzle> train, List<MazePuzzle> test, boolean dihedral, int canvas,
            long seed, Path out) throws IOException {
        if (canvas < 3 || canvas > 30) {
            throw new IllegalArgumentException("maze canvas must be 3..30, got " + canvas);
        }
        return write(train, test, dihedral, new MazeCodec(canvas, canvas), seed, true, out);
    }

    private static DatasetSummary write(List<MazePuzzle> train, List<MazePuzzle> test, boolean dihedral,
            MazeCodec codec, long seed, boolean canvas, Path out) throws IOException {
        if (dihedral && codec.rows() != codec.cols()) {
            throw new IllegalArgumentException("dihedral augmentation needs square mazes");
        }
        Map<String, DatasetSummary.SplitCounts> counts = new LinkedHashMap<>();
        counts.put("train", write(out, "train", train, dihedral, codec, canvas, new Random(seed)));
        counts.put("test", write(out, "test", test, false, codec, canvas, null));
        DatasetSplitWriter.writeIdentifiers(out, List.of("<blank>"));
        return new DatasetSummary("maze", codec.seqLen(), codec.vocabSize(), 1, counts, List.of());
    }

    private static DatasetSummary.SplitCounts write(Path out, String split, List<MazePuzzle> mazes, boolean dihedral,
            MazeCodec codec, boolean canvas, Random offsets) throws IOException {
        try (DatasetSplitWriter w = new DatasetSplitWriter(out, split, codec.seqLen(), codec.vocabSize())) {
            int n = 0;
            for (MazePuzzle m : mazes) {
                int rows = m.maze().rows();
                int cols = m.maze().cols();
                boolean fits = rows == codec.rows() && cols == codec.cols()
                        || canvas && rows == cols && rows <= codec.rows();
                if (!fits) {
                    throw new IllegalArgumentException("maze " + m.name() + " is " + rows + "x" + cols + ", which does "
                            + "not fit the dataset's " + codec.rows() + "x" + codec.cols() + (canvas ? " canvas"
                            : " (mazes of several sizes need a canvas)"));
                }
                if (m.solution() == null) {
                    throw new IllegalArgumentException("maze " + m.name() + " has no solution");
                }
                int slack = (codec.rows() - rows) / 2 + 1;
                int top = offsets == null ? 0 : 2 * offsets.nextInt(slack);
                int left = offsets == null ? 0 : 2 * offsets.nextInt(slack);
                MazeCodec own = new MazeCodec(rows, cols);
                for (int t = 0; t < (dihedral ? 8 : 1); t++) {
                    Dihedral d = Dihedral.of(t);
                    int[] input = place(own.encode(d.apply(m.maze())), rows, codec, top, left, WALL_TOKEN);
                    int[] label = place(own.encode(d.apply(m.solution())), rows, codec, top, left, 0);
                    w.addPuzzle(0, List.of(input), List.of(label));
                    n++;
                }
                w.endGroup();
            }
            DatasetMetadata meta = w.finish(1);
            return new DatasetSummary.SplitCounts(w.examples(), n, meta.totalGroups());
        }
    }

    /** @return the side x side maze's tokens at (top, left) on the codec's canvas, every other token {@code fill} */
    private static int[] place(int[] tokens, int side, MazeCodec canvas, int top, int left, int fill) {
        if (side == canvas.rows()) {
            return tokens;
        }
        int[] placed = new int[canvas.seqLen()];
        Arrays.fill(placed, fill);
        for (int r = 0; r < side; r++) {
            System.arraycopy(tokens, r * side, placed, (top + r) * canvas.cols() + left, side);
        }
        return placed;
    }
}
