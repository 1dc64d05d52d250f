package org.hrmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.ParityWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model trained with puzzle embeddings knows which identifier each training puzzle had, by name. */
class PuzzleIdentifierNamesTest {
    private static final HrmConfig ARC = HrmConfig.builder().seqLen(16).vocabSize(12).numPuzzleIdentifiers(4)
            .hiddenSize(32).numHeads(2).hLayers(1).lLayers(1).haltMaxSteps(4).build();

    @TempDir
    Path dir;

    @Test
    void aTaskNameFindsTheIdentifierItWasTrainedUnder() throws Exception {
        Path f = dir.resolve("arc.safetensors");
        HrmLabModelFile.write(f, ARC, ParityWeights.random(ARC, 1), Map.of(ModelCheckpoint.IDENTIFIERS_KEY,
                "[\"<blank>\", \"0d3d703e\", \"0d3d703e_t1_0123456789\", \"6150a2bd\"]"));
        ModelCheckpoint m = CheckpointLoader.load(f);
        assertEquals(List.of("<blank>", "0d3d703e", "0d3d703e_t1_0123456789", "6150a2bd"), m.puzzleIdentifiers());
        assertEquals(1, m.puzzleIdFor("0d3d703e#0"));
        assertEquals(3, m.puzzleIdFor("6150a2bd.json"));
        assertEquals(1, m.puzzleIdFor("arc/0d3d703e #1"), "a lab catalogue name");
        assertEquals(2, m.puzzleIdFor("0d3d703e_t1_0123456789"));
        assertEquals(0, m.puzzleIdFor("ffffffff#0"), "an unknown task gets the blank identifier");
    }

    @Test
    void aModelWithoutNamesUsesTheBlankIdentifier() throws Exception {
        Path f = dir.resolve("plain.safetensors");
        HrmLabModelFile.write(f, ARC, ParityWeights.random(ARC, 1), Map.of());
        ModelCheckpoint m = CheckpointLoader.load(f);
        assertTrue(m.puzzleIdentifiers().isEmpty());
        assertEquals(0, m.puzzleIdFor("0d3d703e#0"));
    }

    @Test
    void malformedNamesAreRefusedWithTheFileNamed() throws Exception {
        Path f = dir.resolve("bad.safetensors");
        HrmLabModelFile.write(f, ARC, ParityWeights.random(ARC, 1), Map.of(ModelCheckpoint.IDENTIFIERS_KEY,
                "{not a list"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(f));
        assertTrue(e.getMessage().contains("bad.safetensors") && e.getMessage().contains("puzzle names"),
                e.getMessage());
    }
}
