package org.hrmlab.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.hrmlab.puzzles.MazePuzzle;
import org.hrmlab.puzzles.Puzzle;
import org.hrmlab.puzzles.PuzzleCsv;
import org.hrmlab.puzzles.PuzzleFormatException;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.PuzzleSources;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.codec.ArcCodec;
import org.hrmlab.puzzles.dataset.ArcDatasetBuilder;
import org.hrmlab.puzzles.dataset.DatasetSummary;
import org.hrmlab.puzzles.dataset.MazeDatasetBuilder;
import org.hrmlab.puzzles.dataset.SudokuDatasetBuilder;
import org.hrmlab.puzzles.dataset.SymmetryKeys;
import org.hrmlab.puzzles.maze.MazeDifficulty;
import org.hrmlab.puzzles.maze.MazeGenerator;
import org.hrmlab.puzzles.sudoku.SudokuDifficulty;
import org.hrmlab.puzzles.sudoku.SudokuGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Build reference-layout datasets and generate puzzles.",
        subcommands = {DatasetCommand.Build.class, DatasetCommand.Generate.class})
public final class DatasetCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Write a dataset in the reference layout (identifiers.json, train/, test/).")
    static final class Build implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--kind", required = true, converter = OptionConverters.PuzzleKinds.class,
                description = "sudoku, maze or arc")
        PuzzleKind kind;

        @Option(names = "--from", required = true, arity = "1..*",
                description = "Sudoku/maze: a CSV (or a folder with train.csv and test.csv); ARC: task folders "
                        + "with training/ and evaluation/ sub-folders")
        List<Path> from;

        @Option(names = "--test-from", description = "Sudoku/maze: a separate test CSV")
        Path testFrom;

        @Option(names = "--out", required = true, description = "the dataset folder to write")
        Path out;

        @Option(names = "--aug", description = "augmentations per training puzzle (Sudoku: relabellings, default 0; "
                + "maze: any value > 0 adds the 8 dihedral transforms, default 0; ARC: variants, default 1000)")
        Integer aug;

        @Option(names = "--seed", description = "seed of every random draw (default 42 for ARC, 0 otherwise)")
        Long seed;

        @Option(names = "--test-fraction", defaultValue = "0.1",
                description = "Sudoku/maze from one CSV: share of puzzles held out for test (default ${DEFAULT-VALUE})")
        double testFraction;

        @Option(names = "--subsample", description = "Sudoku/maze: keep this many training puzzles (seeded)")
        Integer subsample;

        @Option(names = "--disjoint", description = "Sudoku/maze: drop every test puzzle that is a training puzzle up "
                + "to the augmentations' symmetries (maze: 8 dihedral images; Sudoku 4x4/6x6: relabelling, "
                + "transposition, band/row/stack/column shuffles; 9x9: relabelling), and repeated test puzzles")
        boolean disjoint;

        @Option(names = "--canvas", paramLabel = "SIDE", description = "ARC: side of the square canvas, 1..30 "
                + "(default 30, the reference's); tasks with a larger grid are left out and listed. Maze: lay square "
                + "mazes of several sizes up to SIDE out on one SIDE x SIDE canvas (walls around a smaller maze in "
                + "the input, PAD in the labels, which the loss ignores)")
        Integer canvas;

        @Override
        public Integer call() {
            return DatasetCommand.guard(spec, () -> {
                if (canvas != null && kind == PuzzleKind.SUDOKU) {
                    throw new IllegalArgumentException("--canvas applies to ARC and maze datasets only");
                }
                long s = seed != null ? seed : kind == PuzzleKind.ARC ? 42 : 0;
                DatasetSummary summary = switch (kind) {
                    case ARC -> ArcDatasetBuilder.build(from, aug == null ? 1000 : aug, s,
                            canvas == null ? ArcCodec.SIDE : canvas, out);
                    case SUDOKU -> {
                        List<List<SudokuPuzzle>> tt = splitSources(SudokuPuzzle.class, s);
                        yield SudokuDatasetBuilder.build(tt.get(0), tt.get(1), aug == null ? 0 : aug, s, out);
                    }
                    case MAZE -> {
                        List<List<MazePuzzle>> tt = splitSources(MazePuzzle.class, s);
                        boolean dihedral = aug != null && aug > 0;
                        yield canvas == null ? MazeDatasetBuilder.build(tt.get(0), tt.get(1), dihedral, out)
                                : MazeDatasetBuilder.build(tt.get(0), tt.get(1), dihedral, canvas, s, out);
                    }
                };
                for (String skipped : summary.skipped()) {
                    spec.commandLine().getErr().println("skipped: " + skipped);
                }
                ObjectNode json = JSON.valueToTree(summary);
                json.put("out", out.toString());
                return json;
            });
        }

        private <T extends Puzzle> List<List<T>> splitSources(Class<T> type, long s) throws IOException {
            if (from.size() != 1) {
                throw new IllegalArgumentException("--from: give one CSV or one folder for " + kind.id());
            }
            Path src = from.get(0);
            List<T> train;
            List<T> test;
            if (Files.isDirectory(src)) {
                train = load(src.resolve("train.csv"), type);
                test = load(src.resolve("test.csv"), type);
            } else if (testFrom != null) {
                train = load(src, type);
                test = load(testFrom, type);
            } else {
                if (testFraction < 0 || testFraction >= 1) {
                    throw new IllegalArgumentException("--test-fraction must lie in [0, 1)");
                }
                List<List<T>> tt = SudokuDatasetBuilder.split(load(src, type), testFraction, s);
                train = tt.get(0);
                test = tt.get(1);
            }
            if (subsample != null && subsample < train.size()) {
                train = SudokuDatasetBuilder.split(train, 1.0 - subsample / (double) train.size(), s + 1).get(0);
            }
            if (disjoint) {
                int before = test.size();
                test = unseen(train, test);
                spec.commandLine().getErr().println("disjoint: dropped " + (before - test.size()) + " of " + before
                        + " test puzzles (augmentations of training puzzles, or repeats); " + test.size() + " left");
            }
            if (train.isEmpty() || test.isEmpty()) {
                throw new IllegalArgumentException("--from: need at least one training and one test puzzle (got "
                        + train.size() + " and " + test.size() + ")");
            }
            return List.of(train, test);
        }

        private static <T extends Puzzle> List<T> unseen(List<T> train, List<T> test) {
            java.util.function.Function<T, String> key = p -> p instanceof SudokuPuzzle sp ? SymmetryKeys.sudoku(sp)
                    : SymmetryKeys.maze((MazePuzzle) p);
            List<T> unique = new ArrayList<>();
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (T p : SymmetryKeys.unseen(train, test, key)) {
                if (keys.add(key.apply(p))) {
                    unique.add(p);
                }
            }
            return unique;
        }

        private <T extends Puzzle> List<T> load(Path file, Class<T> type) throws IOException {
            List<T> out = new ArrayList<>();
            for (Puzzle p : PuzzleSources.openAll(file.toString())) {
                if (!type.isInstance(p)) {
                    throw new PuzzleFormatException(file.toString(), null, "holds " + p.kind().id()
                            + " puzzles, not " + kind.id());
                }
                if (p.answer().isEmpty()) {
                    throw new PuzzleFormatException(file.toString(), p.name(), "no known answer");
                }
                out.add(type.cast(p));
            }
            return out;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Generate puzzles with unique, verified answers into a CSV (Sudoku-Extreme / Maze-Hard "
                    + "layout).")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--kind", required = true, converter = OptionConverters.PuzzleKinds.class,
                description = "sudoku or maze")
        PuzzleKind kind;

        @Option(names = "--count", required = true, converter = OptionConverters.Positive.class,
                description = "how many puzzles")
        int count;

        @Option(names = "--size", required = true, description = "Sudoku: 4, 6 or 9; maze: 3..30 (square)")
        int size;

        @Option(names = "--difficulty", description = "Sudoku: easy, medium (default), hard, extreme, minimal "
                + "(unique, no given removable) or givens=A..B,effort=C..D[,minimal]; maze: easy, medium, hard "
                + "(default; 30x30: path > 110), any or path=A..B")
        String difficulty;

        @Option(names = "--loops", defaultValue = "0.08",
                description = "maze: share of inner walls opened to make loops (default ${DEFAULT-VALUE})")
        double loops;

        @Option(names = "--seed", defaultValue = "0", description = "seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--out", required = true, description = "the CSV file to write")
        Path out;

        @Override
        public Integer call() {
            return DatasetCommand.guard(spec, () -> {
                long t0 = System.nanoTime();
                long[] ratings = new long[count];
                ObjectNode json = JSON.createObjectNode();
                String source;
                Path abs = out.toAbsolutePath();
                Files.createDirectories(abs.getParent());
                Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    PuzzleCsv.writeHeader(w);
                    if (kind == PuzzleKind.SUDOKU) {
                        SudokuShape shape = sudokuShape(size);
                        String level = difficulty == null ? "medium" : difficulty;
                        SudokuDifficulty d = SudokuDifficulty.parse(level, shape);
                        source = "hrmlab-sudoku-" + shape.label() + "-" + level.replace(',', ';') + "-seed" + seed;
                        SudokuGenerator gen = new SudokuGenerator(shape, seed);
                        int[] givens = new int[count];
                        for (int i = 0; i < count; i++) {
                            SudokuPuzzle p = gen.next(source + "#" + i, d);
                            PuzzleCsv.writeRow(w, source, p.questionLine(), p.answerLine(), p.rating());
                            ratings[i] = p.rating();
                            givens[i] = p.givenCount();
                        }
                        json.set("difficulty", JSON.valueToTree(d));
                        json.set("givens", stats(Arrays.stream(givens).asLongStream().toArray()));
                    } else if (kind == PuzzleKind.MAZE) {
                        String level = difficulty == null ? "hard" : difficulty;
                        MazeDifficulty d = MazeDifficulty.parse(level, size, size);
                        source = "hrmlab-maze-" + size + "x" + size + "-" + level + "-seed" + seed;
                        MazeGenerator gen = new MazeGenerator(size, size, loops, seed);
                        for (int i = 0; i < count; i++) {
                            MazePuzzle m = gen.next(source + "#" + i, d);
                            PuzzleCsv.writeRow(w, source, MazePuzzle.line(m.maze()), MazePuzzle.line(m.solution()),
                                    m.rating());
                            ratings[i] = m.rating();
                        }
                        json.set("difficulty", JSON.valueToTree(d));
                    } else {
                        throw new IllegalArgumentException("--kind: generate makes sudoku or maze puzzles, not arc");
                    }
                }
                org.hrmlab.puzzles.io.AtomicFiles.commit(tmp, out);
                json.put("kind", kind.id());
                json.put("size", size);
                json.put("count", count);
                json.put("seed", seed);
                json.put("source", source);
                json.put("out", out.toString());
                json.set(kind == PuzzleKind.SUDOKU ? "effort" : "path_length", stats(ratings));
                json.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1e3);
                return json;
            });
        }

        private static SudokuShape sudokuShape(int n) {
            try {
                return SudokuShape.of(n);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--size: no Sudoku of size " + n + " (use 4, 6 or 9)");
            }
        }

        private static ObjectNode stats(long[] values) {
            long[] v = values.clone();
            Arrays.sort(v);
            ObjectNode o = JSON.createObjectNode();
            o.put("min", v[0]);
            o.put("median", v[v.length / 2]);
            o.put("max", v[v.length - 1]);
            return o;
        }
    }

    @FunctionalInterface
    interface JsonTask {
        ObjectNode run() throws Exception;
    }

    static int guard(CommandSpec spec, JsonTask task) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ObjectNode result = task.run();
            PrintWriter out = spec.commandLine().getOut();
            out.println(JSON.writeValueAsString(result));
            out.flush();
            return 0;
        } catch (PuzzleFormatException | IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println(e.getMessage() + ": no such file");
            err.flush();
            return 2;
        } catch (Exception e) {
            err.println("internal error: " + e + " (run with -Dhrmlab.debug=true for a stack trace)");
            if (Boolean.getBoolean("hrmlab.debug")) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        }
    }
}
