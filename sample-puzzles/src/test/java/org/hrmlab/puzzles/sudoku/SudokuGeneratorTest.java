package org.hrmlab.puzzles.sudoku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;
import org.junit.jupiter.api.Test;

class SudokuGeneratorTest {
    @Test
    void generatesUniqueVerifiedPuzzlesOfEveryShape() {
        for (SudokuShape shape : List.of(SudokuShape.FOUR, SudokuShape.SIX, SudokuShape.NINE)) {
            SudokuGenerator gen = new SudokuGenerator(shape, 11);
            SudokuSolver solver = new SudokuSolver(shape);
            for (String level : List.of("easy", "medium", "hard")) {
                SudokuDifficulty d = SudokuDifficulty.preset(level, shape);
                for (int i = 0; i < 4; i++) {
                    SudokuPuzzle p = gen.next("p", d);
                    SudokuSolver.Result r = solver.solve(p.givens(), 2);
                    assertTrue(r.unique(), shape.label() + " " + level);
                    assertEquals(p.solution(), r.firstSolution());
                    assertNull(SudokuRules.checkAnswer(shape, p.givens(), p.solution()));
                    assertTrue(d.accepts(p.givenCount(), r.effort()), shape.label() + " " + level + " " + p.givenCount());
                    assertEquals(r.effort(), p.rating());
                }
            }
        }
    }

    @Test
    void sameSeedSamePuzzles() {
        SudokuDifficulty d = SudokuDifficulty.preset("medium", SudokuShape.NINE);
        SudokuGenerator a = new SudokuGenerator(SudokuShape.NINE, 5);
        SudokuGenerator b = new SudokuGenerator(SudokuShape.NINE, 5);
        for (int i = 0; i < 3; i++) {
            assertEquals(a.next("x", d), b.next("x", d));
        }
        assertTrue(!new SudokuGenerator(SudokuShape.NINE, 6).next("x", d).equals(new SudokuGenerator(SudokuShape.NINE,
                5).next("x", d)));
    }

    @Test
    void effortFloorIsHonouredForHardPuzzles() {
        SudokuDifficulty d = SudokuDifficulty.parse("givens=20..30,effort=20..", SudokuShape.NINE);
        SudokuPuzzle p = new SudokuGenerator(SudokuShape.NINE, 3).next("x", d);
        assertTrue(p.rating() >= 20 && p.givenCount() <= 30, p.rating() + " " + p.givenCount());
    }

    @Test
    void parsesDifficultiesAndRejectsNonsense() {
        assertEquals(new SudokuDifficulty(22, 26, 10, Long.MAX_VALUE),
                SudokuDifficulty.parse("givens=22..26,effort=10..", SudokuShape.NINE));
        assertEquals(new SudokuDifficulty(0, 81, 5, 5), SudokuDifficulty.parse("effort=5", SudokuShape.NINE));
        assertThrows(IllegalArgumentException.class, () -> SudokuDifficulty.parse("brutal", SudokuShape.NINE));
        assertThrows(IllegalArgumentException.class, () -> SudokuDifficulty.parse("clues=3", SudokuShape.NINE));
    }
}
