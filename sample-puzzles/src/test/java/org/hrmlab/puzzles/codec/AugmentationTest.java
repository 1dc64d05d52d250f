package org.hrmlab.puzzles.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hrmlab.puzzles.ArcTask;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.TestData;
import org.hrmlab.puzzles.arc.ArcLoader;
import org.hrmlab.puzzles.sudoku.SudokuDifficulty;
import org.hrmlab.puzzles.sudoku.SudokuGenerator;
import org.hrmlab.puzzles.sudoku.SudokuRules;
import org.hrmlab.puzzles.sudoku.SudokuSolver;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    @Test
    void sudokuAugmentationsKeepTheRulesAndInvert() {
        Random rng = new Random(3);
        for (SudokuShape shape : new SudokuShape[] {SudokuShape.FOUR, SudokuShape.SIX, SudokuShape.NINE}) {
            SudokuPuzzle p = new SudokuGenerator(shape, 2).next("p", SudokuDifficulty.preset("hard", shape));
            for (int i = 0; i < 50; i++) {
                SudokuAugmentation a = SudokuAugmentation.random(shape, rng);
                SudokuPuzzle q = a.apply(p);
                assertNull(SudokuRules.checkAnswer(shape, q.givens(), q.solution()));
                assertEquals(q.solution(), new SudokuSolver(shape).solve(q.givens(), 2).firstSolution());
                assertEquals(p.givens(), a.inverse().apply(q.givens()));
                assertEquals(p.solution(), a.inverse().apply(q.solution()));
                assertEquals(p.givenCount(), q.givenCount());
            }
        }
    }

    @Test
    void sudokuAugmentationRejectsMovesThatBreakBoxes() {
        int[] ident = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] p = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        int[] bad = {0, 1, 3, 2, 4, 5, 6, 7, 8};
        assertThrows(IllegalArgumentException.class,
                () -> new SudokuAugmentation(SudokuShape.NINE, ident, false, bad, p));
        assertThrows(IllegalArgumentException.class, () -> new SudokuAugmentation(SudokuShape.SIX,
                new int[] {0, 1, 2, 3, 4, 5, 6}, true, new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1, 2, 3, 4, 5}));
    }

    @Test
    void arcColourPermutationsKeepBlackAndInvert() {
        Random rng = new Random(9);
        Grid g = Grid.of(2, 5, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        for (int i = 0; i < 100; i++) {
            ArcColourPermutation c = ArcColourPermutation.random(rng);
            assertEquals(0, c.mapping()[0]);
            assertEquals(g, c.inverse().apply(c.apply(g)));
            assertEquals(c, ArcColourPermutation.parse(c.digits()));
        }
        assertThrows(IllegalArgumentException.class, () -> ArcColourPermutation.parse("1023456789"));
    }

    @Test
    void arcVariantNamesRoundTripAndMapPredictionsBack() throws Exception {
        ArcTask t = ArcLoader.read(TestData.DATA.resolve("arc-agi-1/training/007bbfb7.json"));
        Random rng = new Random(5);
        for (int i = 0; i < 20; i++) {
            ArcAugmentation a = ArcAugmentation.random(rng);
            ArcTask v = a.apply(t);
            assertTrue(v.id().matches("007bbfb7_t[0-7]_0[0-9]{9}"), v.id());
            ArcAugmentation back = ArcAugmentation.fromName(v.id());
            assertEquals(a, back);
            assertEquals("007bbfb7", ArcAugmentation.taskId(v.id()));
            Grid predicted = v.test().get(0).output();
            assertEquals(t.test().get(0).output(), back.invert(predicted));
        }
        assertEquals(ArcAugmentation.identity(), ArcAugmentation.fromName("007bbfb7"));
    }

    @Test
    void referenceExampleNameDecodesAsTheNotebookDoes() {
        ArcAugmentation a = ArcAugmentation.fromName("abcd1234_t1_0381952746");
        assertEquals(Dihedral.ROT90, a.transform());
        Grid original = Grid.of(new int[][] {{1, 2}, {0, 3}});
        Grid augmented = Dihedral.ROT90.apply(original.map(c -> "0381952746".charAt(c) - '0'));
        assertEquals(augmented, a.apply(original));
        assertEquals(original, a.invert(augmented));
    }
}
