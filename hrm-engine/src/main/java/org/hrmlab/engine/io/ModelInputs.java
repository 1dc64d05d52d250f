package org.hrmlab.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.puzzles.ArcPuzzle;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazePuzzle;
import org.hrmlab.puzzles.Puzzle;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.SudokuPuzzle;

/**
 * What puzzles a model takes, as far as its file tells: the puzzle kind, the grid size and the number of input
 * tokens. The one place where the command line and the lab decide whether a puzzle fits a model.
 *
 * <p>A RoPE model does not record its sequence length, so it is derived from what is known, in this order:
 * <ol>
 *   <li>the sequence length in HRM Lab model metadata, or the rows of a learned position table;</li>
 *   <li>the {@code dataset.json} of the training data, when the folder the file names (the reference config's
 *       {@code data_path}, kept as {@code reference.data_path} by {@code hrmlab import}, or HRM Lab's {@code data}
 *       provenance) is found beside the checkpoint, above it, or under the working directory;</li>
 *   <li>the name of that folder ({@code data/maze-30x30-hard-1k}: 30x30 mazes; {@code sudoku-4x4-...}: 4x4 Sudokus;
 *       {@code arc-...}: ARC);</li>
 *   <li>the vocabulary, with the reference builders' encodings: N+2 tokens for an N x N Sudoku (N = 4, 6, 9), 6 for a
 *       maze (so also for a 4x4 Sudoku), 12 for ARC on the reference's 30x30 canvas.</li>
 * </ol>
 * What none of these settles stays unknown ({@link #kind()} empty, {@link #seqLen()} 0): the caller then says so
 * instead of guessing.
 */
public final class ModelInputs {
    /** Whether a puzzle fits a model. */
    public enum Fit {
        /** It fits what is known about the model. */
        FITS,
        /** It does not: another kind, size or length. */
        DOES_NOT_FIT,
        /** The file does not say enough to tell (e.g. a 6-token vocabulary: 4x4 Sudoku or maze). */
        UNKNOWN
    }

    private static final int[] SUDOKU_SIZES = {4, 6, 9};
    private static final Pattern SIZE = Pattern.compile("(\\d{1,3})x(\\d{1,3})");
    private static final Pattern ARC_WORD = Pattern.compile("(^|[^a-z])arc([^a-z]|$)");
    private static final int MAZE_VOCAB = 6;
    private static final int ARC_VOCAB = 12;
    private static final int ARC_SIDE = 30;

    private final String model;
    private final PuzzleKind kind;
    private final Set<PuzzleKind> candidates;
    private final int rows;
    private final int cols;
    private final int seqLen;
    private final int vocabSize;
    private final int puzzleIds;
    private final String basis;

    private ModelInputs(String model, PuzzleKind kind, Set<PuzzleKind> candidates, int rows, int cols, int seqLen,
                        int vocabSize, int puzzleIds, String basis) {
        this.model = model;
        this.kind = kind;
        this.candidates = candidates.isEmpty() ? Set.of() : Set.copyOf(candidates);
        this.rows = rows;
        this.cols = cols;
        this.seqLen = seqLen;
        this.vocabSize = vocabSize;
        this.puzzleIds = puzzleIds;
        this.basis = basis;
    }

    /** @return what {@code m}'s file says about its inputs */
    public static ModelInputs of(ModelCheckpoint m) {
        return of(m.source(), m.config(), m.provenance());
    }

