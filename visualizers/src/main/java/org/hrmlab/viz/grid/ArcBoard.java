package org.hrmlab.viz.grid;

/**
 * What an ARC renderer draws: the test input, the model's prediction and the expected output (any may be empty).
 */
public record ArcBoard(ColorGrid input, ColorGrid predicted, ColorGrid expected) {
}
