package org.hrmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hrmlab.engine.HaltRule;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference TRM checkpoints (test-data/fixtures/trm-golden) through the same importer and rules as HRM ones. */
class TrmCheckpointTest {
    static final Path ATTENTION = TestData.TRM_GOLDEN.resolve("trm-sudoku-small/checkpoint/step_0");
    static final Path MLP = TestData.TRM_GOLDEN.resolve("trm-mlp-small/checkpoint/step_0");

    @TempDir
    Path dir;

    @Test
    void readsTheAttentionVariant() throws Exception {
        ModelCheckpoint m = CheckpointLoader.load(ATTENTION);
        var c = m.config();
        assertEquals(ModelFamily.TRM, c.family());
        assertEquals(0, c.hLayers());
        assertEquals(2, c.lLayers());
        assertEquals(16, c.puzzleEmbLen());
        assertEquals(64, c.puzzleEmbNdim());
        assertEquals(0, c.seqLen(), "RoPE: the puzzle fixes the length");
        assertEquals(97, c.withSeqLen(81).totalSeqLen());
        assertEquals("rope", c.posEncodings());
        assertFalse(c.mlpT());
        assertEquals(HaltRule.HALT_POSITIVE, c.haltRule());
        assertEquals(2, c.hCycles());
        assertEquals(3, c.lCycles());
        assertEquals(7 + 2 * 4, m.weights().size());
        assertTrue(m.weights().keySet().stream().noneMatch(k -> k.startsWith("H_level")));
        assertEquals("reference-torch", m.provenance().get("format"));
        assertEquals("data/trm-sudoku-small", m.provenance().get("reference.data_paths"), "TRM's list of data paths");
    }

    @Test
    void readsTheMlpVariantWithItsSequenceLengthFromTheTokenMixingWeights() throws Exception {
        ModelCheckpoint m = CheckpointLoader.load(MLP);
        var c = m.config();
        assertEquals(ModelFamily.TRM, c.family());
        assertTrue(c.mlpT());
        assertEquals("none", c.posEncodings());
        assertEquals(81, c.seqLen());
        assertEquals(97, c.totalSeqLen());
        assertEquals(512, c.mlpTInterSize());
        assertArrayEquals(new long[] {1024, 97}, m.weights().get("L_level.layers.1.mlp_t.gate_up_proj.weight").shape());
        assertArrayEquals(new long[] {97, 512}, m.weights().get("L_level.layers.0.mlp_t.down_proj.weight").shape());
        assertTrue(m.weights().keySet().stream().noneMatch(k -> k.contains("self_attn")));
        assertEquals(7 + 2 * 4, m.weights().size());
    }

    @Test
    void roundTripsThroughTheHrmLabFormatWithItsFamily() throws Exception {
        for (Path ckpt : new Path[] {ATTENTION, MLP}) {
            ModelCheckpoint ref = CheckpointLoader.load(ckpt);
            Path out = dir.resolve(ckpt.getParent().getParent().getFileName() + ".safetensors");
            HrmLabModelFile.write(out, ref.config(), ref.weights(), Map.of("command", "test"));
            String meta = Safetensors.read(out).metadata().get("hrmlab.config");
            assertTrue(meta.contains("\"family\":\"trm\""), meta);
            ModelCheckpoint back = CheckpointLoader.load(out);
            assertEquals(ref.config(), back.config());
            for (var e : ref.weights().entrySet()) {
                assertArrayEquals(e.getValue().data(), back.weights().get(e.getKey()).data(), 0f, e.getKey());
            }
        }
    }

    @Test
    void malformedTrmConfigsGiveOneLineNamingTheYaml() throws Exception {
        String yaml = Files.readString(MLP.resolveSibling("all_config.yaml"));
        assertTrue(badYaml(MLP, yaml.replace("mlp_t: true", "mlp_t: maybe"))
                .endsWith("arch.mlp_t is not true or false"));
        assertTrue(badYaml(MLP, yaml.replace("no_ACT_continue: true", "no_ACT_continue: 1"))
                .endsWith("arch.no_ACT_continue is not true or false"));
        assertTrue(badYaml(MLP, yaml.replace("puzzle_emb_len: 16", "puzzle_emb_len: 1.5"))
                .endsWith("arch.puzzle_emb_len is missing or not an integer"));
        assertTrue(badYaml(MLP, yaml.replace("puzzle_emb_len: 16", "puzzle_emb_len: -3"))
                .endsWith("puzzle_emb_len must be >= 0, got -3"));
        assertTrue(badYaml(MLP, yaml.replace("  L_layers: 2\n", "")).endsWith("arch.L_layers is missing or not an integer"));
        assertTrue(badYaml(MLP, yaml.replace("recursive_reasoning.trm@", "recursive_reasoning.trm_singlez@"))
                .contains("is not the HRM ACT v1 model (hrm_act_v1) or TRM"));
        assertTrue(badYaml(MLP, yaml.replace("TinyRecursiveReasoningModel_ACTV1", "TinyRecursiveReasoningModel_ACTV2"))
                .contains("is not the HRM ACT v1 model"));
    }