    /**
     * @param source     the model file (for messages, and to find the training data beside it); may be null
     * @param config     its architecture ({@code seqLen} 0 when the file does not fix it)
     * @param provenance its provenance ({@code format}, {@code reference.data_path}, {@code data}, ...)
     * @return what these say about the model's inputs
     */
    public static ModelInputs of(Path source, HrmConfig config, Map<String, String> provenance) {
        Objects.requireNonNull(config, "config");
        Map<String, String> prov = provenance == null ? Map.of() : provenance;
        String name = source == null || source.getFileName() == null ? "the model" : source.getFileName().toString();
        int vocab = config.vocabSize();
        List<String> why = new ArrayList<>();

        int len = config.seqLen();
        boolean lengthRecorded = len > 0;
        if (len > 0) {
            why.add(config.learnedPositions() && !HrmLabModelFile.FORMAT.equals(prov.get("format"))
                    ? "its learned position table" : "its metadata");
        }
        String dataPath = prov.getOrDefault("reference.data_path", prov.get("data"));
        if (dataPath != null && dataPath.isBlank()) {
            dataPath = null;
        }
        if (len == 0 && dataPath != null) {
            Path meta = datasetJson(source, dataPath);
            int found = meta == null ? 0 : datasetSeqLen(meta, vocab);
            if (found > 0) {
                len = found;
                lengthRecorded = true;
                why.add(meta.toString());
            }
        }

        Set<PuzzleKind> byVocab = EnumSet.noneOf(PuzzleKind.class);
        int sudokuSize = 0;
        for (int n : SUDOKU_SIZES) {
            if (n + 2 == vocab && (len == 0 || len == n * n)) {
                byVocab.add(PuzzleKind.SUDOKU);
                sudokuSize = n;
            }
        }
        if (vocab == MAZE_VOCAB) {
            byVocab.add(PuzzleKind.MAZE);
        }
        if (vocab == ARC_VOCAB && (len == 0 || arcSide(len) > 0)) {
            byVocab.add(PuzzleKind.ARC);
        }

        String folder = dataPath == null ? "" : lastName(dataPath).toLowerCase(Locale.ROOT);
        PuzzleKind byName = folder.contains("sudoku") ? PuzzleKind.SUDOKU : folder.contains("maze") ? PuzzleKind.MAZE
                : ARC_WORD.matcher(folder).find() ? PuzzleKind.ARC : null;
        PuzzleKind kind = null;
        if (byName != null && byVocab.contains(byName)) {
            kind = byName;
            why.add("its training data '" + dataPath + "'");
        } else if (byVocab.size() == 1) {
            kind = byVocab.iterator().next();
            why.add("its vocabulary of " + vocab + " tokens");
        }

        int r = 0;
        int c = 0;
        if (kind == PuzzleKind.SUDOKU) {
            r = sudokuSize;
            c = sudokuSize;
            if (!lengthRecorded) {
                why.add("its vocabulary of " + vocab + " tokens");
            }
        } else if (kind == PuzzleKind.ARC) {
            if (len == 0) {
                why.add("the reference's " + ARC_SIDE + "x" + ARC_SIDE + " ARC canvas");
            }
            r = len == 0 ? ARC_SIDE : arcSide(len);
            c = r;
        } else if (kind == PuzzleKind.MAZE) {
            Matcher m = SIZE.matcher(folder);
            if (m.find() && (len == 0 || Integer.parseInt(m.group(1)) * Integer.parseInt(m.group(2)) == len)) {
                r = Integer.parseInt(m.group(1));
                c = Integer.parseInt(m.group(2));
            } else if (len > 0 && isSquare(len)) {
                r = (int) Math.round(Math.sqrt(len));
                c = r;
            }
        }
        if (len == 0 && r > 0) {
            len = r * c;
        }
        String basis = why.isEmpty() ? "" : String.join(", ", new java.util.LinkedHashSet<>(why));
        return new ModelInputs(name, kind, kind == null ? byVocab : EnumSet.of(kind), r, c, len, vocab,
                config.numPuzzleIdentifiers(), basis);
    }

    /** @return the model file's name, for messages */
    public String model() {
        return model;
    }

    /** @return the puzzle kind, if the file settles it */
    public java.util.Optional<PuzzleKind> kind() {
        return java.util.Optional.ofNullable(kind);
    }

    /** @return the kinds the model may take: one when {@link #kind()} is known, none if its vocabulary fits none */
    public Set<PuzzleKind> candidates() {
        return candidates;
    }

    /** @return grid rows (Sudoku, maze) or the ARC canvas side; 0 if unknown */
    public int rows() {
        return rows;
    }

    /** @return grid columns (Sudoku, maze) or the ARC canvas side; 0 if unknown */
    public int cols() {
        return cols;
    }

    /** @return input tokens per example, without the puzzle-embedding prefix; 0 if unknown */
    public int seqLen() {
        return seqLen;
    }

    /** @return the vocabulary size */
    public int vocabSize() {
        return vocabSize;
    }

    /** @return where the kind and length come from, e.g. "its vocabulary of 11 tokens"; empty if from nowhere */
    public String basis() {
        return basis;
    }

