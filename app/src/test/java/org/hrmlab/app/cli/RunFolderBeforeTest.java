package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that failed before its first event leaves its folder as it found it. */
class RunFolderBeforeTest {
    @TempDir
    Path dir;

    @Test
    void aFolderTheRunMadeGoesAway() throws Exception {
        Path out = dir.resolve("run");
        RunFolderBefore before = RunFolderBefore.of(out);
        startedRun(out, "data_path: data\n");
        before.restore();
        assertFalse(Files.exists(out));
    }

    @Test
    void aFolderThatWasThereKeepsItsConfigAndOtherFiles() throws Exception {
        Path out = dir.resolve("run");
        Files.createDirectories(out.resolve("data"));
        Files.writeString(out.resolve("config.yaml"), "data_path: data\n");
        RunFolderBefore before = RunFolderBefore.of(out);
        startedRun(out, "data_path: elsewhere\n");
        before.restore();
        assertEquals("data_path: data\n", Files.readString(out.resolve("config.yaml")));
        assertTrue(Files.isDirectory(out.resolve("data")));
        assertFalse(Files.exists(out.resolve("metrics.jsonl")));
        assertFalse(Files.exists(out.resolve("checkpoints")));
    }

    @Test
    void whatTheRunFilledStays() throws Exception {
        Path out = dir.resolve("run");
        RunFolderBefore before = RunFolderBefore.of(out);
        startedRun(out, "data_path: data\n");
        Files.writeString(out.resolve("metrics.jsonl"), "{\"event\":\"train\"}\n");
        Files.writeString(out.resolve("checkpoints/step_1.safetensors"), "x");
        before.restore();
        assertTrue(Files.isRegularFile(out.resolve("metrics.jsonl")));
        assertTrue(Files.isRegularFile(out.resolve("checkpoints/step_1.safetensors")));
    }

    /** What a training run writes before its first step: the folders, its copy of the config, an empty log. */
    private static void startedRun(Path out, String config) throws Exception {
        Files.createDirectories(out.resolve("checkpoints"));
        Files.writeString(out.resolve("config.yaml"), config);
        Files.createFile(out.resolve("metrics.jsonl"));
    }
}
