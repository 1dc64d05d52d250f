package org.hrmlab.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.io.ModelInputs;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.Puzzle;
import org.hrmlab.puzzles.PuzzleSources;
import org.hrmlab.puzzles.codec.TokenCodec;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;
import picocli.CommandLine.Option;

/**
 * Where a command's puzzle comes from: a puzzle file ({@code --puzzle FILE[#INDEX]}: ARC task JSON, Sudoku line or
 * CSV, maze text or CSV, or {@code bundled:NAME}) or raw model tokens ({@code --tokens T.npy}).
 */
final class PuzzleInput {
    @Option(names = "--puzzle", paramLabel = "FILE[#INDEX]",
            description = "ARC task JSON (#k = k-th test input), Sudoku line/CSV or maze text/CSV (#k = row k)")
    String puzzle;

    @Option(names = "--tokens", paramLabel = "T.npy", description = "model tokens, int [seq_len] or [1, seq_len]")
    Path tokens;

    @Option(names = "--puzzle-id", paramLabel = "N", description = "puzzle identifier (default: the one the model "
            + "learned for the puzzle's name, e.g. its ARC task, else 0)")
    Integer puzzleId;

    @Option(names = "--labels", paramLabel = "L.npy",
            description = "with --tokens: expected output tokens, to report correctness")
    Path labels;

    /**
     * The model's view of a puzzle, its known answer if any, and the codec that decodes predictions.
     *
     * @param origin where the input came from, for messages: the puzzle argument or the tokens file
     */
    record Resolved(int[] tokens, int puzzleId, String description, int[] labels, TokenCodec codec, String origin) {
        /** Adds what is known about a prediction: the decoded grid, exactness and token accuracy. */
        void report(int[] predicted, Map<String, Object> out) {
            if (codec != null) {
                codec.decode(predicted).ifPresent(g -> out.put("predicted_grid", rows(g)));
            }
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

    /**
     * @param model the model the puzzle is for: its identifier names the puzzle id
     * @param in    what the model takes ({@link ModelOptions#inputs}): its length picks the ARC canvas
     */
    Resolved resolve(ModelCheckpoint model, ModelInputs in) throws IOException {
        if ((puzzle == null) == (tokens == null)) {
            throw new BadInputException("give exactly one of --puzzle and --tokens");
        }
        if (puzzle != null) {
            Puzzle p = PuzzleSources.open(puzzle);
            TokenCodec codec = codecFor(p, in, puzzle);
            int[] l = p.answer().isPresent() ? codec.encodeLabels(p) : null;
            int id = puzzleId != null ? puzzleId : model.puzzleIdFor(p.name());
            return new Resolved(codec.encodeInput(p), id, p.name(), l, codec, puzzle);
        }
        NpyArray a = Npy.read(tokens);
        if (a.shape().length > 2 || (a.shape().length == 2 && a.shape()[0] != 1) || a.size() == 0) {
            throw new BadInputException(tokens + ": expected int tokens of shape [seq_len] or [1, seq_len], got "
                    + Arrays.toString(a.shape()));
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
        return new Resolved(t, puzzleId == null ? 0 : puzzleId, tokens.toString(), l, null, tokens.toString());
    }

    /**
     * @param origin the puzzle's place, for messages ({@code FILE#k})
     * @return the codec that encodes {@code p} for a model that takes {@code in}
     * @throws BadInputException if the model does not take puzzles of this kind or size
     */
    static TokenCodec codecFor(Puzzle p, ModelInputs in, String origin) {
        String why = in.mismatch(p);
        if (why != null) {
            throw new BadInputException(origin + ": " + why);
        }
        try {
            return TokenCodec.forPuzzle(p, in.seqLen());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(origin + ": " + e.getMessage());
        }
    }

    static List<int[]> rows(Grid g) {
        return java.util.stream.IntStream.range(0, g.rows()).mapToObj(r -> {
            int[] row = new int[g.cols()];
            for (int c = 0; c < g.cols(); c++) {
                row[c] = g.get(r, c);
            }
            return row;
        }).toList();
    }
}
