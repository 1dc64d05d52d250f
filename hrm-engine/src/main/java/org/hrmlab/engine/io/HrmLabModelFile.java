package org.hrmlab.engine.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;

/**
 * HRM Lab's own model file: safetensors with the reference key names (no {@code _orig_mod.model.inner.} prefix), the
 * architecture as JSON under the metadata key {@code hrmlab.config} (the {@link HrmConfig} record, its model
 * {@code family} included: {@code "hrm"} or {@code "trm"}; a config without one, written before TRM, reads as HRM),
 * and provenance under {@code provenance.*}.
 *
 * <p>Files written before the metadata key {@value #POSITIONS_KEY} existed come from engines that applied RoPE to
 * every model, also to those declaring learned positions; such a file's {@code learned} is read as
 * {@link HrmConfig#LEARNED_AND_ROPE}, so that it keeps computing what it was trained to compute.
 */
public final class HrmLabModelFile {
    /** Metadata key whose value identifies the file as an HRM Lab model. */
    public static final String FORMAT_KEY = "hrmlab.format";
    /** The format version written. */
    public static final String FORMAT = "hrmlab-model-1";
    /** Metadata key saying that {@code posEncodings} means what the reference means by it (RoPE only for rope). */
    public static final String POSITIONS_KEY = "hrmlab.positions";
    private static final String POSITIONS_AS_DECLARED = "as-declared";
    private static final String CONFIG_KEY = "hrmlab.config";
    private static final String PROVENANCE_PREFIX = "provenance.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HrmLabModelFile() {
    }

    /**
     * Writes a model atomically.
     *
     * @param file       target file (replaced if it exists)
     * @param config     the architecture (seqLen 0 is allowed for RoPE models)
     * @param weights    tensors under the reference key names (not modified)
     * @param provenance facts about the model's origin (command, data hash, step, seed, ...)
     */
    public static void write(Path file, HrmConfig config, Map<String, HostTensor> weights,
                             Map<String, String> provenance) throws IOException {
        write(file, config, weights, provenance, Safetensors.StoredType.F32);
    }

    /**
     * Writes a model atomically, its values stored as {@code type} (bfloat16 halves the file; reading widens the
     * values back to float32 exactly, so the model computes with the rounded weights).
     *
     * @param file       target file (replaced if it exists)
     * @param config     the architecture (seqLen 0 is allowed for RoPE models)
     * @param weights    tensors under the reference key names (not modified)
     * @param provenance facts about the model's origin (command, data hash, step, seed, ...)
     * @param type       how the values are stored
     */
    public static void write(Path file, HrmConfig config, Map<String, HostTensor> weights,
                             Map<String, String> provenance, Safetensors.StoredType type) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(FORMAT_KEY, FORMAT);
        meta.put(CONFIG_KEY, JSON.writeValueAsString(config));
        meta.put(POSITIONS_KEY, POSITIONS_AS_DECLARED);
        provenance.forEach((k, v) -> meta.put(PROVENANCE_PREFIX + k, v));
        Map<String, HostTensor> ordered = new LinkedHashMap<>();
        for (String key : WeightLayout.expected(config).keySet()) {
            if (weights.containsKey(key)) {
                ordered.put(key, weights.get(key));
            }
        }
        weights.forEach(ordered::putIfAbsent);
        Safetensors.write(file, ordered, meta, type);
    }

    /** Reads and validates an HRM Lab model file. */
    static ModelCheckpoint read(Path file, String sha256) throws IOException {
        Safetensors.Contents c = Safetensors.read(file);
        if (!FORMAT.equals(c.metadata().get(FORMAT_KEY))) {
            throw new CheckpointException(file, "safetensors file without HRM Lab metadata ('" + FORMAT_KEY + "')");
        }
        HrmConfig config;
        try {
            config = JSON.readValue(c.metadata().get(CONFIG_KEY), HrmConfig.class);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new CheckpointException(file, "bad model config in metadata: " + e.getMessage());
        }
        if (config.posEncodings().equals("learned") && !c.metadata().containsKey(POSITIONS_KEY)) {
            config = config.withPosEncodings(HrmConfig.LEARNED_AND_ROPE);
        }
        WeightLayout.validate(file, config, c.tensors());
        Map<String, String> provenance = new LinkedHashMap<>();
        c.metadata().forEach((k, v) -> {
            if (k.startsWith(PROVENANCE_PREFIX)) {
                provenance.put(k.substring(PROVENANCE_PREFIX.length()), v);
            }
        });
        provenance.put("format", FORMAT);
        ModelCheckpoint m = new ModelCheckpoint(file, sha256, config, c.tensors(), provenance);
        try {
            m.puzzleIdentifiers();
        } catch (IllegalStateException e) {
            throw new CheckpointException(file, "the puzzle names in its metadata are not a JSON list of strings");
        }
        return m;
    }
}
