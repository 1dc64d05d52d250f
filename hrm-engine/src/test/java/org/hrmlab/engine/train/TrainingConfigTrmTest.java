package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training configs that name TRM: its fields, its defaults, and what is refused. */
class TrainingConfigTrmTest {
    @Test
    void theReferenceTrmRunConfigReadsAsATrm() throws Exception {
        Path yaml = TestData.TRM_GOLDEN.resolve("trm-train-small/checkpoint/all_config.yaml");
        TrainingConfig cfg = TrainingConfig.read(yaml);
        HrmConfig c = cfg.modelConfig(81, 11, 4);
        assertEquals(ModelFamily.TRM, c.family());
        assertEquals(16, c.puzzleEmbLen());
        assertEquals(0, c.hLayers());
        assertEquals(2, c.lLayers());
        assertEquals(3, c.lCycles());
        assertFalse(c.mlpT());
        assertTrue(c.noActContinue());
        assertEquals(yaml.toAbsolutePath().getParent().resolve("data/trm-train-small").normalize(), cfg.dataPath(),
                "data_paths with one folder stands for data_path");
        assertEquals(0, cfg.optimiserSettings(10).emaRate(), "ema: false");
    }

    @Test
    void trmDefaultsAndTheMovingAverage(@TempDir Path tmp) throws Exception {
        TrainingConfig cfg = read(tmp, """
                data_path: data
                arch: {name: recursive_reasoning.trm@TinyRecursiveReasoningModel_ACTV1, hidden_size: 32, num_heads: 2,
                       mlp_t: true, pos_encodings: none}
                ema: true
                """);
        HrmConfig c = cfg.modelConfig(16, 6, 2);
        assertEquals(ModelFamily.TRM, c.family());
        assertEquals(3, c.hCycles());
        assertEquals(6, c.lCycles());
        assertEquals(2, c.lLayers());
        assertEquals(16, c.puzzleEmbLen());
        assertTrue(c.mlpT());
        assertEquals(0.999, cfg.optimiserSettings(10).emaRate(), 1e-12);
        Path file = tmp.resolve("run.yaml");
        String written = cfg.toYaml(file);
        assertTrue(written.contains("name: " + TrainingConfig.TRM_NAME) && written.contains("mlp_t: true"), written);
        assertEquals(cfg, TrainingConfig.parse(written, file), "a TRM config written out reads back the same");
    }

    @Test
    void refusesWhatDoesNotTrain(@TempDir Path tmp) {
        assertRefused(tmp, "data_path: d\narch: {mlp_t: true}\n", "arch.mlp_t is a TRM field");
        assertRefused(tmp, "data_path: d\narch: {name: recursive_reasoning.trm_singlez@TinyRecursiveReasoningModel_ACTV1}\n",
                "of TRM's models only");
        assertRefused(tmp, "data_paths: [a, b]\n", "exactly one dataset folder");
        assertRefused(tmp, "data_path: d\nema: true\nema_rate: 1.5\n", "ema_rate");
        assertRefused(tmp, "data_path: d\nema: yes please\n", "'ema' must be true or false");
    }

    private static void assertRefused(Path tmp, String yaml, String message) {
        DatasetException e = assertThrows(DatasetException.class, () -> read(tmp, yaml));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static TrainingConfig read(Path tmp, String text) throws Exception {
        Path yaml = tmp.resolve("run.yaml");
        Files.writeString(yaml, text);
        return TrainingConfig.read(yaml);
    }
}
