package org.hrmlab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.io.HrmLabModelFile;
import org.hrmlab.engine.model.HrmInitializer;

/** Tiny untrained models written to disk for tests, in the HRM Lab format. */
public final class TestModels {
    private TestModels() {
    }

    /** @return a tiny RoPE architecture (hidden 16) that does not record its sequence length */
    public static HrmConfig tiny(int vocab) {
        return HrmConfig.builder().vocabSize(vocab).puzzleEmbNdim(0).hiddenSize(16).numHeads(2).expansion(2)
                .hLayers(1).lLayers(1).hCycles(1).lCycles(1).haltMaxSteps(2).build();
    }

    /** Writes freshly initialised weights of {@code config} with the given provenance. */
    public static Path write(Path file, HrmConfig config, Map<String, String> provenance) throws IOException {
        HrmLabModelFile.write(file, config, HrmInitializer.init(config, 7), provenance);
        return file;
    }

    /**
     * A tiny model as {@code hrmlab import} writes it from a reference checkpoint of the 27M maze model: vocabulary
     * 6, RoPE (no sequence length recorded), and the reference config's {@code data_path}.
     */
    public static Path importedMaze30(Path file) throws IOException {
        return write(file, tiny(6), Map.of("source_format", "reference-torch",
                "reference.data_path", "data/maze-30x30-hard-1k"));
    }

    /** As {@link #write}, with one weight of {@code key} replaced by NaN. */
    public static Path withNaN(Path file, HrmConfig config, String key) throws IOException {
        Map<String, HostTensor> w = new HashMap<>(HrmInitializer.init(config, 7));
        HostTensor t = w.get(key);
        float[] v = t.data().clone();
        v[v.length / 2] = Float.NaN;
        w.put(key, new HostTensor(t.shape(), v));
        HrmLabModelFile.write(file, config, w, Map.of());
        return file;
    }

    /** @return a maze CSV holding a 5×5 and a 9×9 bundled maze: puzzles of two lengths in one file */
    public static Path mixedMazeCsv(Path file) throws IOException {
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (String name : new String[] {"5x5-hard.csv", "9x9-medium.csv"}) {
            try (var in = org.hrmlab.puzzles.BundledPuzzles.class.getResourceAsStream(
                    "/org/hrmlab/puzzles/data/maze/" + name)) {
                java.util.List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .lines().toList();
                if (rows.isEmpty()) {
                    rows.add(lines.get(0));
                }
                rows.add(lines.get(1));
            }
        }
        java.nio.file.Files.write(file, rows);
        return file;
    }
}
