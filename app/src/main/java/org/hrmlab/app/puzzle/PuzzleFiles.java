package org.hrmlab.app.puzzle;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.PuzzleSources;
import org.hrmlab.puzzles.codec.TokenCodec;
import org.hrmlab.puzzles.dataset.DatasetSplit;
import org.hrmlab.puzzles.dataset.ReferenceDataset;

/**
 * Reads what a user opens in the lab into puzzles: a puzzle file (Sudoku or maze CSV, Sudoku lines, maze text, ARC
 * task JSON), a folder of such files (an ARC task folder), or a dataset folder in the reference layout (the test split,
 * decoded with the codec its vocabulary and sequence length name). At most {@link #LIMIT} puzzles per source.
 */
public final class PuzzleFiles {
    /** The most puzzles read from one file or folder. */
    public static final int LIMIT = 500;

    private PuzzleFiles() {
    }

    /**
     * @return the puzzles in {@code path}, in order, named after it
     * @throws IOException one line naming the file and the problem
     */
    public static List<LabPuzzle> read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            if (Files.isDirectory(path.resolve("test")) || Files.isDirectory(path.resolve("train"))) {
                return dataset(path);
            }
            List<LabPuzzle> out = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(path, "*.{json,csv,txt}")) {
                List<Path> sorted = new ArrayList<>();
                files.forEach(sorted::add);
                sorted.sort(null);
                for (Path f : sorted) {
                    for (var p : PuzzleSources.openAll(f.toString())) {
                        if (out.size() < LIMIT) {
                            out.add(BundledLabPuzzles.from(p));
                        }
                    }
                }
            }
            if (out.isEmpty()) {
                throw new IOException(path + ": no puzzle files (.json, .csv, .txt) and no dataset splits in it");
            }
            return out;
        }
        List<LabPuzzle> out = new ArrayList<>();
        for (var p : PuzzleSources.openAll(path.toString())) {
            if (out.size() < LIMIT) {
                out.add(BundledLabPuzzles.from(p));
            }
        }
        return out;
    }

    /**
     * The kind a dataset's vocabulary names: ARC 12 tokens, a maze 6, an n×n Sudoku n + 2 (PAD, blank, the digits).
     * A 4×4 Sudoku and a maze both have 6: then the first answer decides (every row of a Sudoku answer holds each
     * digit once).
     */
    static PuzzleKind kindOf(DatasetSplit s, int vocab, int side) throws IOException {
        boolean sudoku = vocab == side + 2;
        boolean maze = vocab == 6;
        if (vocab == 12) {
            return PuzzleKind.ARC;
        }
        if (sudoku && maze && s.exampleCount() > 0) {
            int[] labels = s.labels(0);
            for (int r = 0; r < side; r++) {
                java.util.BitSet seen = new java.util.BitSet();
                for (int c = 0; c < side; c++) {
                    int t = labels[r * side + c];
                    if (t < 2 || seen.get(t)) {
                        return PuzzleKind.MAZE;
                    }
                    seen.set(t);
                }
            }
            return PuzzleKind.SUDOKU;
        }
        return sudoku ? PuzzleKind.SUDOKU : maze ? PuzzleKind.MAZE : null;
    }

    private static List<LabPuzzle> dataset(Path dir) throws IOException {
        ReferenceDataset data = ReferenceDataset.open(dir);
        String splitName = data.split("test").isPresent() ? "test" : "train";
        Optional<DatasetSplit> split = data.split(splitName);
        if (split.isEmpty()) {
            throw new IOException(dir + ": no test or train split");
        }
        DatasetSplit s = split.get();
        int vocab = s.metadata().vocabSize();
        int seq = s.metadata().seqLen();
        int side = (int) Math.round(Math.sqrt(seq));
        PuzzleKind kind = kindOf(s, vocab, side);
        if (kind == null || side * side != seq) {
            throw new IOException(dir + ": vocabulary " + vocab + " and " + seq + " positions name no puzzle kind "
                    + "HRM Lab draws (an n×n Sudoku n + 2 tokens, a maze 6, ARC 12, on a square grid)");
        }
        TokenCodec codec = TokenCodec.forGrid(kind, side, side, seq);
        List<LabPuzzle> out = new ArrayList<>();
        String name = dir.getFileName() + "/" + splitName;
        for (int e = 0; e < Math.min(LIMIT, s.exampleCount()); e++) {
            Optional<Grid> input = codec.decode(s.inputs(e));
            if (input.isEmpty()) {
                continue;
            }
            int[] labels = s.labels(e).clone();
            for (int i = 0; i < labels.length; i++) {
                labels[i] = Math.max(0, labels[i]);
            }
            Optional<Grid> answer = codec.decode(labels);
            out.add(new LabPuzzle(name + "#" + e, kind, CellGrid.of(input.get()),
                    answer.map(CellGrid::of).orElse(CellGrid.EMPTY)));
        }
        return out;
    }
}