    /** @return e.g. "9x9 Sudokus (81 tokens)", "30x30 mazes (900 tokens)", "4x4 Sudokus or mazes" */
    public String describe() {
        return what() + (seqLen > 0 ? " (" + seqLen + " tokens)" : "");
    }

    /** @return the puzzles without their length: "9x9 Sudokus", "ARC tasks on a 4x4 canvas", "4x4 Sudokus or mazes" */
    private String what() {
        if (kind == null) {
            if (candidates.isEmpty()) {
                return "inputs of " + vocabSize + " token values";
            }
            List<String> names = new ArrayList<>();
            for (PuzzleKind k : new PuzzleKind[] {PuzzleKind.SUDOKU, PuzzleKind.MAZE, PuzzleKind.ARC}) {
                if (candidates.contains(k)) {
                    names.add(k == PuzzleKind.SUDOKU ? (vocabSize - 2) + "x" + (vocabSize - 2) + " Sudokus" : plural(k));
                }
            }
            return String.join(" or ", names);
        }
        String size = rows > 0 ? rows + "x" + cols + " " : "";
        return kind == PuzzleKind.ARC ? "ARC tasks" + (rows > 0 ? " on a " + rows + "x" + cols + " canvas" : "")
                : size + plural(kind);
    }

    /** @return {@link #describe()} with its basis: "9x9 Sudokus (81 tokens), from its vocabulary of 11 tokens" */
    public String describeWithBasis() {
        return describe() + (basis.isEmpty() ? "" : ", from " + basis);
    }

    /**
     * @param k     a puzzle's kind
     * @param pRows its grid rows (ARC: the larger of input and output)
     * @param pCols its grid columns (ARC: likewise)
     * @return whether the puzzle fits the model
     */
    public Fit fit(PuzzleKind k, int pRows, int pCols) {
        Objects.requireNonNull(k, "kind");
        if (!candidates.contains(k)) {
            return Fit.DOES_NOT_FIT;
        }
        if (kind == null) {
            if (k == PuzzleKind.SUDOKU && pRows != vocabSize - 2) {
                return Fit.DOES_NOT_FIT;
            }
            if (seqLen > 0 && k != PuzzleKind.ARC && pRows * pCols != seqLen) {
                return Fit.DOES_NOT_FIT;
            }
            return Fit.UNKNOWN;
        }
        return switch (k) {
            case SUDOKU -> pRows == rows && pCols == cols ? Fit.FITS : Fit.DOES_NOT_FIT;
            case MAZE -> (rows > 0 ? pRows == rows && pCols == cols : seqLen <= 0 || pRows * pCols == seqLen)
                    ? Fit.FITS : Fit.DOES_NOT_FIT;
            case ARC -> rows <= 0 || (pRows <= rows && pCols <= cols) ? Fit.FITS : Fit.DOES_NOT_FIT;
        };
    }

    /** @return whether {@code p} fits the model (an ARC task by the larger of its input and output) */
    public Fit fit(Puzzle p) {
        int[] d = dims(p);
        return fit(p.kind(), d[0], d[1]);
    }

    /** @return why {@code p} does not fit, or null (see {@link #mismatch(PuzzleKind, int, int)}) */
    public String mismatch(Puzzle p) {
        int[] d = dims(p);
        return mismatch(p.kind(), d[0], d[1]);
    }

    private static int[] dims(Puzzle p) {
        if (p instanceof SudokuPuzzle s) {
            return new int[] {s.shape().size(), s.shape().size()};
        }
        if (p instanceof MazePuzzle m) {
            return new int[] {m.maze().rows(), m.maze().cols()};
        }
        if (p instanceof ArcPuzzle a) {
            Grid in = a.input();
            Grid out = a.answer().orElse(in);
            return new int[] {Math.max(in.rows(), out.rows()), Math.max(in.cols(), out.cols())};
        }
        throw new IllegalArgumentException("unknown puzzle " + p);
    }

    /** @return a copy that names the model {@code name} in its messages */
    public ModelInputs named(String name) {
        return new ModelInputs(name, kind, candidates, rows, cols, seqLen, vocabSize, puzzleIds, basis);
    }

