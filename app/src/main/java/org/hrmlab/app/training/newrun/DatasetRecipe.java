package org.hrmlab.app.training.newrun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.hrmlab.puzzles.PuzzleKind;

/**
 * The dataset of a new run, as the {@code hrmlab dataset} commands that make it (the wizard runs them in this process
 * and shows them, so the same data can be made in a script). Sudokus and mazes are generated: training and test
 * puzzles with different seeds, then test puzzles equal to a training puzzle up to the augmentations' symmetries are
 * dropped ({@code --disjoint}). ARC uses the bundled tasks that fit the canvas ({@link BundledArcTasks}).
 *
 * @param kind       the puzzle family
 * @param size       Sudoku: 4, 6 or 9; maze: the side, 3..30; ARC: the canvas side
 * @param difficulty a generator preset (Sudoku, maze); not used for ARC
 * @param train      training puzzles (ARC: training tasks)
 * @param test       test puzzles (ARC: held-out tasks, whose demonstrations train and whose test pairs test)
 * @param augment    Sudoku: relabellings per puzzle; maze: above 0 adds the 8 dihedral transforms; ARC: variants per
 *                   task
 */
public record DatasetRecipe(PuzzleKind kind, int size, String difficulty, int train, int test, int augment) {
    static final long TRAIN_SEED = 1;
    static final long TEST_SEED = 2;
    static final long ARC_SEED = 42;

    /** @return the sizes the generators (Sudoku, maze) or the ARC codec (canvas) take */
    public static List<Integer> sizes(PuzzleKind kind) {
        return switch (kind) {
            case SUDOKU -> List.of(4, 6, 9);
            case MAZE -> IntStream.rangeClosed(3, 30).boxed().toList();
            case ARC -> IntStream.rangeClosed(1, 30).boxed().toList();
        };
    }

    /** @return the generator's named presets; none for ARC */
    public static List<String> difficulties(PuzzleKind kind) {
        return switch (kind) {
            case SUDOKU -> List.of("easy", "medium", "hard", "extreme", "minimal");
            case MAZE -> List.of("easy", "medium", "hard", "any");
            case ARC -> List.of();
        };
    }

    /** @return the data of the shipped model of {@code kind}, with fewer puzzles (training/README.md) */
    public static DatasetRecipe defaults(PuzzleKind kind) {
        return switch (kind) {
            case SUDOKU -> new DatasetRecipe(kind, 4, "medium", 1000, 200, 8);
            case MAZE -> new DatasetRecipe(kind, 5, "hard", 1000, 200, 1);
            case ARC -> new DatasetRecipe(kind, 4, "", 9, 7, 20);
        };
    }

    /** @return e.g. {@code sudoku-4x4-medium}, {@code arc-4x4} */
    public String name() {
        String base = kind.id() + "-" + size + "x" + size;
        return kind == PuzzleKind.ARC ? base : base + "-" + difficulty;
    }

    /** @throws IllegalArgumentException one line saying which choice is out of range */
    public void check() {
        List<Integer> sizes = sizes(kind);
        if (!sizes.contains(size)) {
            throw new IllegalArgumentException(kind.label() + " size " + size + ": choose " + (sizes.size() <= 3
                    ? sizes.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    : sizes.get(0) + ".." + sizes.get(sizes.size() - 1)));
        }
        if (kind != PuzzleKind.ARC && !difficulties(kind).contains(difficulty)) {
            throw new IllegalArgumentException("difficulty '" + difficulty + "' is not one of "
                    + String.join(", ", difficulties(kind)));
        }
        if (train < 1 || test < 1) {
            throw new IllegalArgumentException("need at least one training and one test "
                    + (kind == PuzzleKind.ARC ? "task" : "puzzle"));
        }
        if (augment < 0) {
            throw new IllegalArgumentException("augmentations must be 0 or more, got " + augment);
        }
    }

    /**
     * @param runFolder the run's folder: puzzles go to {@code puzzles/}, the dataset to {@code data/}
     * @return the {@code hrmlab} arguments of each command, in order
     */
    public List<List<String>> commands(Path runFolder) {
        Path puzzles = runFolder.resolve("puzzles");
        Path data = runFolder.resolve("data");
        List<List<String>> commands = new ArrayList<>();
        if (kind == PuzzleKind.ARC) {
            commands.add(List.of("dataset", "build", "--kind", "arc", "--from", puzzles.resolve("arc").toString(),
                    "--canvas", String.valueOf(size), "--aug", String.valueOf(augment), "--seed",
                    String.valueOf(ARC_SEED), "--out", data.toString()));
            return commands;
        }
        commands.add(generate(train, TRAIN_SEED, puzzles.resolve("train.csv")));
        commands.add(generate(test, TEST_SEED, puzzles.resolve("test.csv")));
        commands.add(List.of("dataset", "build", "--kind", kind.id(), "--from", puzzles.toString(), "--aug",
                String.valueOf(augment), "--disjoint", "--out", data.toString()));
        return commands;
    }

    private List<String> generate(int count, long seed, Path out) {
        return List.of("dataset", "generate", "--kind", kind.id(), "--size", String.valueOf(size), "--difficulty",
                difficulty, "--count", String.valueOf(count), "--seed", String.valueOf(seed), "--out", out.toString());
    }
}
