package org.hrmlab.engine.io;

import java.nio.file.Path;
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
 * @param provenance free-form facts about where the model came from (format, training command, step, seed, ...)
 */
public record ModelCheckpoint(Path source, String sha256, HrmConfig config, Map<String, HostTensor> weights,
                              Map<String, String> provenance) {
    /** Copies the maps so the record stays immutable. */
    public ModelCheckpoint {
        weights = Map.copyOf(weights);
        provenance = Map.copyOf(provenance);
    }
}
