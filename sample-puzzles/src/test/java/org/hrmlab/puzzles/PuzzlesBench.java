package org.hrmlab.puzzles;

import java.util.List;
import org.hrmlab.puzzles.arc.ArcLoader;
import org.hrmlab.puzzles.maze.MazeDifficulty;
import org.hrmlab.puzzles.maze.MazeGenerator;
import org.hrmlab.puzzles.sudoku.SudokuDifficulty;
import org.hrmlab.puzzles.sudoku.SudokuGenerator;

/**
 * Timing of the puzzle layer (not a unit test): 1,000 unique 9x9 Sudokus, 1,000 hard 30x30 mazes, all ARC tasks.
 * Run with {@code java -cp <test classpath> org.hrmlab.puzzles.PuzzlesBench [shared folder]}.
 */
public final class PuzzlesBench {
    private PuzzlesBench() {
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Path shared = java.nio.file.Path.of(args.length > 0 ? args[0] : "../shared");
        long t = System.nanoTime();
        int arc = 0;
        for (String s : List.of("arc-agi-1/training", "arc-agi-1/evaluation", "arc-agi-2/training",
                "arc-agi-2/evaluation")) {
            arc += ArcLoader.readDirectory(shared.resolve("data").resolve(s)).loaded().size();
        }
        report("load all ARC tasks (cold JVM)", arc, t);
        for (String level : List.of("medium", "hard")) {
            t = System.nanoTime();
            SudokuGenerator g = new SudokuGenerator(SudokuShape.NINE, 1);
            SudokuDifficulty d = SudokuDifficulty.preset(level, SudokuShape.NINE);
            for (int i = 0; i < 1000; i++) {
                g.next("s", d);
            }
            report("generate 9x9 Sudokus, unique, " + level, 1000, t);
        }
        t = System.nanoTime();
        MazeGenerator m = new MazeGenerator(30, 30, 1);
        for (int i = 0; i < 1000; i++) {
            m.next("m", MazeDifficulty.preset("hard", 30, 30));
        }
        report("generate 30x30 mazes, path > 110, unique shortest path", 1000, t);
        t = System.nanoTime();
        arc = 0;
        for (String s : List.of("arc-agi-1/training", "arc-agi-1/evaluation", "arc-agi-2/training",
                "arc-agi-2/evaluation")) {
            arc += ArcLoader.readDirectory(shared.resolve("data").resolve(s)).loaded().size();
        }
        report("load all ARC tasks (warm)", arc, t);
    }

    private static void report(String what, int n, long start) {
        System.out.printf("%-60s %5d in %6.2f s%n", what, n, (System.nanoTime() - start) / 1e9);
    }
}
