package org.hrmlab.puzzles.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Random;
import org.hrmlab.puzzles.MazePuzzle;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.codec.Dihedral;
import org.hrmlab.puzzles.codec.SudokuAugmentation;
import org.hrmlab.puzzles.maze.MazeDifficulty;
import org.hrmlab.puzzles.maze.MazeGenerator;
import org.hrmlab.puzzles.sudoku.SudokuDifficulty;
import org.hrmlab.puzzles.sudoku.SudokuGenerator;
import org.junit.jupiter.api.Test;

class SymmetryKeysTest {
    @Test
    void everyAugmentationOfASmallSudokuSharesItsKeyAndOtherPuzzlesDoNot() {
        for (SudokuShape shape : List.of(SudokuShape.FOUR, SudokuShape.SIX)) {
            SudokuGenerator gen = new SudokuGenerator(shape, 7);
            List<SudokuPuzzle> puzzles = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                puzzles.add(gen.next("p" + i, SudokuDifficulty.preset("medium", shape)));
            }
            Random rng = new Random(3);
            for (SudokuPuzzle p : puzzles) {
                String key = SymmetryKeys.sudoku(p);
                for (int i = 0; i < 20; i++) {
                    SudokuAugmentation a = SudokuAugmentation.random(shape, rng);
                    SudokuPuzzle twin = new SudokuPuzzle("twin", shape, a.apply(p.givens()), a.apply(p.solution()), -1);
                    assertEquals(key, SymmetryKeys.sudoku(twin), shape.label());
                }
            }
            assertNotEquals(SymmetryKeys.sudoku(puzzles.get(0)), SymmetryKeys.sudoku(puzzles.get(1)));
        }
    }

    @Test
    void aMazeSharesItsKeyWithItsDihedralImagesOnly() {
        List<MazePuzzle> mazes = mazes(5);
        MazePuzzle m = mazes.get(0);
        for (Dihedral d : Dihedral.values()) {
            MazePuzzle image = new MazePuzzle("image", d.apply(m.maze()), d.apply(m.solution()), -1);
            assertEquals(SymmetryKeys.maze(m), SymmetryKeys.maze(image));
        }
        assertNotEquals(SymmetryKeys.maze(m), SymmetryKeys.maze(mazes.get(1)));
    }

    @Test
    void unseenDropsTestPuzzlesThatAreAugmentationsOfTrainingOnes() {
        List<MazePuzzle> mazes = mazes(9);
        MazePuzzle rotated = new MazePuzzle("r", Dihedral.of(1).apply(mazes.get(0).maze()),
                Dihedral.of(1).apply(mazes.get(0).solution()), -1);
        List<MazePuzzle> test = List.of(rotated, mazes.get(1), mazes.get(2));
        assertEquals(List.of(mazes.get(1), mazes.get(2)),
                SymmetryKeys.unseen(List.of(mazes.get(0)), test, SymmetryKeys::maze));
    }

    private static List<MazePuzzle> mazes(long seed) {
        MazeGenerator gen = new MazeGenerator(7, 7, seed);
        List<MazePuzzle> out = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(gen.next("m" + i, MazeDifficulty.preset("hard", 7, 7)));
        }
        return out;
    }
}
