package org.hrmlab.app.training.newrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hrmlab.engine.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPresetTest {
    @TempDir
    Path dir;

    @Test
    void everyTrainingConfigOfTheRepositoryIsOfferedUnlessItFineTunesACheckpoint() throws Exception {
        List<String> offered = ModelPreset.all().stream().map(ModelPreset::name).toList();
        try (Stream<Path> files = Files.list(Path.of("..", "training"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String name = f.getFileName().toString().replace(".yaml", "");
                boolean fineTune = Files.readString(f).contains("init_checkpoint:");
                assertEquals(!fineTune, offered.contains(name), name);
                if (!fineTune) {
                    assertEquals(Files.readString(f), preset(name).yaml(), "the class path copy of " + name);
                }
            }
        }
        assertEquals("reference", offered.get(offered.size() - 1));
    }

    @Test
    void aPresetKeepsItsModelAndOptimiserAndTakesTheDataAndLength() throws Exception {
        Path file = dir.resolve("run/config.yaml");
        TrainingConfig c = preset("maze-5x5").config(file, dir.resolve("run/data"), 3, 7);
        assertEquals(dir.resolve("run/data"), c.dataPath());
        assertEquals(3, c.epochs());
        assertEquals(7, c.maxSteps());
        assertEquals(64, c.arch().hiddenSize());
        assertEquals("learned+rope", c.arch().posEncodings());
        assertEquals(3.0e-3, c.optimiser().lr());
        assertNull(c.initCheckpoint());
        assertEquals(400, preset("maze-5x5").epochs());
    }

    @Test
    void everyPresetReadsAndDescribesItself() throws Exception {
        for (ModelPreset p : ModelPreset.all()) {
            TrainingConfig c = p.config(dir.resolve("config.yaml"), dir.resolve("data"), 1, 0);
            assertTrue(c.arch().hiddenSize() > 0, p.name());
            assertFalse(p.description().isBlank(), p.name());
            assertFalse(p.description().startsWith("#"), p.name());
        }
        assertEquals(512, preset("reference").config(dir.resolve("c.yaml"), dir, 1, 0).arch().hiddenSize());
    }

    private static ModelPreset preset(String name) {
        return ModelPreset.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
