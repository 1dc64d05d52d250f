package org.hrmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hrmlab.engine.HostTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointLoaderTest {
    static final Path GOLDEN = Path.of(System.getProperty("hrmlab.shared", "../shared"), "fixtures/hrm-golden");
    static final Path SUDOKU = GOLDEN.resolve("sudoku-small/checkpoint/step_0");
    static final Path TRAIN = GOLDEN.resolve("train-small/checkpoint/step_0");

    @TempDir
    Path dir;

    @Test
    void loadsTheReferenceCheckpointWithSizesFromTensorShapes() throws Exception {
        ModelCheckpoint m = CheckpointLoader.load(SUDOKU);
        assertEquals(11, m.config().vocabSize());
        assertEquals(64, m.config().hiddenSize());
        assertEquals(4, m.config().numHeads());
        assertEquals(0, m.config().seqLen());
        assertEquals(0, m.config().puzzleEmbLen());
        assertEquals(6 + (2 + 2) * 4, m.weights().size());
        assertArrayEquals(new long[] {3 * 64, 64}, m.weights().get("L_level.layers.0.self_attn.qkv_proj.weight").shape());
        assertEquals("reference-torch", m.provenance().get("format"));
        assertEquals("0", m.provenance().get("step"));
        assertEquals(64, m.sha256().length());
        for (float v : m.weights().get("H_init").data()) {
            assertEquals(0, Float.floatToIntBits(v) & 0xFFFF, "H_init holds bfloat16 values");
        }
    }

    @Test
    void readsThePuzzleEmbeddingTableAndItsIdCount() throws Exception {
        ModelCheckpoint m = CheckpointLoader.load(TRAIN);
        assertEquals(4, m.config().numPuzzleIdentifiers());
        assertEquals(1, m.config().puzzleEmbLen());
        assertArrayEquals(new long[] {4, 32}, m.weights().get("puzzle_emb.weights").shape());
        assertArrayEquals(new long[] {2}, m.weights().get("q_head.bias").shape());
    }

    @Test
    void roundTripsThroughTheHrmLabFormatBitForBit() throws Exception {
        ModelCheckpoint ref = CheckpointLoader.load(TRAIN);
        Path out = dir.resolve("model.safetensors");
        HrmLabModelFile.write(out, ref.config(), ref.weights(), Map.of("command", "test"));
        ModelCheckpoint back = CheckpointLoader.load(out);
        assertEquals(ref.config(), back.config());
        assertEquals("test", back.provenance().get("command"));
        for (var e : ref.weights().entrySet()) {
            assertArrayEquals(e.getValue().data(), back.weights().get(e.getKey()).data(), 0f, e.getKey());
        }
    }

    @Test
    void refusesHostileGlobalsWithoutRunningThem() throws Exception {
        Path marker = dir.resolve("pwned");
        byte[] cmd = ("touch " + marker).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(new byte[] {(byte) 0x80, 2});
        p.write("cos\nsystem\n".getBytes(StandardCharsets.US_ASCII));
        p.write('X');
        p.write(new byte[] {(byte) cmd.length, 0, 0, 0});
        p.write(cmd);
        p.write(new byte[] {(byte) 0x85, 'R', '.'});
        Path f = zipWithPickle("evil", p.toByteArray());
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(f));
        assertTrue(e.getMessage().contains("os.system") && e.getMessage().contains(f.toString()), e.getMessage());
        assertFalse(Files.exists(marker));

        ByteArrayOutputStream q = new ByteArrayOutputStream();
        q.write(new byte[] {(byte) 0x80, 4, (byte) 0x8c, 8});
        q.write("builtins".getBytes(StandardCharsets.US_ASCII));
        q.write(new byte[] {(byte) 0x8c, 4});
        q.write("eval".getBytes(StandardCharsets.US_ASCII));
        q.write(new byte[] {(byte) 0x93, (byte) 0x8c, 1, '1', (byte) 0x85, 'R', '.'});
        Path g = zipWithPickle("evil2", q.toByteArray());
        e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(g));
        assertTrue(e.getMessage().contains("builtins.eval"), e.getMessage());
    }

    @Test
    void namesTheFileAndProblemForBrokenInput() throws Exception {
        Path copy = dir.resolve("step_5");
        byte[] all = Files.readAllBytes(SUDOKU);
        Files.write(copy, Arrays.copyOf(all, all.length / 2));
        Files.copy(SUDOKU.resolveSibling("all_config.yaml"), dir.resolve("all_config.yaml"));
        assertOneLine(assertThrows(CheckpointException.class, () -> CheckpointLoader.load(copy)), copy);

        Path lonely = Files.createDirectories(dir.resolve("lonely")).resolve("checkpoint");
        Files.copy(SUDOKU, lonely);
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(lonely));
        assertTrue(e.getMessage().contains("all_config.yaml"), e.getMessage());

        Path wrongDir = Files.createDirectories(dir.resolve("wrong"));
        Files.copy(SUDOKU, wrongDir.resolve("step_0"));
        Files.writeString(wrongDir.resolve("all_config.yaml"),
                Files.readString(SUDOKU.resolveSibling("all_config.yaml")).replace("hidden_size: 64", "hidden_size: 128"));
        e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(wrongDir.resolve("step_0")));
        assertTrue(e.getMessage().contains("shape"), e.getMessage());

        Path garbage = dir.resolve("garbage");
        Files.writeString(garbage, "not a model at all");
        assertOneLine(assertThrows(CheckpointException.class, () -> CheckpointLoader.load(garbage)), garbage);
    }

    @Test
    void rejectsSafetensorsWhoseHeaderLies() throws Exception {
        Map<String, HostTensor> t = new LinkedHashMap<>();
        t.put("a", new HostTensor(new long[] {2, 2}, new float[] {1, 2, 3, 4}));
        Path f = dir.resolve("x.safetensors");
        Safetensors.write(f, t, Map.of());
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 4));
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(f));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }

    private static void assertOneLine(CheckpointException e, Path file) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private Path zipWithPickle(String root, byte[] pickle) throws Exception {
        Path f = dir.resolve(root);
        try (OutputStream os = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry(root + "/data.pkl"));
            zip.write(pickle);
            zip.closeEntry();
        }
        Files.copy(SUDOKU.resolveSibling("all_config.yaml"), dir.resolve("all_config.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return f;
    }
}
