package org.hrmlab.puzzles.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hrmlab.puzzles.ArcTask;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazePuzzle;
import org.hrmlab.puzzles.PuzzleFormatException;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.TestData;
import org.hrmlab.puzzles.arc.ArcLoader;
import org.hrmlab.puzzles.codec.ArcAugmentation;
import org.hrmlab.puzzles.codec.ArcCodec;
import org.hrmlab.puzzles.codec.Dihedral;
import org.hrmlab.puzzles.codec.MazeCodec;
import org.hrmlab.puzzles.codec.SudokuCodec;
import org.hrmlab.puzzles.maze.MazeDifficulty;
import org.hrmlab.puzzles.maze.MazeGenerator;
import org.hrmlab.puzzles.sudoku.SudokuLoader;
import org.hrmlab.puzzles.sudoku.SudokuRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
    private static final List<String> FILES = List.of("all__group_indices.npy", "all__inputs.npy", "all__labels.npy",
            "all__puzzle_identifiers.npy", "all__puzzle_indices.npy", "dataset.json");

    @TempDir
    Path dir;

    private static Path fixture(String name) throws Exception {
        return Path.of(DatasetTest.class.getResource("/reference-datasets/" + name).toURI());
    }

    private static List<SudokuPuzzle> sudokuRows(int from, int to) throws Exception {
        return SudokuLoader.readCsv(TestData.SUDOKU.resolve("forum_hardest_1106.csv")).subList(from, to);
    }

    @Test
    void opensTheReferenceSudokuDatasetAndItsAugmentationsAreValid() throws Exception {
        ReferenceDataset ds = ReferenceDataset.open(fixture("sudoku-ref"));
        assertEquals(List.of("<blank>"), ds.identifiers());
        DatasetSplit train = ds.split("train").orElseThrow();
        assertEquals("i8", train.inputsDtype());
        assertEquals(9, train.exampleCount());
        assertEquals(3, train.groupCount());
        SudokuCodec codec = new SudokuCodec(SudokuShape.NINE);
        for (int e = 0; e < 9; e++) {
            Grid q = codec.decode(train.inputs(e)).orElseThrow();
            Grid a = codec.decode(train.labels(e)).orElseThrow();
            assertNull(SudokuRules.checkAnswer(SudokuShape.NINE, q, a));
        }
        assertEquals(sudokuRows(0, 1).get(0).givens(), codec.decode(train.inputs(0)).orElseThrow());
        assertEquals("u1", ds.split("test").orElseThrow().inputsDtype());
    }

    @Test
    void sudokuBuildHasTheReferenceStructure() throws Exception {
        DatasetSummary s = SudokuDatasetBuilder.build(sudokuRows(0, 3), sudokuRows(3, 5), 2, 1, dir);
        assertEquals(9, s.splits().get("train").examples());
        ReferenceDataset ours = ReferenceDataset.open(dir);
        ReferenceDataset ref = ReferenceDataset.open(fixture("sudoku-ref"));
        for (String split : List.of("train", "test")) {
            DatasetSplit a = ours.split(split).orElseThrow();
            DatasetSplit b = ref.split(split).orElseThrow();
            assertEquals(b.metadata(), a.metadata(), split);
            assertArrayEquals(b.groupIndices(), a.groupIndices());
            assertArrayEquals(b.puzzleIndices(), a.puzzleIndices());
            assertArrayEquals(b.puzzleIdentifiers(), a.puzzleIdentifiers());
            assertArrayEquals(b.inputs(0), a.inputs(0));
            assertArrayEquals(b.labels(0), a.labels(0));
        }
        assertEquals(Files.readString(fixture("sudoku-ref").resolve("identifiers.json")).replace(" ", ""),
                Files.readString(dir.resolve("identifiers.json")));
    }

    @Test
    void writesTheExactFileLayoutAndNpyHeaders() throws Exception {
        SudokuDatasetBuilder.build(sudokuRows(0, 2), sudokuRows(2, 3), 1, 1, dir);
        assertTrue(Files.exists(dir.resolve("identifiers.json")));
        for (String split : List.of("train", "test")) {
            try (Stream<Path> files = Files.list(dir.resolve(split))) {
                assertEquals(FILES, files.map(p -> p.getFileName().toString()).sorted().toList(), split);
            }
        }
        assertHeader(dir.resolve("train/all__inputs.npy"), "'descr': '|u1'", "'shape': (4, 81)");
        assertHeader(dir.resolve("train/all__labels.npy"), "'descr': '|u1'", "'shape': (4, 81)");
        assertHeader(dir.resolve("train/all__puzzle_identifiers.npy"), "'descr': '<i4'", "'shape': (4,)");
        assertHeader(dir.resolve("train/all__puzzle_indices.npy"), "'descr': '<i4'", "'shape': (5,)");
        assertHeader(dir.resolve("train/all__group_indices.npy"), "'descr': '<i4'", "'shape': (3,)");
        assertEquals(128 + 4 * 81, Files.size(dir.resolve("train/all__inputs.npy")));
        String meta = Files.readString(dir.resolve("test/dataset.json"));
        assertTrue(meta.startsWith("{\"pad_id\":0,\"ignore_label_id\":0,\"blank_identifier_id\":0,\"vocab_size\":11,"
                + "\"seq_len\":81,\"num_puzzle_identifiers\":1,\"total_groups\":1,\"mean_puzzle_examples\":1.0,"
                + "\"sets\":[\"all\"]}"), meta);
    }

    private static void assertHeader(Path f, String... parts) throws Exception {
        byte[] b = Files.readAllBytes(f);
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        int len = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
        assertEquals(0, (10 + len) % 64, "header is padded to 64 bytes");
        String header = new String(b, 10, len, StandardCharsets.US_ASCII);
        assertTrue(header.endsWith("\n"));
        for (String p : parts) {
            assertTrue(header.contains(p), f + ": " + header);
        }
    }

    @Test
    void mazeBuildGroupsTheEightDihedralTransforms() throws Exception {
        MazeGenerator gen = new MazeGenerator(10, 10, 3);
        List<MazePuzzle> mazes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mazes.add(gen.next("m" + i, MazeDifficulty.any()));
        }
        DatasetSummary s = MazeDatasetBuilder.build(mazes.subList(0, 2), mazes.subList(2, 3), true, dir);
        assertEquals(16, s.splits().get("train").examples());
        DatasetSplit train = ReferenceDataset.open(dir).split("train").orElseThrow();
        assertArrayEquals(new int[] {0, 8, 16}, train.groupIndices());
        assertEquals(6, train.metadata().vocabSize());
        assertEquals(100, train.metadata().seqLen());
        assertEquals(1, ReferenceDataset.open(dir).split("test").orElseThrow().exampleCount());
    }

    @Test
    void mazesOfSeveralSizesShareOneCanvasWithTheirOwnCellsAloneInTheLoss() throws Exception {
        List<MazePuzzle> small = new ArrayList<>();
        MazeGenerator five = new MazeGenerator(5, 5, 4);
        for (int i = 0; i < 6; i++) {
            small.add(five.next("s" + i, MazeDifficulty.any()));
        }
        MazePuzzle big = new MazeGenerator(9, 9, 5).next("b", MazeDifficulty.any());
        List<MazePuzzle> train = new ArrayList<>(small.subList(0, 5));
        train.add(big);
        DatasetSummary s = MazeDatasetBuilder.build(train, List.of(small.get(5)), true, 9, 7, dir);
        assertEquals(81, s.seqLen());
        DatasetSplit split = ReferenceDataset.open(dir).split("train").orElseThrow();
        assertEquals(48, split.exampleCount());
        Set<Integer> corners = new TreeSet<>();
        for (int e = 0; e < 48; e++) {
            int[] in = split.inputs(e);
            int[] label = split.labels(e);
            int side = e < 40 ? 5 : 9;
            int first = 0;
            while (label[first] == 0) {
                first++;
            }
            int top = first / 9;
            int left = first % 9;
            corners.add(top * 10 + left);
            assertEquals(0, top % 2, "even offsets keep the corridor lattice");
            assertEquals(0, left % 2);
            int[] expectIn = new MazeCodec(side, side).encode(Dihedral.of(e % 8).apply(train.get(e / 8).maze()));
            int[] expectLabel = new MazeCodec(side, side).encode(Dihedral.of(e % 8).apply(train.get(e / 8).solution()));
            for (int i = 0; i < 81; i++) {
                int r = i / 9 - top;
                int c = i % 9 - left;
                boolean inside = r >= 0 && r < side && c >= 0 && c < side;
                assertEquals(inside ? expectIn[r * side + c] : 1, in[i], "input " + e + "/" + i + ": walls around");
                assertEquals(inside ? expectLabel[r * side + c] : 0, label[i], "label " + e + "/" + i
                        + ": PAD, ignored by the loss, around");
            }
        }
        assertTrue(corners.size() > 2, "the small mazes are placed all over the canvas: " + corners);
        int[] testLabel = ReferenceDataset.open(dir).split("test").orElseThrow().labels(0);
        assertTrue(testLabel[0] != 0 && testLabel[4] != 0 && testLabel[5] == 0, "a test maze sits top-left");
        assertThrows(IllegalArgumentException.class,
                () -> MazeDatasetBuilder.build(List.of(big), List.of(big), false, 7, 0, dir.resolve("x")));
        assertThrows(IllegalArgumentException.class,
                () -> MazeDatasetBuilder.build(List.of(big, small.get(0)), List.of(big), false, dir.resolve("y")));
    }

    @Test
    void arcBuildFollowsTheReferenceSplitAndNamingRules() throws Exception {
        Path src = dir.resolve("src");
        Path training = Files.createDirectories(src.resolve("training"));
        Path evaluation = Files.createDirectories(src.resolve("evaluation"));
        for (String id : List.of("007bbfb7", "3c9b0459")) {
            Files.copy(TestData.DATA.resolve("arc-agi-1/training/" + id + ".json"), training.resolve(id + ".json"));
        }
        Files.copy(TestData.DATA.resolve("arc-agi-1/evaluation/00576224.json"), evaluation.resolve("00576224.json"));
        Path out = dir.resolve("out");
        DatasetSummary s = ArcDatasetBuilder.build(List.of(src), 2, 42, out);
        ReferenceDataset ours = ReferenceDataset.open(out);
        ReferenceDataset ref = ReferenceDataset.open(fixture("arc-ref"));
        assertEquals(10, s.numPuzzleIdentifiers());
        for (String split : List.of("train", "test")) {
            DatasetSplit a = ours.split(split).orElseThrow();
            DatasetSplit b = ref.split(split).orElseThrow();
            assertEquals(b.metadata(), a.metadata(), split);
            assertEquals(b.exampleCount(), a.exampleCount());
            assertEquals(sortedSizes(b), sortedSizes(a));
        }
        assertEquals(names(ref.identifiers()), names(ours.identifiers()));
        for (String name : ours.identifiers().subList(1, 10)) {
            assertTrue(name.matches("[0-9a-f]{8}(_t[0-7]_0[0-9]{9})?"), name);
        }
        DatasetSplit test = ours.split("test").orElseThrow();
        ArcTask eval = ArcLoader.read(TestData.DATA.resolve("arc-agi-1/evaluation/00576224.json"));
        for (int e = 0; e < test.exampleCount(); e++) {
            String name = ours.identifierName(test.puzzleIdentifiers()[test.puzzleOfExample(e)]);
            assertEquals("00576224", ArcAugmentation.taskId(name));
            ArcAugmentation aug = ArcAugmentation.fromName(name);
            assertEquals(eval.test().get(0).input(), aug.invert(ArcCodec.INSTANCE.decode(test.inputs(e)).orElseThrow()));
            assertEquals(eval.test().get(0).output(), aug.invert(ArcCodec.INSTANCE.decode(test.labels(e)).orElseThrow()));
        }
        DatasetSplit train = ours.split("train").orElseThrow();
        int[] pIdx = train.puzzleIndices();
        for (int p = 0; p < train.puzzleCount(); p++) {
            int atCorner = 0;
            for (int e = pIdx[p]; e < pIdx[p + 1]; e++) {
                atCorner += train.inputs(e)[0] >= 2 ? 1 : 0;
            }
            assertTrue(atCorner >= 1, "one example per puzzle stays untranslated");
        }
    }

    @Test
    void arcBuildOnASmallCanvasLeavesOutTasksThatDoNotFit() throws Exception {
        Path evaluation = Files.createDirectories(dir.resolve("small/evaluation"));
        for (String id : List.of("0d3d703e", "6150a2bd", "007bbfb7")) {
            Files.copy(TestData.DATA.resolve("arc-agi-1/training/" + id + ".json"), evaluation.resolve(id + ".json"));
        }
        Path out = dir.resolve("small-out");
        DatasetSummary s = ArcDatasetBuilder.build(List.of(dir.resolve("small")), 3, 7, 4, out);
        assertEquals(16, s.seqLen());
        assertEquals(1, s.skipped().size());
        assertTrue(s.skipped().get(0).startsWith("007bbfb7") && s.skipped().get(0).contains("4x4"),
                s.skipped().get(0));
        ReferenceDataset ds = ReferenceDataset.open(out);
        ArcCodec codec = ArcCodec.of(4);
        DatasetSplit test = ds.split("test").orElseThrow();
        assertEquals(16, test.metadata().seqLen());
        assertEquals(8, test.exampleCount(), "2 tasks x 4 variants x 1 test pair");
        for (int e = 0; e < test.exampleCount(); e++) {
            String name = ds.identifierName(test.puzzleIdentifiers()[test.puzzleOfExample(e)]);
            ArcTask task = ArcLoader.read(TestData.DATA.resolve("arc-agi-1/training/"
                    + ArcAugmentation.taskId(name) + ".json"));
            ArcAugmentation aug = ArcAugmentation.fromName(name);
            assertEquals(task.test().get(0).output(), aug.invert(codec.decode(test.labels(e)).orElseThrow()));
        }
        DatasetSplit train = ds.split("train").orElseThrow();
        boolean moved = false;
        for (int e = 0; e < train.exampleCount(); e++) {
            moved |= train.inputs(e)[0] < 2;
        }
        assertTrue(moved, "training examples are translated on the small canvas too");
    }

    private static List<Integer> sortedSizes(DatasetSplit s) {
        int[] p = s.puzzleIndices();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i + 1 < p.length; i++) {
            sizes.add(p[i + 1] - p[i]);
        }
        sizes.sort(null);
        return sizes;
    }

    private static Set<String> names(List<String> ids) {
        Set<String> out = new TreeSet<>();
        for (String s : ids) {
            out.add(ArcAugmentation.taskId(s) + (s.contains("_t") ? "_aug" : ""));
        }
        return out;
    }

    @Test
    void rejectsInconsistentDatasetsNamingTheFile() throws Exception {
        SudokuDatasetBuilder.build(sudokuRows(0, 2), sudokuRows(2, 3), 1, 1, dir);
        Files.write(dir.resolve("train/all__puzzle_indices.npy"),
                Files.readAllBytes(dir.resolve("train/all__group_indices.npy")));
        PuzzleFormatException e = assertThrows(PuzzleFormatException.class, () -> ReferenceDataset.open(dir));
        assertTrue(e.getMessage().contains("all__puzzle_indices.npy"), e.getMessage());
        assertTrue(Arrays.asList(dir.resolve("train").toFile().list()).stream().noneMatch(n -> n.endsWith(".tmp")));
    }
}
