package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    static final Path CKPT = Path.of(System.getProperty("hrmlab.shared", "../shared"),
            "fixtures/hrm-golden/train-small/checkpoint/step_0");

    @TempDir
    Path dir;

    @Test
    void convertsAReferenceCheckpointBitForBit() throws Exception {
        Path out = dir.resolve("m.safetensors");
        CliRun run = CliRun.of("import", "--checkpoint", CKPT.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode s = Json.MAPPER.readTree(run.out());
        assertEquals(out.toString(), s.get("out").asText());
        ModelCheckpoint ref = CheckpointLoader.load(CKPT);
        ModelCheckpoint back = CheckpointLoader.load(out);
        assertEquals(ref.config(), back.config());
        assertEquals(ref.sha256(), back.provenance().get("imported_from_sha256"));
        ref.weights().forEach((k, v) -> assertArrayEquals(v.data(), back.weights().get(k).data(), 0f, k));
    }

    @Test
    void aTruncatedCheckpointIsOneClearLine() throws Exception {
        Path copy = dir.resolve("step_9");
        byte[] b = Files.readAllBytes(CKPT);
        Files.write(copy, Arrays.copyOf(b, b.length - 5000));
        Files.copy(CKPT.resolveSibling("all_config.yaml"), dir.resolve("all_config.yaml"));
        CliRun run = CliRun.of("import", "--checkpoint", copy.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("hrmlab import: " + copy), run.err());
        assertEquals(1, run.err().strip().lines().count());
    }
}