    @Test
    void configsThatDoNotFitTheWeightsGiveOneLineNamingTheCheckpoint() throws Exception {
        String mlpYaml = Files.readString(MLP.resolveSibling("all_config.yaml"));
        String attYaml = Files.readString(ATTENTION.resolveSibling("all_config.yaml"));
        assertTrue(badWeights(MLP, mlpYaml.replace("mlp_t: true", "mlp_t: false"))
                .contains("tensor 'L_level.layers.0.self_attn.qkv_proj.weight' is missing; does the all_config.yaml"));
        assertTrue(badWeights(ATTENTION, attYaml.replace("mlp_t: false", "mlp_t: true"))
                .contains("config has mlp_t (TRM's MLP variant) but tensor 'L_level.layers.0.mlp_t.down_proj.weight'"
                        + " is missing"));
        assertTrue(badWeights(MLP, mlpYaml.replace("puzzle_emb_len: 16", "puzzle_emb_len: 97"))
                .contains("mixes 97 positions, not more than the 97-token puzzle prefix"));
        assertTrue(badWeights(ATTENTION, attYaml.replace("L_layers: 2", "L_layers: 3"))
                .contains("tensor 'L_level.layers.2.self_attn.qkv_proj.weight' is missing"));
        String hrmName = attYaml.replace("recursive_reasoning.trm@TinyRecursiveReasoningModel_ACTV1",
                "hrm.hrm_act_v1@HierarchicalReasoningModel_ACTV1").replace("H_layers: 0", "H_layers: 2");
        assertTrue(badWeights(ATTENTION, hrmName).contains("tensor 'H_level.layers.0.self_attn.qkv_proj.weight' is "
                + "missing"), "a TRM checkpoint under an HRM config");
        ModelCheckpoint ignored = load(ATTENTION, attYaml.replace("H_layers: 0", "H_layers: 4"));
        assertEquals(0, ignored.config().hLayers(), "TRM ignores H_layers, as the reference does");
        ModelCheckpoint defaults = load(ATTENTION, attYaml.replace("  puzzle_emb_len: 16\n", "")
                .replace("  no_ACT_continue: true\n", "").replace("  mlp_t: false\n", ""));
        assertEquals(CheckpointLoader.load(ATTENTION).config(), defaults.config(), "the reference's TRM defaults");
    }

    @Test
    void refusesHostileGlobalsUnderATrmConfigToo() throws Exception {
        Path marker = dir.resolve("pwned");
        Path f = HostilePickles.checkpoint(dir, "step_0", HostilePickles.touching(marker),
                MLP.resolveSibling("all_config.yaml"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(f));
        assertTrue(e.getMessage().contains("os.system") && e.getMessage().startsWith(f.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(marker));
    }

    private ModelCheckpoint load(Path ckpt, String yaml) throws Exception {
        Path d = Files.createTempDirectory(dir, "ok");
        Files.writeString(d.resolve("all_config.yaml"), yaml);
        return CheckpointLoader.load(Files.copy(ckpt, d.resolve("step_0")));
    }

    private String badYaml(Path ckpt, String text) throws Exception {
        Path d = Files.createTempDirectory(dir, "y");
        Path yaml = d.resolve("all_config.yaml");
        Files.writeString(yaml, text);
        Path f = Files.copy(ckpt, d.resolve("step_0"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(f));
        assertOneLine(e, yaml);
        return e.getMessage();
    }

    private String badWeights(Path ckpt, String text) throws Exception {
        Path d = Files.createTempDirectory(dir, "w");
        Files.writeString(d.resolve("all_config.yaml"), text);
        Path f = Files.copy(ckpt, d.resolve("step_0"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointLoader.load(f));
        assertOneLine(e, f);
        return e.getMessage();
    }

    private static void assertOneLine(CheckpointException e, Path file) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
