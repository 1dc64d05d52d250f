package org.hrmlab.app.engine.hrm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;
import org.hrmlab.app.engine.StepperException;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.engine.io.CheckpointException;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;

/**
 * The trained models shipped in {@code sample-puzzles} ({@code org/hrmlab/puzzles/models/<name>/model.safetensors}),
 * one per puzzle kind, loaded on first use.
 */
public final class DefaultModels {
    private static final String ROOT = "/org/hrmlab/puzzles/models/";
    private static final Map<PuzzleKind, String> KIND_NAMES = Map.of(PuzzleKind.SUDOKU, "Sudoku",
            PuzzleKind.MAZE, "maze", PuzzleKind.ARC, "ARC");
    private final Map<PuzzleKind, String> names;
    private final Map<PuzzleKind, ModelCheckpoint> loaded = new EnumMap<>(PuzzleKind.class);

    /** @param names the model folder per puzzle kind */
    public DefaultModels(Map<PuzzleKind, String> names) {
        this.names = names.isEmpty() ? new EnumMap<>(PuzzleKind.class) : new EnumMap<>(names);
    }

    /** @return the shipped models: {@code sudoku}, {@code maze} and {@code arc} */
    public static DefaultModels shipped() {
        return new DefaultModels(Map.of(PuzzleKind.SUDOKU, "sudoku", PuzzleKind.MAZE, "maze", PuzzleKind.ARC, "arc"));
    }

    /** @return the model folder name for {@code kind} */
    public String name(PuzzleKind kind) {
        return "default " + names.getOrDefault(kind, kind.name().toLowerCase()) + " model";
    }

    /** @return whether a model is shipped for {@code kind} */
    public boolean has(PuzzleKind kind) {
        return names.containsKey(kind) && DefaultModels.class.getResource(resource(kind)) != null;
    }

    /** @return the loaded default model for {@code kind} */
    public ModelCheckpoint forKind(PuzzleKind kind) {
        ModelCheckpoint m = loaded.get(kind);
        if (m != null) {
            return m;
        }
        if (!has(kind)) {
            throw new StepperException("no default model is shipped for " + kind.name().toLowerCase()
                    + " puzzles: load a checkpoint (File > Open checkpoint)");
        }
        try {
            m = CheckpointLoader.load(extracted(names.get(kind)));
        } catch (CheckpointException e) {
            throw new StepperException("the shipped " + names.get(kind) + " model is damaged: " + e.problem());
        } catch (IOException e) {
            throw new StepperException("cannot read the shipped " + names.get(kind) + " model: " + e.getMessage());
        }
        loaded.put(kind, m);
        return m;
    }

    /**
     * Copies a shipped model to a temporary file (deleted on exit), so that it opens like any checkpoint.
     *
     * @param folder the model's folder under {@code org/hrmlab/puzzles/models/}, e.g. {@code trm-sudoku}
     * @return the copy
     * @throws IOException when no such model is shipped
     */
    public static Path extracted(String folder) throws IOException {
        try (InputStream in = DefaultModels.class.getResourceAsStream(ROOT + folder + "/model.safetensors")) {
            if (in == null) {
                throw new java.io.FileNotFoundException("no shipped model " + folder);
            }
            Path tmp = Files.createTempFile("hrmlab-" + folder, ".safetensors");
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        }
    }

    /** @return whether the default model of the puzzle's kind exists and takes the puzzle ({@code ModelInputs}) */
    public boolean fits(LabPuzzle puzzle) {
        if (!has(puzzle.kind())) {
            return false;
        }
        var in = org.hrmlab.engine.io.ModelInputs.of(forKind(puzzle.kind()));
        if (org.hrmlab.app.engine.ModelInfo.fit(in, puzzle) != org.hrmlab.engine.io.ModelInputs.Fit.FITS) {
            return false;
        }
        int[] tokens;
        try {
            tokens = LabPuzzleTokens.encode(puzzle, in.seqLen());
        } catch (StepperException e) {
            return false;
        }
        int max = java.util.Arrays.stream(tokens).max().orElse(0);
        return max < in.vocabSize() && in.lengthMismatch(tokens.length) == null;
    }

    /**
     * @return the shipped model for the puzzle's kind, when it fits the puzzle
     * @throws StepperException when none fits: "no model for 6x6 ARC puzzles is loaded: open a checkpoint trained on
     *                          them (File > Open checkpoint)", with what the shipped model of that kind takes
     */
    public ModelCheckpoint forPuzzle(LabPuzzle puzzle) {
        if (fits(puzzle)) {
            return forKind(puzzle.kind());
        }
        String message = "no model for " + shape(puzzle) + " is loaded: open a checkpoint trained on them"
                + " (File > Open checkpoint)";
        if (has(puzzle.kind())) {
            message += "; the shipped " + KIND_NAMES.get(puzzle.kind()) + " model" + takes(puzzle.kind());
        }
        throw new StepperException(message);
    }

    /** @return e.g. "6x6 ARC puzzles", "9x9 Sudoku puzzles", "30x30 mazes" */
    private static String shape(LabPuzzle puzzle) {
        String size = puzzle.input().rows() + "x" + puzzle.input().cols() + " ";
        return size + (puzzle.kind() == PuzzleKind.MAZE ? "mazes" : KIND_NAMES.get(puzzle.kind()) + " puzzles");
    }

    /** @return what the shipped model of {@code kind} takes, e.g. " takes 4x4 puzzles", "'s canvas is 4x4" */
    private String takes(PuzzleKind kind) {
        var c = forKind(kind).config();
        int side = (int) Math.round(Math.sqrt(c.seqLen()));
        if (side * side != c.seqLen() || side == 0) {
            return " takes sequences of " + c.seqLen() + " cells";
        }
        return switch (kind) {
            case ARC -> "'s canvas is " + side + "x" + side;
            case MAZE -> " takes " + side + "x" + side + " mazes";
            case SUDOKU -> " takes " + side + "x" + side + " puzzles";
        };
    }

    private String resource(PuzzleKind kind) {
        return ROOT + names.get(kind) + "/model.safetensors";
    }
}
