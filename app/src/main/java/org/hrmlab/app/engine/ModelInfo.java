package org.hrmlab.app.engine;

/**
 * What the loaded model is.
 *
 * @param source checkpoint path or a description of the built-in model
 * @param defaults the checkpoint's own cycles and halt_max_steps
 */
public record ModelInfo(String name, String source, int hiddenSize, int puzzlePrefix, InferenceSettings defaults) {
}
