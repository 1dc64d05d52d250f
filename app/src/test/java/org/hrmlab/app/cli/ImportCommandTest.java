package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hrmlab.app.TestData;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.FileHashes;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    static final Path CKPT = TestData.HRM_GOLDEN.resolve("train-small/checkpoint/step_0");

    @TempDir
    Path dir;

    @Test
    void convertsAReferenceCheckpointBitForBit() throws Exception {
        Path out = dir.resolve("models/train-small.safetensors");
        CliRun run = CliRun.of("import", "--checkpoint", CKPT.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());

        JsonNode s = Json.MAPPER.readTree(run.out());
        assertEquals(out.toString(), s.get("out").asText());
        assertEquals(FileHashes.sha256(CKPT), s.get("source_sha256").asText());
        assertEquals(FileHashes.sha256(out), s.get("out_sha256").asText());
        assertEquals(0, s.get("step").asInt());
        assertEquals(32, s.get("config").get("hiddenSize").asInt());
        assertEquals(4, s.get("config").get("numPuzzleIdentifiers").asInt());
        assertEquals("H_init", s.get("keys").get(0).asText());
        assertEquals(6 + 1 + 4 * 4, s.get("keys").size());
        long perBlock = 3 * 32 * 32 + 32 * 32 + 2 * 256 * 32 + 32 * 256;
        assertEquals(4 * perBlock + 2L * 11 * 32 + 2 * 32 + 2, s.get("parameters").asLong(),
                "vocab 11; puzzle table and H_init/L_init excluded as in the reference");
        assertEquals(4 * 32, s.get("puzzle_table_values").asLong());

        ModelCheckpoint ref = CheckpointLoader.load(CKPT);
        ModelCheckpoint back = CheckpointLoader.load(out);
        assertEquals(ref.config(), back.config());
        assertEquals(ref.weights().keySet(), back.weights().keySet());
        for (var e : ref.weights().entrySet()) {
            HostTensor b = back.weights().get(e.getKey());
            assertArrayEquals(e.getValue().shape(), b.shape(), e.getKey());
            assertArrayEquals(bits(e.getValue().data()), bits(b.data()), e.getKey());
        }
        assertEquals("hrmlab-model-1", back.provenance().get("format"));
        assertEquals("reference-torch", back.provenance().get("source_format"));
        assertEquals("step_0", back.provenance().get("source_file"));
        assertEquals(ref.sha256(), back.provenance().get("source_sha256"));
        assertEquals("0", back.provenance().get("step"));
        assertTrue(back.provenance().get("command").startsWith("hrmlab import --checkpoint "));
    }

    @Test
    void aCopyOfAShippedModelNamesItsSourceShippedNotItsTemporaryCopy() throws Exception {
        Path out = dir.resolve("maze-bf16.safetensors");
        CliRun run = CliRun.of("import", "--checkpoint", "shipped:maze", "--out", out.toString(), "--dtype", "bf16");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("shipped:maze", Json.MAPPER.readTree(run.out()).get("source").asText());
        var provenance = CheckpointLoader.load(out).provenance();
        assertEquals("hrmlab import --checkpoint shipped:maze --out " + out + " --dtype bf16", provenance.get("command"));
        assertEquals("shipped:maze", provenance.get("source_file"));
        assertFalse(provenance.toString().contains("hrmlab-maze"), provenance.toString());
    }

    @Test
    void aShippedCopyRecordsItsDataRelativeToTheRepositoryWithTheSameTensors() throws Exception {
        Path model = dir.resolve("model.safetensors");
        assertEquals(0, CliRun.of("import", "--checkpoint", CKPT.toString(), "--out", model.toString()).exitCode());
        Path shipped = dir.resolve("shipped.safetensors");
        CliRun run = CliRun.of("import", "--checkpoint", model.toString(), "--out", shipped.toString(),
                "--provenance-data", "data/sudoku-9x9-easy-40k");
        assertEquals(0, run.exitCode(), run.err());

        ModelCheckpoint source = CheckpointLoader.load(model);
        ModelCheckpoint copy = CheckpointLoader.load(shipped);
        assertEquals("data/sudoku-9x9-easy-40k", copy.provenance().get("data"));
        assertEquals(source.config(), copy.config());
        for (var e : source.weights().entrySet()) {
            assertArrayEquals(bits(e.getValue().data()), bits(copy.weights().get(e.getKey()).data()), e.getKey());
        }
        assertEquals("hrmlab-model-1", copy.provenance().get("source_format"));
    }

    @Test
    void aTruncatedCheckpointIsOneClearLine() throws Exception {
        Path copy = dir.resolve("step_9");
        byte[] b = Files.readAllBytes(CKPT);
        Files.write(copy, Arrays.copyOf(b, b.length - 5000));
        Files.copy(CKPT.resolveSibling("all_config.yaml"), dir.resolve("all_config.yaml"));
        Path out = dir.resolve("o");
        CliRun run = CliRun.of("import", "--checkpoint", copy.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("hrmlab import: " + copy + ": "), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(out));
    }

    @Test
    void refusesToOverwriteTheCheckpointItself() throws Exception {
        Path copy = Files.copy(CKPT, dir.resolve("step_0"));
        Files.copy(CKPT.resolveSibling("all_config.yaml"), dir.resolve("all_config.yaml"));
        CliRun run = CliRun.of("import", "--checkpoint", copy.toString(), "--out", copy.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--out names the checkpoint itself"), run.err());
        assertArrayEquals(Files.readAllBytes(CKPT), Files.readAllBytes(copy));
    }

    @Test
    void aBfloat16CopyIsHalfTheSizeWithEachValueRoundedToTheNearest() throws Exception {
        Path model = dir.resolve("model.safetensors");
        assertEquals(0, CliRun.of("import", "--checkpoint", CKPT.toString(), "--out", model.toString()).exitCode());
        Path half = dir.resolve("half.safetensors");
        CliRun run = CliRun.of("import", "--checkpoint", model.toString(), "--out", half.toString(), "--dtype", "bf16");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("bf16", Json.MAPPER.readTree(run.out()).get("dtype").asText());

        ModelCheckpoint source = CheckpointLoader.load(model);
        ModelCheckpoint copy = CheckpointLoader.load(half);
        assertEquals(source.config(), copy.config());
        long values = 0;
        for (var e : source.weights().entrySet()) {
            float[] a = e.getValue().data();
            float[] b = copy.weights().get(e.getKey()).data();
            values += a.length;
            for (int i = 0; i < a.length; i++) {
                assertEquals(0, Float.floatToRawIntBits(b[i]) & 0xFFFF, e.getKey() + "[" + i + "] is a bfloat16");
                assertTrue(Math.abs(a[i] - b[i]) <= Math.ulp(b[i]) * (1 << 15), e.getKey() + "[" + i + "]: " + a[i]
                        + " stored as " + b[i]);
            }
        }
        assertTrue(Files.size(half) < Files.size(model) - values, Files.size(half) + " against " + Files.size(model));
        assertEquals("bf16", copy.provenance().get("stored_as"));
        assertEquals(source.provenance().get("step"), copy.provenance().get("step"));
        assertFalse(source.provenance().containsKey("stored_as"));

        Path wide = dir.resolve("wide.safetensors");
        assertEquals(0, CliRun.of("import", "--checkpoint", half.toString(), "--out", wide.toString()).exitCode());
        assertFalse(CheckpointLoader.load(wide).provenance().containsKey("stored_as"), "a float32 copy says nothing");
    }

    @Test
    void anUnknownDtypeIsAUsageError() throws Exception {
        Path out = dir.resolve("o.safetensors");
        CliRun run = CliRun.of("import", "--checkpoint", CKPT.toString(), "--out", out.toString(), "--dtype", "f8");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'f8' is not one of f32, bf16"), run.err());
        assertFalse(Files.exists(out));
    }

    private static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }
}