    /**
     * @return why a puzzle does not fit, e.g. "model.pt takes 30x30 mazes (900 tokens), from ...; this is a 4x4
     *         Sudoku", or null if it fits or the file does not say enough to tell
     */
    public String mismatch(PuzzleKind k, int pRows, int pCols) {
        if (fit(k, pRows, pCols) != Fit.DOES_NOT_FIT) {
            return null;
        }
        String what = switch (k) {
            case SUDOKU -> "a " + pRows + "x" + pCols + " Sudoku";
            case MAZE -> "a " + pRows + "x" + pCols + " maze";
            case ARC -> "an ARC task with a " + pRows + "x" + pCols + " grid";
        };
        return model + " takes " + describeWithBasis() + "; this is " + what;
    }

    /**
     * @param tokens the length of an input
     * @return why that length does not fit, e.g. "7 tokens, but step_0 takes 81 (9x9 Sudokus, from its vocabulary of
     *         11 tokens)", or null if it fits or the length is unknown
     */
    public String lengthMismatch(int tokens) {
        if (seqLen <= 0 || tokens == seqLen) {
            return null;
        }
        return tokens + " tokens, but " + model + " takes " + seqLen + " (" + what()
                + (basis.isEmpty() ? "" : ", from " + basis) + ")";
    }

    /**
     * @param tokens   an input's tokens (without the puzzle-embedding prefix)
     * @param puzzleId its puzzle identifier
     * @return what is wrong with it for this model (its length, a token outside the vocabulary, an identifier outside
     *         the puzzle table), or null if nothing is
     */
    public String inputProblem(int[] tokens, int puzzleId) {
        String length = lengthMismatch(tokens.length);
        if (length != null) {
            return length;
        }
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocabSize) {
                return "token " + tokens[i] + " at position " + i + " is outside " + model + "'s vocabulary [0, "
                        + vocabSize + ")";
            }
        }
        if (puzzleId < 0 || puzzleId >= puzzleIds) {
            return "puzzle id " + puzzleId + " is outside " + model + "'s puzzle table [0, " + puzzleIds + ")";
        }
        return null;
    }

    /** @return rows of the model's puzzle-embedding table (1 when it has none) */
    public int puzzleIdentifiers() {
        return puzzleIds;
    }

    /** @return whether the expected length is known */
    public boolean lengthKnown() {
        return seqLen > 0;
    }

    @Override
    public String toString() {
        return model + ": " + describeWithBasis();
    }

    private static String plural(PuzzleKind k) {
        return switch (k) {
            case SUDOKU -> "Sudokus";
            case MAZE -> "mazes";
            case ARC -> "ARC tasks";
        };
    }

    private static int arcSide(int len) {
        int side = (int) Math.round(Math.sqrt(len));
        return side >= 1 && side <= ARC_SIDE && side * side == len ? side : 0;
    }

    private static boolean isSquare(int n) {
        int s = (int) Math.round(Math.sqrt(n));
        return s * s == n;
    }

    private static String lastName(String path) {
        String p = path.replace('\\', '/');
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Looks for {@code <data>/train/dataset.json} (or test/) at, beside or above the checkpoint, or under the cwd. */
    private static Path datasetJson(Path source, String dataPath) {
        List<Path> roots = new ArrayList<>();
        try {
            Path p = Path.of(dataPath);
            if (p.isAbsolute()) {
                roots.add(p);
            } else {
                Path dir = source == null ? null : source.toAbsolutePath().getParent();
                for (int up = 0; dir != null && up < 4; up++, dir = dir.getParent()) {
                    roots.add(dir.resolve(p));
                }
                roots.add(p.toAbsolutePath());
            }
        } catch (InvalidPathException e) {
            return null;
        }
        for (Path root : roots) {
            for (String split : new String[] {"train", "test"}) {
                Path meta = root.resolve(split).resolve("dataset.json");
                if (Files.isRegularFile(meta)) {
                    return meta;
                }
            }
        }
        return null;
    }

    /** @return the dataset's seq_len if its vocabulary is the model's, else 0 */
    private static int datasetSeqLen(Path meta, int vocab) {
        try {
            JsonNode n = new ObjectMapper().readTree(meta.toFile());
            if (n.path("vocab_size").asInt(-1) != vocab) {
                return 0;
            }
            int len = n.path("seq_len").asInt(0);
            return Math.max(len, 0);
        } catch (IOException e) {
            return 0;
        }
    }
}
