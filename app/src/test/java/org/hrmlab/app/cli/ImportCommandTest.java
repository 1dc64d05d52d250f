package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.FileHashes;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {
    private static final Path CHECKPOINT = Path.of(System.getProperty("hrmlab.shared", "../shared"),
            "fixtures/hrm-golden/train-small/checkpoint/step_0");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new HrmLabCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void importsTheGoldenCheckpointAndReloadsItBitForBit() throws Exception {
        Path model = dir.resolve("models/train-small.safetensors");
        assertEquals(0, run("import", "--checkpoint", CHECKPOINT.toString(), "--out", model.toString()), err::toString);

        JsonNode s = new ObjectMapper().readTree(out.toString());
        assertEquals(FileHashes.sha256(CHECKPOINT), s.get("source_sha256").asText());
        assertEquals(FileHashes.sha256(model), s.get("out_sha256").asText());
        assertEquals(0, s.get("step").asInt());
        assertEquals(32, s.get("config").get("hiddenSize").asInt());
        assertEquals(4, s.get("config").get("numPuzzleIdentifiers").asInt());
        assertEquals("H_init", s.get("keys").get(0).asText());
        assertEquals(6 + 1 + 4 * 4, s.get("keys").size());
        long perBlock = 3 * 32 * 32 + 32 * 32 + 2 * 256 * 32 + 32 * 256;
        assertEquals(4 * perBlock + 2L * 11 * 32 + 2 * 32 + 2, s.get("parameters").asLong(),
                "vocab 11; puzzle table and H_init/L_init excluded as in the reference");
        assertEquals(4 * 32, s.get("puzzle_table_values").asLong());

        ModelCheckpoint source = CheckpointLoader.load(CHECKPOINT);
        ModelCheckpoint back = CheckpointLoader.load(model);
        assertEquals(source.config(), back.config());
        assertEquals(source.weights().keySet(), back.weights().keySet());
        for (var e : source.weights().entrySet()) {
            HostTensor b = back.weights().get(e.getKey());
            assertArrayEquals(e.getValue().shape(), b.shape(), e.getKey());
            assertTrue(Arrays.equals(bits(e.getValue().data()), bits(b.data())), e.getKey());
        }
        assertEquals("hrmlab-model-1", back.provenance().get("format"));
        assertEquals("reference-torch", back.provenance().get("source_format"));
        assertEquals("step_0", back.provenance().get("source_file"));
        assertEquals(source.sha256(), back.provenance().get("source_sha256"));
        assertEquals("0", back.provenance().get("step"));
        assertTrue(back.provenance().get("command").startsWith("hrmlab import --checkpoint "));
    }

    @Test
    void truncatedCheckpointExitsWithTwoAndOneLine() throws Exception {
        Path copy = dir.resolve("step_7");
        byte[] all = Files.readAllBytes(CHECKPOINT);
        Files.write(copy, Arrays.copyOf(all, all.length - 100));
        Files.copy(CHECKPOINT.resolveSibling("all_config.yaml"), dir.resolve("all_config.yaml"));
        Path model = dir.resolve("model.safetensors");

        assertEquals(2, run("import", "--checkpoint", copy.toString(), "--out", model.toString()));
        String line = err.toString();
        assertTrue(line.startsWith(copy.toString() + ": "), line);
        assertEquals(1, line.lines().count(), line);
        assertEquals("", out.toString());
        assertFalse(Files.exists(model));
    }

    private static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }
}
