package org.hrmlab.puzzles.sudoku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.TestData;
import org.junit.jupiter.api.Test;

class SudokuSolverTest {
    @Test
    void effortReproducesTheRatingColumnOfTheSharedSets() throws Exception {
        List<SudokuPuzzle> puzzles = SudokuLoader.readCsv(TestData.SUDOKU.resolve("forum_hardest_1106.csv"));
        SudokuSolver solver = new SudokuSolver(SudokuShape.NINE);
        for (SudokuPuzzle p : puzzles.subList(0, 60)) {
            SudokuSolver.Result r = solver.solve(p.givens(), 2);
            assertTrue(r.unique(), p.name());
            assertEquals(p.solution(), r.firstSolution(), p.name());
            assertEquals(p.rating(), r.effort(), p.name());
        }
    }

    @Test
    void countsSeveralSolutionsAndNone() {
        SudokuSolver solver = new SudokuSolver(SudokuShape.FOUR);
        assertEquals(2, solver.countSolutions(Grid.filled(4, 4, 0), 2));
        assertEquals(288, solver.countSolutions(Grid.filled(4, 4, 0), 1000));
        Grid clash = Grid.filled(4, 4, 0).with(0, 0, 1).with(0, 3, 1);
        assertEquals(0, solver.countSolutions(clash, 2));
    }

    @Test
    void randomSolutionsAreValidBoardsForEveryShape() {
        for (SudokuShape s : List.of(SudokuShape.FOUR, SudokuShape.SIX, SudokuShape.NINE, SudokuShape.of(12))) {
            Grid g = new SudokuSolver(s).randomSolution(new Random(7));
            assertNull(SudokuRules.firstViolation(s, g), s.label());
        }
    }
}
