package org.hrmlab.app.training.newrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hrmlab.engine.train.DatasetException;
import org.hrmlab.engine.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSheetTest {
    @TempDir
    Path dir;

    private ConfigSheet sheet() throws Exception {
        Path file = dir.resolve("config.yaml");
        TrainingConfig c = ModelPreset.all().get(0).config(file, dir.resolve("data"), 2, 0);
        c.write(file);
        return ConfigSheet.of(c, file);
    }

    @Test
    void theSheetHoldsEveryWrittenFieldExplainedAndReadsBackToTheConfig() throws Exception {
        ConfigSheet s = sheet();
        TrainingConfig written = TrainingConfig.read(s.file());
        assertEquals(written, s.check());
        assertEquals(written.toYaml(s.file()), s.yaml());
        for (ConfigField f : s.fields()) {
            assertTrue(ConfigFieldHelp.explains(f.path()), "no explanation for " + f.path());
        }
        assertEquals("data", s.field("data_path").valueProperty().get());
        assertEquals(ConfigField.Editor.CHOICE, s.field("arch.pos_encodings").editor());
        assertEquals(ConfigField.Editor.FLAG, s.field("checkpoint_every_eval").editor());
        assertEquals(ConfigField.Editor.TEXT, s.field("lr").editor());
    }

    @Test
    void anEditTakesEffectAndABlankFieldTakesTheReferenceDefault() throws Exception {
        ConfigSheet s = sheet();
        s.field("arch.hidden_size").valueProperty().set("32");
        s.field("checkpoint_every_eval").valueProperty().set(false);
        s.field("lr").valueProperty().set(" 1e-3 ");
        s.field("beta2").valueProperty().set("");
        TrainingConfig c = s.check();
        assertEquals(32, c.arch().hiddenSize());
        assertEquals(false, c.checkpointEveryEval());
        assertEquals(1e-3, c.optimiser().lr());
        assertEquals(0.95, c.optimiser().beta2());
    }

    @Test
    void aBadEditGetsTheConfigReadersOwnLine() throws Exception {
        ConfigSheet s = sheet();
        s.field("arch.num_heads").valueProperty().set("3");
        String line = assertThrows(DatasetException.class, s::check).getMessage();
        Files.writeString(s.file(), s.yaml());
        assertEquals(assertThrows(DatasetException.class, () -> TrainingConfig.read(s.file())).getMessage(), line);
        assertTrue(line.contains("hidden_size 64 is not a multiple of num_heads 3"), line);

        s.field("arch.num_heads").valueProperty().set("two");
        assertEquals(s.file() + ": field 'arch.num_heads' must be an integer, got 'two'",
                assertThrows(DatasetException.class, s::check).getMessage());
    }
}
