package org.hrmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.ParityWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "learned" positions mean no RoPE, as in the reference; HRM Lab model files written before the engine followed that
 * were run and trained with RoPE as well, and must keep doing so.
 */
class PositionEncodingCompatibilityTest {
    private static final HrmConfig LEARNED = HrmConfig.builder().seqLen(16).vocabSize(6).puzzleEmbNdim(0)
            .hiddenSize(32).numHeads(2).hLayers(1).lLayers(1).haltMaxSteps(4).posEncodings("learned").build();

    @TempDir
    Path dir;

    @Test
    void aModelWrittenNowKeepsItsPositionEncoding() throws Exception {
        for (String pos : new String[] {"rope", "learned", HrmConfig.LEARNED_AND_ROPE}) {
            HrmConfig c = LEARNED.withPosEncodings(pos);
            Path f = dir.resolve(pos + ".safetensors");
            HrmLabModelFile.write(f, c, ParityWeights.random(c, 1), Map.of());
            assertEquals(c, CheckpointLoader.load(f).config(), pos);
        }
    }

    @Test
    void anOlderLearnedModelFileReadsAsLearnedPlusRope() throws Exception {
        Path f = dir.resolve("old.safetensors");
        Map<String, String> metadataWithoutPositionsKey = Map.of(HrmLabModelFile.FORMAT_KEY, HrmLabModelFile.FORMAT,
                "hrmlab.config", new ObjectMapper().writeValueAsString(LEARNED));
        Safetensors.write(f, ParityWeights.random(LEARNED, 1), metadataWithoutPositionsKey);
        assertEquals(LEARNED.withPosEncodings(HrmConfig.LEARNED_AND_ROPE), CheckpointLoader.load(f).config());
    }

    @Test
    void theShippedSudokuModelKeepsTheRopeItWasTrainedWith() throws Exception {
        Path f = dir.resolve("sudoku.safetensors");
        try (InputStream in = getClass().getResourceAsStream("/org/hrmlab/puzzles/models/sudoku/model.safetensors")) {
            assertNotNull(in, "the shipped Sudoku model is on the class path");
            Files.copy(in, f);
        }
        assertEquals(HrmConfig.LEARNED_AND_ROPE, CheckpointLoader.load(f).config().posEncodings());
    }

    @Test
    void aReferenceCheckpointWithLearnedPositionsHasNoRope() throws Exception {
        Path ckpt = TorchZip.of(ParityWeights.random(LEARNED, 1), "_orig_mod.model.inner.")
                .write(dir.resolve("step_1"));
        Files.writeString(dir.resolve("all_config.yaml"), """
                arch:
                  H_cycles: 2
                  H_layers: 1
                  L_cycles: 2
                  L_layers: 1
                  expansion: 4
                  halt_max_steps: 4
                  hidden_size: 32
                  num_heads: 2
                  pos_encodings: learned
                  puzzle_emb_ndim: 0
                """);
        HrmConfig c = CheckpointLoader.load(ckpt).config();
        assertEquals("learned", c.posEncodings());
        assertEquals(16, c.seqLen());
    }
}
