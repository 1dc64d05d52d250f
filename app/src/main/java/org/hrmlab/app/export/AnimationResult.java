package org.hrmlab.app.export;

import java.nio.file.Path;

/**
 * What an animation export wrote.
 *
 * @param output the GIF file, or the folder of a PNG sequence
 * @param frames frames written
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param manifest {@code manifest.json} beside the output
 * @param table {@code frames.csv} beside the output
 */
public record AnimationResult(Path output, int frames, int width, int height, Path manifest, Path table) {
}
