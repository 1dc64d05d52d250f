package org.hrmlab.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * What a run folder held before a training run started, so that a run that fails before its first event (a device that
 * cannot train the model) takes back what it wrote there: its copy of the config, an empty {@code metrics.jsonl}, an
 * empty {@code checkpoints} folder and the folder itself when the run made them. The folder then takes a new run. A
 * run that logged a line or wrote a checkpoint is left as it is.
 */
final class RunFolderBefore {
    private final Path out;
    private final boolean folder;
    private final boolean checkpoints;
    private final long metricsBytes;
    private final long checkpointFiles;
    private final byte[] config;

    private RunFolderBefore(Path out) throws IOException {
        this.out = out;
        this.folder = Files.exists(out);
        this.checkpoints = Files.exists(checkpointsFolder());
        this.metricsBytes = metricsBytes();
        this.checkpointFiles = checkpointFiles();
        this.config = Files.isRegularFile(configFile()) ? Files.readAllBytes(configFile()) : null;
    }

    /** @return what {@code out} holds now */
    static RunFolderBefore of(Path out) throws IOException {
        return new RunFolderBefore(out);
    }

    /** Removes what the run added, unless it logged or saved something since {@link #of}. */
    void restore() throws IOException {
        boolean logged = metricsBytes() > Math.max(metricsBytes, 0);
        if (logged || checkpointFiles() != checkpointFiles) {
            return;
        }
        if (metricsBytes < 0) {
            Files.deleteIfExists(out.resolve("metrics.jsonl"));
        }
        if (config == null) {
            Files.deleteIfExists(configFile());
        } else if (!Files.isRegularFile(configFile()) || !Arrays.equals(config, Files.readAllBytes(configFile()))) {
            Files.write(configFile(), config);
        }
        if (!checkpoints) {
            deleteIfEmptyFolder(checkpointsFolder());
        }
        if (!folder) {
            deleteIfEmptyFolder(out);
        }
    }

    private Path configFile() {
        return out.resolve("config.yaml");
    }

    private Path checkpointsFolder() {
        return out.resolve("checkpoints");
    }

    /** @return the size of {@code metrics.jsonl}, or -1 when there is none */
    private long metricsBytes() throws IOException {
        Path metrics = out.resolve("metrics.jsonl");
        return Files.isRegularFile(metrics) ? Files.size(metrics) : -1;
    }

    private long checkpointFiles() throws IOException {
        if (!Files.isDirectory(checkpointsFolder())) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(checkpointsFolder())) {
            return entries.count();
        }
    }

    private static void deleteIfEmptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                return;
            }
        }
        Files.delete(dir);
    }
}
