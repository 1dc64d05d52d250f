package org.hrmlab.app.engine;

import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.io.ModelInputs;

/**
 * What the loaded model is.
 *
 * @param source checkpoint path or a description of the built-in model
 * @param defaults the checkpoint's own cycles and halt_max_steps
 * @param sha256 the checkpoint file's SHA-256, or null when there is no single file (demo model, per-kind defaults)
 * @param inputs what puzzles the model takes, as far as its file tells; null for the built-in models, which take
 *               whatever the lab shows (the demo model, or one shipped model per kind)
 * @param family HRM or TRM (null reads as HRM); decides how the lab names the states ({@link #stateNames})
 */
public record ModelInfo(String name, String source, int hiddenSize, int puzzlePrefix, InferenceSettings defaults,
                        String sha256, ModelInputs inputs, ModelFamily family) {

    public ModelInfo {
        if (family == null) {
            family = ModelFamily.HRM;
        }
    }

    /** An HRM whose file tells what puzzles it takes. */
    public ModelInfo(String name, String source, int hiddenSize, int puzzlePrefix, InferenceSettings defaults,
                     String sha256, ModelInputs inputs) {
        this(name, source, hiddenSize, puzzlePrefix, defaults, sha256, inputs, ModelFamily.HRM);
    }

    /** An HRM that takes any puzzle the lab shows. */
    public ModelInfo(String name, String source, int hiddenSize, int puzzlePrefix, InferenceSettings defaults,
                     String sha256) {
        this(name, source, hiddenSize, puzzlePrefix, defaults, sha256, null);
    }

    /** @return how the lab names the zL and zH slots for this model: zL/zH, or TRM's z (latent) / y (answer) */
    public StateNames stateNames() {
        return StateNames.of(family);
    }

    /** @return whether the model takes {@code puzzle} (always, for the built-in models) */
    public ModelInputs.Fit fit(LabPuzzle puzzle) {
        return inputs == null ? ModelInputs.Fit.FITS : fit(inputs, puzzle);
    }

    /** @return why the model does not take {@code puzzle}, or null if it does or its file does not say */
    public String mismatch(LabPuzzle puzzle) {
        return inputs == null ? null : mismatch(inputs, puzzle);
    }

    /** @return whether a model that takes {@code in} takes the lab puzzle {@code puzzle} */
    public static ModelInputs.Fit fit(ModelInputs in, LabPuzzle puzzle) {
        int[] d = dims(puzzle);
        return in.fit(kind(puzzle), d[0], d[1]);
    }

    /** @return why a model that takes {@code in} does not take {@code puzzle}, or null */
    public static String mismatch(ModelInputs in, LabPuzzle puzzle) {
        int[] d = dims(puzzle);
        return in.mismatch(kind(puzzle), d[0], d[1]);
    }

    private static org.hrmlab.puzzles.PuzzleKind kind(LabPuzzle p) {
        return org.hrmlab.puzzles.PuzzleKind.valueOf(p.kind().name());
    }

    /** Grid rows and columns; an ARC task by the larger of its input and expected output. */
    private static int[] dims(LabPuzzle p) {
        int rows = p.input().rows();
        int cols = p.input().cols();
        if (p.kind() == org.hrmlab.puzzles.PuzzleKind.ARC && p.hasAnswer()) {
            rows = Math.max(rows, p.answer().rows());
            cols = Math.max(cols, p.answer().cols());
        }
        return new int[] {rows, cols};
    }
}
