package org.hrmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.TestData;
import org.hrmlab.engine.model.HrmInitializer;
import org.hrmlab.puzzles.PuzzleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What puzzle a model takes, inferred from its file: the one place the lab and the command line ask. */
class ModelInputsTest {
    @TempDir
    Path dir;

    private static HrmConfig rope(int vocab, int seqLen) {
        return HrmConfig.builder().seqLen(seqLen).vocabSize(vocab).puzzleEmbNdim(0).hiddenSize(16).numHeads(2)
                .expansion(2).hLayers(1).lLayers(1).hCycles(1).lCycles(1).haltMaxSteps(2).build();
    }

    /** A reference checkpoint (torch zip, all_config.yaml beside it) of a RoPE model with the given vocabulary. */
    private Path referenceCheckpoint(String folder, int vocab, String dataPath) throws Exception {
        Path d = Files.createDirectories(dir.resolve(folder));
        HrmConfig c = rope(vocab, 0);
        Path f = TorchZip.of(HrmInitializer.init(c.withSeqLen(1), 3), "_orig_mod.model.inner.")
                .write(d.resolve("step_1"));
        Files.writeString(d.resolve("all_config.yaml"), """
                arch:
                  name: hrm.hrm_act_v1@HierarchicalReasoningModel_ACTV1
                  hidden_size: 16
                  num_heads: 2
                  expansion: 2
                  H_layers: 1
                  L_layers: 1
                  H_cycles: 1
                  L_cycles: 1
                  halt_max_steps: 2
                  puzzle_emb_ndim: 0
                  pos_encodings: rope
                data_path: %s
                """.formatted(dataPath));
        return f;
    }

    @Test
    void aReferenceMazeCheckpointTakesWhatItsDataPathNames() throws Exception {
        ModelInputs in = ModelInputs.of(CheckpointLoader.load(
                referenceCheckpoint("maze", 6, "data/maze-30x30-hard-1k")));
        assertEquals(Optional.of(PuzzleKind.MAZE), in.kind());
        assertEquals(30, in.rows());
        assertEquals(900, in.seqLen());
        assertEquals(ModelInputs.Fit.FITS, in.fit(PuzzleKind.MAZE, 30, 30));
        assertEquals(ModelInputs.Fit.DOES_NOT_FIT, in.fit(PuzzleKind.SUDOKU, 4, 4), "same vocabulary, other kind");
        String why = in.mismatch(PuzzleKind.SUDOKU, 4, 4);
        assertNotNull(why);
        assertTrue(why.startsWith("step_1 takes 30x30 mazes (900 tokens), from its training data "
                + "'data/maze-30x30-hard-1k'") && why.endsWith("this is a 4x4 Sudoku"), why);
        assertEquals("7 tokens, but step_1 takes 900 (30x30 mazes, from its training data "
                + "'data/maze-30x30-hard-1k')", in.lengthMismatch(7));
        assertNull(in.lengthMismatch(900));
    }

    @Test
    void theSameVocabularyWithASudokuDataPathTakesFourByFourSudokus() throws Exception {
        ModelInputs in = ModelInputs.of(CheckpointLoader.load(
                referenceCheckpoint("sudoku", 6, "data/sudoku-4x4-medium")));
        assertEquals(Optional.of(PuzzleKind.SUDOKU), in.kind());
        assertEquals(16, in.seqLen());
        assertEquals(ModelInputs.Fit.DOES_NOT_FIT, in.fit(PuzzleKind.MAZE, 4, 4));
    }

    @Test
    void withoutAnyHintASixTokenVocabularyStaysUndecided() throws Exception {
        ModelInputs in = ModelInputs.of(dir.resolve("m.safetensors"), rope(6, 0), Map.of());
        assertTrue(in.kind().isEmpty());
        assertEquals(Set.of(PuzzleKind.SUDOKU, PuzzleKind.MAZE), in.candidates());
        assertEquals(0, in.seqLen(), "unknown, not guessed");
        assertNull(in.lengthMismatch(7));
        assertEquals(ModelInputs.Fit.UNKNOWN, in.fit(PuzzleKind.SUDOKU, 4, 4));
        assertEquals(ModelInputs.Fit.UNKNOWN, in.fit(PuzzleKind.MAZE, 30, 30));
        assertEquals(ModelInputs.Fit.DOES_NOT_FIT, in.fit(PuzzleKind.SUDOKU, 9, 9));
        assertEquals(ModelInputs.Fit.DOES_NOT_FIT, in.fit(PuzzleKind.ARC, 3, 3));
        assertEquals("4x4 Sudokus or mazes", in.describe());
    }

