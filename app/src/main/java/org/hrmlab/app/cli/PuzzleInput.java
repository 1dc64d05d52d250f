package org.hrmlab.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;
import picocli.CommandLine.Option;

/** Where a command's puzzle comes from: raw model tokens ({@code --tokens T.npy --puzzle-id N}). */
final class PuzzleInput {
    @Option(names = "--tokens", required = true, paramLabel = "T.npy",
            description = "model tokens, int [seq_len] or [1, seq_len]")
    Path tokens;

    @Option(names = "--puzzle-id", paramLabel = "N", defaultValue = "0", description = "puzzle identifier (default 0)")
    int puzzleId;

    @Option(names = "--labels", paramLabel = "L.npy",
            description = "expected output tokens (same shape as --tokens), to report correctness")
    Path labels;

    /** The model's view of a puzzle, and its known answer if any. */
    record Resolved(int[] tokens, int puzzleId, String description, int[] labels) {
        /** Adds what is known about a prediction: exactness and token accuracy against the labels. */
        void report(int[] predicted, java.util.Map<String, Object> out) {
            if (labels == null) {
                return;
            }
            int right = 0;
            int counted = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] > 0) {
                    counted++;
                    right += predicted[i] == labels[i] ? 1 : 0;
                }
            }
            out.put("correct", right == counted);
            out.put("token_accuracy", counted == 0 ? 1.0 : (double) right / counted);
        }
    }

    Resolved resolve() throws IOException {
        NpyArray a = Npy.read(tokens);
        if (a.shape().length > 2 || (a.shape().length == 2 && a.shape()[0] != 1) || a.size() == 0) {
            throw new BadInputException(tokens + ": expected int tokens of shape [seq_len] or [1, seq_len], got "
                    + java.util.Arrays.toString(a.shape()));
        }
        int[] t;
        try {
            t = a.toInts();
        } catch (ArithmeticException e) {
            throw new BadInputException(tokens + ": tokens must be integers (" + e.getMessage() + ")");
        }
        int[] l = null;
        if (labels != null) {
            l = Npy.read(labels).toInts();
            if (l.length != t.length) {
                throw new BadInputException(labels + ": " + l.length + " labels for " + t.length + " tokens");
            }
        }
        return new Resolved(t, puzzleId, tokens.toString(), l);
    }
}
