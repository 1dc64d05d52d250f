package org.hrmlab.app.training.newrun;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hrmlab.engine.train.DatasetException;
import org.hrmlab.engine.train.TrainingConfig;

/**
 * A model and optimiser to start a run from: one of the configs the lab's own models were trained with
 * ({@code training/*.yaml} in the repository, on the class path under {@code presets/}), or the reference's
 * defaults. The wizard keeps the preset's {@code arch:} block and optimiser and replaces its data and length.
 *
 * @param name        the file's name without {@code .yaml}, or {@code reference}
 * @param description the file's first comment line
 * @param yaml        the file's text
 */
public record ModelPreset(String name, String description, String yaml) {
    /** The presets in {@code training/}, in menu order; fine-tunes of a particular checkpoint are left out. */
    static final List<String> SHIPPED = List.of("sudoku-4x4", "sudoku-9x9-easy", "sudoku-9x9-easy-128",
            "sudoku-9x9-minimal-192", "maze-5x5", "maze-7x7", "maze-7x7-30k", "maze-7x7-30k-128", "maze-15x15",
            "maze-15x15-small", "maze-15x15-canvas", "maze-15x15-any", "maze-15x15-gpu", "arc-3x3", "arc-10x10",
            "arc-10x10-eval", "trm-sudoku-4x4", "trm-sudoku-9x9-easy-128", "trm-maze-7x7-30k");
    private static final int REFERENCE_EPOCHS = 100000;
    private static final String ROOT = "/org/hrmlab/app/training/presets/";
    private static final ModelPreset REFERENCE = new ModelPreset("reference", "The HRM paper's model and optimiser "
            + "(hidden 512, 8 heads, 4 H- and 4 L-layers, 27M parameters): the reference's defaults, slow on a CPU",
            "");

    /** @return the shipped presets, then the reference's defaults */
    public static List<ModelPreset> all() {
        List<ModelPreset> all = new ArrayList<>();
        for (String name : SHIPPED) {
            all.add(load(name));
        }
        all.add(REFERENCE);
        return List.copyOf(all);
    }

    private static ModelPreset load(String name) {
        try (InputStream in = ModelPreset.class.getResourceAsStream(ROOT + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("model preset " + name + ".yaml missing from the class path");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String first = yaml.lines().filter(l -> l.startsWith("#")).findFirst().orElse("# " + name);
            return new ModelPreset(name, first.substring(1).strip(), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param configFile where the config will be written (messages name it)
     * @param data       the dataset folder
     * @param epochs     the run's epochs
     * @param maxSteps   stop after this many steps (0 = the whole schedule)
     * @return this preset's model and optimiser on {@code data}, for that long
     * @throws DatasetException the config reader's line, should the preset not read
     */
    public TrainingConfig config(Path configFile, Path data, int epochs, long maxSteps) throws DatasetException {
        ObjectNode root = ConfigYaml.tree(yaml);
        root.remove("init_checkpoint");
        root.put("data_path", data.toAbsolutePath().toString());
        root.put("epochs", epochs);
        root.put("max_steps", maxSteps);
        return TrainingConfig.parse(ConfigYaml.text(root), configFile);
    }

    /** @return the epochs the preset's own run had (the reference's 100,000 for {@code reference}) */
    public int epochs() {
        return ConfigYaml.tree(yaml).path("epochs").asInt(REFERENCE_EPOCHS);
    }

    @Override
    public String toString() {
        return name;
    }
}
