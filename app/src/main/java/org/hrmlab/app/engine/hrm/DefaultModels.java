package org.hrmlab.app.engine.hrm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrmlab.app.engine.StepperException;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.engine.io.CheckpointException;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.io.ModelInputs;
import org.hrmlab.puzzles.PuzzleKind;

/**
 * The trained models shipped in {@code sample-puzzles} ({@code org/hrmlab/puzzles/models/<name>/model.safetensors}),
 * one or more per puzzle kind, each loaded on first use. A puzzle runs on the first model of its kind whose input fits
 * it: the model's own sequence length and vocabulary decide ({@link ModelInputs}), so a 4×4 Sudoku opens on
 * {@code sudoku} and a 9×9 one on {@code sudoku-9x9}, with no table of sizes here.
 */
public final class DefaultModels {
    private static final String ROOT = "/org/hrmlab/puzzles/models/";
    /** How a checkpoint argument names a shipped model: {@code shipped:maze-7x7}. */
    public static final String SCHEME = "shipped:";
    /** Every shipped model's folder: the HRMs of {@link #shipped()}, then the TRMs shown beside them. */
    public static final List<String> ALL = List.of("sudoku", "sudoku-9x9", "maze", "maze-7x7", "maze-15x15", "arc",
            "arc-10x10", "trm-sudoku", "trm-sudoku-9x9");
    private static final Map<String, Path> EXTRACTED = new HashMap<>();
    private static final Map<PuzzleKind, String> KIND_NAMES = Map.of(PuzzleKind.SUDOKU, "Sudoku",
            PuzzleKind.MAZE, "maze", PuzzleKind.ARC, "ARC");
    private final Map<PuzzleKind, List<String>> names;
    private final Map<String, ModelCheckpoint> loaded = new HashMap<>();

    /** @param names the model folders per puzzle kind, in the order they are tried (the first is the kind's main one) */
    public DefaultModels(Map<PuzzleKind, List<String>> names) {
        this.names = new EnumMap<>(PuzzleKind.class);
        names.forEach((kind, folders) -> this.names.put(kind, List.copyOf(folders)));
    }

    /**
     * @return the shipped models: {@code sudoku} (4×4) and {@code sudoku-9x9}, {@code maze} (5×5), {@code maze-7x7} and
     *         {@code maze-15x15}, {@code arc} (4×4 canvas) and {@code arc-10x10}
     */
    public static DefaultModels shipped() {
        return new DefaultModels(Map.of(PuzzleKind.SUDOKU, List.of("sudoku", "sudoku-9x9"),
                PuzzleKind.MAZE, List.of("maze", "maze-7x7", "maze-15x15"), PuzzleKind.ARC,
                List.of("arc", "arc-10x10")));
    }

    /** @return e.g. "default sudoku model": the main model of {@code kind} */
    public String name(PuzzleKind kind) {
        List<String> folders = folders(kind);
        return "default " + (folders.isEmpty() ? kind.name().toLowerCase() : folders.get(0)) + " model";
    }

    /** @return e.g. "default sudoku-9x9 model": the model the puzzle runs on (else its kind's main one) */
    public String name(LabPuzzle puzzle) {
        return fitting(puzzle).map(f -> "default " + f + " model").orElseGet(() -> name(puzzle.kind()));
    }

    /** @return whether a model is shipped for {@code kind} */
    public boolean has(PuzzleKind kind) {
        return !folders(kind).isEmpty();
    }

    /** @return the main (first) model of {@code kind}, loaded */
    public ModelCheckpoint forKind(PuzzleKind kind) {
        if (!has(kind)) {
            throw new StepperException("no default model is shipped for " + kind.name().toLowerCase()
                    + " puzzles: load a checkpoint (File > Open checkpoint)");
        }
        return load(folders(kind).get(0));
    }

    /** @return every shipped model of {@code kind}, loaded, in the order they are tried */
    public List<ModelCheckpoint> allOfKind(PuzzleKind kind) {
        return folders(kind).stream().map(this::load).toList();
    }

