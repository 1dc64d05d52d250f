package org.hrmlab.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;

/**
 * A loaded model: its architecture and its tensors, whatever file format they came from.
 *
 * @param source     the file read
 * @param sha256     hex SHA-256 of that file (for manifests)
 * @param config     the architecture; {@code seqLen} is 0 when the file does not fix it (RoPE models)
 * @param weights    float32 tensors under the reference's key names without the {@code _orig_mod.model.inner.}
 *                   prefix, e.g. {@code L_level.layers.0.self_attn.qkv_proj.weight [3*hidden, hidden]}; bf16/f16
 *                   storages (H_init, L_init) are widened to float32 exactly
 * @param provenance free-form facts about where the model came from (format, training command, step, seed, ...);
 *                   {@value #IDENTIFIERS_KEY} holds the training data's puzzle names as a JSON array, index = id
 */
public record ModelCheckpoint(Path source, String sha256, HrmConfig config, Map<String, HostTensor> weights,
                              Map<String, String> provenance) {
    /** Copies the maps so the record stays immutable. */
    public ModelCheckpoint {
        weights = Map.copyOf(weights);
        provenance = Map.copyOf(provenance);
    }

    /** Provenance key of the puzzle-identifier names (the dataset's {@code identifiers.json}). */
    public static final String IDENTIFIERS_KEY = "puzzle_identifiers";

    /** @return the puzzle name of each identifier (index = id, 0 = {@code <blank>}), empty if the file has none */
    public List<String> puzzleIdentifiers() {
        String json = provenance.get(IDENTIFIERS_KEY);
        if (json == null) {
            return List.of();
        }
        try {
            return Arrays.asList(new ObjectMapper().readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(source + ": bad '" + IDENTIFIERS_KEY + "' in provenance: "
                    + e.getOriginalMessage());
        }
    }

    /**
     * @param puzzleName a puzzle's name: an ARC task id, optionally after a folder ({@code arc/}) and followed by
     *                   {@code .json} or {@code #k} (its k-th test input)
     * @return the identifier the model learned for that puzzle, or 0 ({@code <blank>}) if it has none
     */
    public int puzzleIdFor(String puzzleName) {
        return Math.max(puzzleIdentifiers().indexOf(taskName(puzzleName)), 0);
    }

    /**
     * @param puzzleName as {@link #puzzleIdFor}
     * @return the name its identifier would have: {@code 007bbfb7} for {@code arc/007bbfb7.json #1}
     */
    public static String taskName(String puzzleName) {
        String base = puzzleName;
        int hash = base.indexOf('#');
        if (hash >= 0) {
            base = base.substring(0, hash);
        }
        base = base.strip();
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.endsWith(".json") ? base.substring(0, base.length() - 5) : base;
    }
}