    @Test
    void theVocabularyAloneSettlesNineByNineSudokuAndArc() throws Exception {
        ModelInputs sudoku = ModelInputs.of(CheckpointLoader.load(
                TestData.HRM_GOLDEN.resolve("sudoku-small/checkpoint/step_0")));
        assertEquals(Optional.of(PuzzleKind.SUDOKU), sudoku.kind());
        assertEquals(81, sudoku.seqLen());
        assertTrue(sudoku.basis().contains("vocabulary of 11 tokens"), sudoku.basis());

        ModelInputs arc = ModelInputs.of(dir.resolve("arc"), rope(12, 0), Map.of());
        assertEquals(Optional.of(PuzzleKind.ARC), arc.kind());
        assertEquals(900, arc.seqLen());
        assertEquals(ModelInputs.Fit.FITS, arc.fit(PuzzleKind.ARC, 30, 12));
        ModelInputs small = ModelInputs.of(dir.resolve("arc"), rope(12, 16), Map.of("format", "hrmlab-model-1"));
        assertEquals(4, small.rows());
        assertEquals(ModelInputs.Fit.DOES_NOT_FIT, small.fit(PuzzleKind.ARC, 5, 3), "larger than the canvas");
        assertTrue(small.mismatch(PuzzleKind.ARC, 5, 3).contains("ARC tasks on a 4x4 canvas (16 tokens)"));
    }

    @Test
    void aLearnedPositionTableOrTheDatasetBesideItFixesTheLength() throws Exception {
        HrmConfig learned = rope(6, 25).withPosEncodings("learned");
        ModelInputs in = ModelInputs.of(dir.resolve("x"), learned, Map.of("format", "reference-torch"));
        assertEquals(Optional.of(PuzzleKind.MAZE), in.kind(), "25 tokens cannot be a 4x4 Sudoku");
        assertEquals(5, in.rows());
        assertTrue(in.basis().contains("learned position table"), in.basis());

        Path data = Files.createDirectories(dir.resolve("run/data/mazes/train"));
        Files.writeString(data.resolve("dataset.json"), "{\"vocab_size\": 6, \"seq_len\": 81, "
                + "\"num_puzzle_identifiers\": 1}");
        Path ckpt = Files.createDirectories(dir.resolve("run/checkpoints")).resolve("step_5");
        ModelInputs found = ModelInputs.of(ckpt, rope(6, 0), Map.of("reference.data_path", "data/mazes"));
        assertEquals(81, found.seqLen());
        assertEquals(Optional.of(PuzzleKind.MAZE), found.kind());
        assertEquals(9, found.rows());
        assertTrue(found.basis().contains("dataset.json"), found.basis());
    }

    @Test
    void theShippedModelsSayWhatTheyTake() throws Exception {
        for (String[] c : new String[][] {{"sudoku", "4x4 Sudokus (16 tokens)"}, {"maze", "5x5 mazes (25 tokens)"},
            {"arc", "ARC tasks on a 4x4 canvas (16 tokens)"}, {"sudoku-9x9", "9x9 Sudokus (81 tokens)"},
            {"maze-7x7", "7x7 mazes (49 tokens)"}}) {
            Path f = dir.resolve(c[0] + ".safetensors");
            try (var in = ModelInputsTest.class.getResourceAsStream("/org/hrmlab/puzzles/models/" + c[0]
                    + "/model.safetensors")) {
                Files.copy(in, f);
            }
            assertEquals(c[1], ModelInputs.of(CheckpointLoader.load(f)).describe(), c[0]);
        }
    }
}
