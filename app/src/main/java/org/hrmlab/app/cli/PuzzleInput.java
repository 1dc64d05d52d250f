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

    /** The model's view of a puzzle. */
    record Resolved(int[] tokens, int puzzleId, String description) {
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
        return new Resolved(t, puzzleId, tokens.toString());
    }
}
