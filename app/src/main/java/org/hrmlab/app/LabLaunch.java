package org.hrmlab.app;

import java.io.IOException;
import java.nio.file.Path;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.engine.io.CheckpointException;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.puzzles.PuzzleFormatException;
import org.hrmlab.puzzles.PuzzleSources;

/**
 * What {@code hrmlab --checkpoint C [--puzzle P]} opens the lab on, read and checked before any window appears: the
 * model (reference checkpoint or HRM Lab model) and the puzzle (a puzzle file, {@code file#N} for the N-th of a CSV,
 * an ARC task JSON). Users who download a published checkpoint start here.
 *
 * @param checkpoint the loaded model, or null for the shipped ones
 * @param name       the model's display name (its file name)
 * @param puzzle     the puzzle to open, or null for the opening puzzle ({@link org.hrmlab.app.puzzle.OpeningPuzzle})
 */
public record LabLaunch(ModelCheckpoint checkpoint, String name, LabPuzzle puzzle) {
    /** Opens the lab on the shipped models and the opening puzzle. */
    public static final LabLaunch DEFAULT = new LabLaunch(null, null, null);

    /**
     * @param args the command line, such as {@code --checkpoint m.safetensors --puzzle sudoku.csv#3}
     * @return what to open, or null when {@code args} is not a lab launch (a sub-command)
     * @throws IllegalArgumentException one line naming the file and the problem
     */
    public static LabLaunch parse(String... args) {
        if (args.length == 0) {
            return DEFAULT;
        }
        if (!args[0].startsWith("--checkpoint") && !args[0].startsWith("--puzzle")) {
            return null;
        }
        Path checkpoint = null;
        String puzzle = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.length ? args[++i] : null;
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            switch (option) {
                case "--checkpoint" -> checkpoint = checkpointPath(value);
                case "--puzzle" -> puzzle = value;
                default -> throw new IllegalArgumentException("unknown option '" + option
                        + "' (the lab takes --checkpoint C and --puzzle P; commands: hrmlab --help)");
            }
        }
        ModelCheckpoint ckpt = null;
        if (checkpoint != null) {
            try {
                ckpt = CheckpointLoader.load(checkpoint);
            } catch (CheckpointException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        LabPuzzle p = null;
        if (puzzle != null) {
            try {
                p = BundledLabPuzzles.from(PuzzleSources.open(puzzle));
            } catch (PuzzleFormatException e) {
                throw new IllegalArgumentException(e.getMessage());
            } catch (IOException e) {
                throw new IllegalArgumentException(puzzle + ": " + (e instanceof java.nio.file.NoSuchFileException
                        ? "no such file" : e.getMessage()));
            }
        }
        return new LabLaunch(ckpt, checkpoint == null ? null : DefaultModels.fileName(checkpoint), p);
    }

    /** @return the file of a checkpoint argument: a path, or {@code shipped:NAME} for a shipped model */
    private static Path checkpointPath(String value) {
        try {
            return DefaultModels.checkpointPath(value);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
