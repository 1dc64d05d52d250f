package org.hrmlab.app.engine;

/**
 * What the loaded model is.
 *
 * @param source checkpoint path or a description of the built-in model
 * @param defaults the checkpoint's own cycles and halt_max_steps
 * @param sha256 the checkpoint file's SHA-256, or null when there is no single file (demo model, per-kind defaults)
 */
public record ModelInfo(String name, String source, int hiddenSize, int puzzlePrefix, InferenceSettings defaults,
                        String sha256) {
}
