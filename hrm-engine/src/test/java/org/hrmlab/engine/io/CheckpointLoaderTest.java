package org.hrmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointLoaderTest {
    static final Path GOLDEN = TestData.HRM_GOLDEN;
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
        assertArrayEquals(new long[] {3 * 64, 64},
                m.weights().get("L_level.layers.0.self_attn.qkv_proj.weight").shape());
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
    void refusesWeightsThatAreNotFiniteNamingTheFileAndTensor() throws Exception {
        ModelCheckpoint ref = CheckpointLoader.load(TRAIN);
        Map<String, HostTensor> w = new LinkedHashMap<>(ref.weights());
        HostTensor head = w.get("lm_head.weight");
        float[] v = head.data().clone();
        v[3] = Float.NaN;
        v[7] = Float.POSITIVE_INFINITY;
        w.put("lm_head.weight", new HostTensor(head.shape(), v));

        Path model = dir.resolve("nan.safetensors");
        HrmLabModelFile.write(model, ref.config(), w, Map.of());
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(model));
        assertOneLine(e, model);
        assertTrue(e.getMessage().contains("tensor 'lm_head.weight'") && e.getMessage().contains("2 non-finite")
                && e.getMessage().contains("NaN"), e.getMessage());

        Path d = Files.createDirectories(dir.resolve("ref-nan"));
        Files.copy(TRAIN.resolveSibling("all_config.yaml"), d.resolve("all_config.yaml"));
        Path torch = TorchZip.of(w, "_orig_mod.model.inner.").write(d.resolve("step_3"));
        e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(torch));
        assertOneLine(e, torch);
        assertTrue(e.getMessage().contains("tensor 'lm_head.weight'"), e.getMessage());
    }

    @Test
    void refusesHostileGlobalsWithoutRunningThem() throws Exception {
        Path marker = dir.resolve("pwned");
        Path f = zipWithPickle("evil", HostilePickles.touching(marker));
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
                Files.readString(SUDOKU.resolveSibling("all_config.yaml"))
                        .replace("hidden_size: 64", "hidden_size: 128"));
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

    @Test
    void acceptsAnyPrefixAndArchiveRootName() throws Exception {
        ModelCheckpoint ref = CheckpointLoader.load(TRAIN);
        String[][] cases = {{"", "archive"}, {"_orig_mod.", "weird name-1"}, {"_orig_mod.model.inner.", "x"},
                {"model.inner.", "step_12"}};
        for (int i = 0; i < cases.length; i++) {
            Path d = Files.createDirectories(dir.resolve("case" + i));
            Files.copy(TRAIN.resolveSibling("all_config.yaml"), d.resolve("all_config.yaml"));
            Path f = TorchZip.of(ref.weights(), cases[i][0]).root(cases[i][1]).write(d.resolve("step_12"), i % 2 == 0);
            ModelCheckpoint m = CheckpointLoader.load(f);
            assertEquals(ref.config(), m.config(), cases[i][0]);
            assertEquals("12", m.provenance().get("step"));
            for (var e : ref.weights().entrySet()) {
                assertArrayEquals(e.getValue().data(), m.weights().get(e.getKey()).data(), 0f, e.getKey());
            }
        }
    }

    @Test
    void namesTensorsThatDoNotMatchTheConfig() throws Exception {
        Map<String, HostTensor> w = new LinkedHashMap<>(CheckpointLoader.load(TRAIN).weights());
        Map<String, HostTensor> missing = new LinkedHashMap<>(w);
        missing.remove("q_head.bias");
        assertTrue(mismatch(missing).contains("tensor 'q_head.bias' is missing; does the all_config.yaml"));

        Map<String, HostTensor> extra = new LinkedHashMap<>(w);
        extra.put("H_level.layers.2.mlp.down_proj.weight", new HostTensor(new long[] {1}, new float[1]));
        assertTrue(mismatch(extra).contains("unexpected tensor 'H_level.layers.2.mlp.down_proj.weight'"));

        Map<String, HostTensor> shape = new LinkedHashMap<>(w);
        shape.put("q_head.weight", new HostTensor(new long[] {3, 32}, new float[96]));
        assertTrue(mismatch(shape).contains("tensor 'q_head.weight' has shape [3, 32] but the config implies [2, 32]"));

        Map<String, HostTensor> twice = new LinkedHashMap<>(w);
        twice.put("_orig_mod.model.inner.H_init", w.get("H_init"));
        Path d = Files.createTempDirectory(dir, "twice");
        Files.copy(TRAIN.resolveSibling("all_config.yaml"), d.resolve("all_config.yaml"));
        Path f = TorchZip.of(twice, "").write(d.resolve("checkpoint"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(f));
        assertTrue(e.getMessage().endsWith("tensors 'H_init' and '_orig_mod.model.inner.H_init' are both 'H_init' once"
                + " the module prefixes are dropped"), e.getMessage());

        Map<String, HostTensor> noEmbed = new LinkedHashMap<>(w);
        noEmbed.remove("embed_tokens.embedding_weight");
        assertTrue(mismatch(noEmbed).contains("'embed_tokens.embedding_weight' is missing"));
    }

    private String mismatch(Map<String, HostTensor> weights) throws Exception {
        Path d = Files.createTempDirectory(dir, "m");
        Files.copy(TRAIN.resolveSibling("all_config.yaml"), d.resolve("all_config.yaml"));
        Path f = TorchZip.of(weights, "_orig_mod.model.inner.").write(d.resolve("checkpoint"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(f));
        assertOneLine(e, f);
        return e.getMessage();
    }

    @Test
    void namesTheYamlAndFieldForBadConfigs() throws Exception {
        String yaml = Files.readString(TRAIN.resolveSibling("all_config.yaml"));
        assertTrue(badYaml(yaml.replace("arch:", "model:")).endsWith("no 'arch:' block"));
        assertTrue(badYaml(yaml.replace("  hidden_size: 32\n", ""))
                .endsWith("arch.hidden_size is missing or not an integer"));
        assertTrue(badYaml(yaml.replace("hidden_size: 32", "hidden_size: 32.5")).contains("arch.hidden_size"));
        assertTrue(badYaml(yaml.replace("num_heads: 2", "num_heads: 3")).contains("not a multiple of num_heads 3"));
        assertTrue(badYaml(yaml.replace("pos_encodings: rope", "pos_encodings: alibi")).contains("'alibi'"));
        assertTrue(badYaml(yaml.replace("pos_encodings: rope", "pos_encodings: [rope]")).contains("not a string"));
        assertTrue(badYaml("arch: [unclosed\n").contains("unreadable YAML"));
        assertTrue(badYaml("").endsWith("no 'arch:' block"));
        assertTrue(badYaml(yaml.replace("hrm.hrm_act_v1@", "trm.trm@")).contains("is not the HRM ACT v1 model"));
    }

    private String badYaml(String text) throws Exception {
        Path d = Files.createTempDirectory(dir, "y");
        Path yaml = d.resolve("all_config.yaml");
        Files.writeString(yaml, text);
        Path f = Files.copy(TRAIN, d.resolve("step_0"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(f));
        assertOneLine(e, yaml);
        return e.getMessage();
    }

    @Test
    void explainsLegacyTorchFiles() throws Exception {
        Path f = dir.resolve("old.pt");
        Files.write(f, new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9});
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(f));
        assertTrue(e.getMessage().contains("legacy (pre-1.6) torch checkpoint"), e.getMessage());
    }

    @Test
    void rejectsHostileSafetensorsHeaders() throws Exception {
        assertTrue(badSafetensors(Long.MAX_VALUE, "{}").contains("header length"));
        assertTrue(badSafetensors(-1, "{}").contains("header length"));
        assertTrue(badSafetensors(0, "{\"a\": [1,").contains("not JSON"));
        assertTrue(badSafetensors(0, "[1, 2]").contains("not a JSON object"));
        String dup = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertTrue(badSafetensors(0, dup).contains("not JSON"));
        String overlap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertTrue(badSafetensors(0, overlap).contains("overlap"));
        String dtype = "{\"a\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}";
        assertTrue(badSafetensors(0, dtype).contains("unsupported dtype 'I64'"));
        String huge = "{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,16],\"data_offsets\":[0,8]}}";
        assertTrue(badSafetensors(0, huge).contains("more than 2147483639 values"));
        String wrongBytes = "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}";
        assertTrue(badSafetensors(0, wrongBytes).contains("has 8 bytes but shape x F32 needs 12"));
        String plain = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        Path f = writeSafetensors(0, plain);
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(f));
        assertTrue(e.getMessage().contains("without HRM Lab metadata"), e.getMessage());
    }

    private Path writeSafetensors(long headerLength, String header) throws Exception {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        Path f = Files.createTempFile(dir, "st", ".safetensors");
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + h.length + 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(headerLength == 0 ? h.length : headerLength).put(h).putFloat(1f).putFloat(2f);
        Files.write(f, b.array());
        return f;
    }

    private String badSafetensors(long headerLength, String header) throws Exception {
        Path f = writeSafetensors(headerLength, header);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(f));
        assertOneLine(e, f);
        return e.getMessage();
    }

    private static void assertOneLine(CheckpointException e, Path file) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private Path zipWithPickle(String root, byte[] pickle) throws Exception {
        return HostilePickles.checkpoint(dir, root, pickle, SUDOKU.resolveSibling("all_config.yaml"));
    }
}