    /**
     * Copies a shipped model to a temporary file (deleted on exit), once per process, so that it opens like any
     * checkpoint; {@link #describe} names the copy {@code shipped:FOLDER} again.
     *
     * @param folder the model's folder under {@code org/hrmlab/puzzles/models/}, e.g. {@code trm-sudoku}
     * @return the copy
     * @throws java.io.FileNotFoundException "no shipped model FOLDER (the shipped models: ...)"
     */
    public static Path extracted(String folder) throws IOException {
        synchronized (EXTRACTED) {
            Path done = EXTRACTED.get(folder);
            if (done != null && Files.isRegularFile(done)) {
                return done;
            }
            try (InputStream in = folder.contains("/") || folder.contains("\\") ? null
                    : DefaultModels.class.getResourceAsStream(ROOT + folder + "/model.safetensors")) {
                if (in == null) {
                    throw new java.io.FileNotFoundException("no shipped model " + folder + " (the shipped models: "
                            + String.join(", ", ALL) + ")");
                }
                Path tmp = Files.createTempFile("hrmlab-" + folder, ".safetensors");
                tmp.toFile().deleteOnExit();
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                EXTRACTED.put(folder, tmp);
                return tmp;
            }
        }
    }

    /**
     * @param folder a shipped model's folder ({@link #ALL})
     * @return the title of its card ({@code README.md} beside it), e.g. "Default 9×9 Sudoku model: ...", if it has one
     */
    public static Optional<String> cardTitle(String folder) throws IOException {
        try (InputStream in = DefaultModels.class.getResourceAsStream(ROOT + folder + "/README.md")) {
            if (in == null) {
                return Optional.empty();
            }
            String first = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("# ")).findFirst().orElse("");
            return first.isEmpty() ? Optional.empty() : Optional.of(first.substring(2).strip());
        }
    }

    /**
     * Opens a checkpoint argument: {@code shipped:FOLDER} names a shipped model ({@link #ALL}), anything else is a
     * file.
     *
     * @return the file to load
     * @throws java.io.FileNotFoundException for a {@code shipped:} name that no model has, listing the names
     */
    public static Path checkpointPath(String argument) throws IOException {
        if (argument.startsWith(SCHEME)) {
            return extracted(argument.substring(SCHEME.length()));
        }
        return Path.of(argument);
    }

    /**
     * @return {@code shipped:FOLDER} for a shipped model's copy made by {@link #extracted}, else the path as given: what
     *         messages and manifests name a checkpoint by, and what {@link #checkpointPath} opens again
     */
    public static String describe(Path checkpoint) {
        synchronized (EXTRACTED) {
            for (Map.Entry<String, Path> e : EXTRACTED.entrySet()) {
                if (e.getValue().equals(checkpoint)) {
                    return SCHEME + e.getKey();
                }
            }
        }
        return checkpoint.toString();
    }

    /** @return {@code shipped:FOLDER} for a shipped model's copy ({@link #describe}), else the file's name */
    public static String fileName(Path checkpoint) {
        String named = describe(checkpoint);
        return named.startsWith(SCHEME) ? named : checkpoint.getFileName().toString();
    }

    /** @return whether a shipped model of the puzzle's kind takes the puzzle ({@code ModelInputs}) */
    public boolean fits(LabPuzzle puzzle) {
        return fitting(puzzle).isPresent();
    }

    /** @return the folder of the first shipped model of the puzzle's kind that takes the puzzle */
    public Optional<String> fitting(LabPuzzle puzzle) {
        return folders(puzzle.kind()).stream().filter(f -> takes(load(f), puzzle)).findFirst();
    }

    /** @return whether the puzzle fits what the model takes in: its size, on an ARC model's canvas */
    private static boolean fitsInputs(ModelInputs in, LabPuzzle puzzle) {
        return org.hrmlab.app.engine.ModelInfo.fit(in, puzzle) == ModelInputs.Fit.FITS;
    }

    private static boolean takes(ModelCheckpoint model, LabPuzzle puzzle) {
        var in = ModelInputs.of(model);
        if (!fitsInputs(in, puzzle)) {
            return false;
        }
        int[] tokens;
        try {
            tokens = LabPuzzleTokens.encode(puzzle, in.seqLen());
        } catch (StepperException e) {
            return false;
        }
        int max = java.util.Arrays.stream(tokens).max().orElse(0);
        return max < in.vocabSize() && in.lengthMismatch(tokens.length) == null && knowsTask(model, puzzle);
    }

    /**
     * An ARC model answers only the tasks it learned from their demonstrations, each under its own puzzle embedding:
     * one that names its identifiers takes an ARC task only if the task is among them.
     */
    private static boolean knowsTask(ModelCheckpoint model, LabPuzzle puzzle) {
        return puzzle.kind() != PuzzleKind.ARC || model.config().puzzleEmbNdim() == 0
                || model.puzzleIdFor(puzzle.name()) > 0 || model.puzzleIdentifiers().isEmpty();
    }

    /**
     * @return the shipped model that takes the puzzle (the first of its kind that does)
     * @throws StepperException when none does: "no model for 20x20 ARC puzzles is loaded: open a checkpoint trained on
     *                          them (File > Open checkpoint)", with what the shipped models of that kind take; for an
     *                          ARC task that fits a canvas: "no shipped ARC model learned the task 007bbfb7 ..."
     */
    public ModelCheckpoint forPuzzle(LabPuzzle puzzle) {
        Optional<String> folder = fitting(puzzle);
        if (folder.isPresent()) {
            return load(folder.get());
        }
        String message = "no model for " + shape(puzzle) + " is loaded: open a checkpoint trained on them"
                + " (File > Open checkpoint)";
        if (puzzle.kind() == PuzzleKind.ARC
                && folders(PuzzleKind.ARC).stream().anyMatch(f -> fitsInputs(ModelInputs.of(load(f)), puzzle))) {
            message = "no shipped ARC model learned the task " + ModelCheckpoint.taskName(puzzle.name())
                    + " (an ARC model answers only the tasks it trained on, each under its own puzzle identifier):"
                    + " open a checkpoint trained on it (File > Open checkpoint)";
        }
        if (has(puzzle.kind())) {
            message += "; " + takes(puzzle.kind());
        }
        throw new StepperException(message);
    }

    /** @return e.g. "6x6 ARC puzzles", "9x9 Sudoku puzzles", "30x30 mazes" */
    private static String shape(LabPuzzle puzzle) {
        String size = puzzle.input().rows() + "x" + puzzle.input().cols() + " ";
        return size + (puzzle.kind() == PuzzleKind.MAZE ? "mazes" : KIND_NAMES.get(puzzle.kind()) + " puzzles");
    }

    /**
     * @return what the shipped models of {@code kind} take: "the shipped Sudoku models take 4x4 and 9x9 puzzles",
     *         "the shipped ARC model's canvas is 4x4", "the shipped maze model takes 5x5 mazes"
     */
    private String takes(PuzzleKind kind) {
        List<String> sizes = new ArrayList<>();
        for (ModelCheckpoint m : allOfKind(kind)) {
            int seq = m.config().seqLen();
            int side = (int) Math.round(Math.sqrt(seq));
            sizes.add(side * side != seq || side == 0 ? "sequences of " + seq + " cells" : side + "x" + side);
        }
        boolean one = sizes.size() == 1;
        String list = one ? sizes.get(0)
                : String.join(", ", sizes.subList(0, sizes.size() - 1)) + " and " + sizes.get(sizes.size() - 1);
        boolean square = sizes.stream().noneMatch(s -> s.startsWith("sequences"));
        if (kind == PuzzleKind.ARC && square) {
            return one ? "the shipped ARC model's canvas is " + list : "the shipped ARC models' canvases are " + list;
        }
        String unit = !square ? "" : kind == PuzzleKind.MAZE ? " mazes" : " puzzles";
        return "the shipped " + KIND_NAMES.get(kind) + (one ? " model takes " : " models take ") + list + unit;
    }

    private List<String> folders(PuzzleKind kind) {
        return names.getOrDefault(kind, List.of()).stream()
                .filter(f -> DefaultModels.class.getResource(ROOT + f + "/model.safetensors") != null).toList();
    }

    private synchronized ModelCheckpoint load(String folder) {
        ModelCheckpoint m = loaded.get(folder);
        if (m != null) {
            return m;
        }
        try {
            m = CheckpointLoader.load(extracted(folder));
        } catch (CheckpointException e) {
            throw new StepperException("the shipped " + folder + " model is damaged: " + e.problem());
        } catch (IOException e) {
            throw new StepperException("cannot read the shipped " + folder + " model: " + e.getMessage());
        }
        loaded.put(folder, m);
        return m;
    }
}
