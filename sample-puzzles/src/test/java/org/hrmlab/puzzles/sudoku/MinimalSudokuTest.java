package org.hrmlab.puzzles.sudoku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;
import org.junit.jupiter.api.Test;

/** The {@code minimal} difficulty, checked with a solution counter of its own (not {@link SudokuSolver}). */
class MinimalSudokuTest {
    @Test
    void minimalPuzzlesAreUniqueAndNoGivenIsRemovableOnEveryShape() {
        for (SudokuShape shape : List.of(SudokuShape.FOUR, SudokuShape.SIX, SudokuShape.NINE)) {
            SudokuDifficulty d = SudokuDifficulty.parse("minimal", shape);
            SudokuGenerator gen = new SudokuGenerator(shape, 21);
            for (int i = 0; i < (shape.size() == 9 ? 6 : 10); i++) {
                SudokuPuzzle p = gen.next("m", d);
                int[] g = p.givens().toArray();
                assertEquals(1, countSolutions(shape, g, 2), shape.label() + " " + p.questionLine());
                assertTrue(isSolutionOf(shape, g, p.solution().toArray()));
                for (int c = 0; c < g.length; c++) {
                    if (g[c] != 0) {
                        int keep = g[c];
                        g[c] = 0;
                        assertEquals(2, countSolutions(shape, g, 2), shape.label() + " given at " + c
                                + " is removable in " + p.questionLine());
                        g[c] = keep;
                    }
                }
            }
        }
    }

    @Test
    void solverMinimalityAgreesWithTheIndependentCheck() {
        SudokuShape shape = SudokuShape.NINE;
        SudokuSolver solver = new SudokuSolver(shape);
        SudokuPuzzle easy = new SudokuGenerator(shape, 4).next("e", SudokuDifficulty.preset("easy", shape));
        assertFalse(solver.isMinimal(easy.givens()), "36+ givens are never all needed here");
        assertFalse(independentlyMinimal(shape, easy.givens().toArray()));
        SudokuPuzzle minimal = new SudokuGenerator(shape, 4).next("m", SudokuDifficulty.preset("minimal", shape));
        assertTrue(solver.isMinimal(minimal.givens()));
        assertTrue(independentlyMinimal(shape, minimal.givens().toArray()));
        assertFalse(solver.isMinimal(minimal.givens().with(0, 0, 0).with(0, 1, 0).with(0, 2, 0)
                .with(1, 0, 0).with(1, 1, 0).with(1, 2, 0)), "not unique, so not minimal");
    }

    @Test
    void sameSeedSameMinimalPuzzles() {
        SudokuDifficulty d = SudokuDifficulty.parse("minimal", SudokuShape.NINE);
        SudokuGenerator a = new SudokuGenerator(SudokuShape.NINE, 8);
        SudokuGenerator b = new SudokuGenerator(SudokuShape.NINE, 8);
        for (int i = 0; i < 3; i++) {
            assertEquals(a.next("x", d), b.next("x", d));
        }
        assertNotEquals(new SudokuGenerator(SudokuShape.NINE, 9).next("x", d),
                new SudokuGenerator(SudokuShape.NINE, 8).next("x", d));
    }

    @Test
    void givensAndEffortRangesCombineWithMinimal() {
        SudokuShape shape = SudokuShape.NINE;
        SudokuDifficulty d = SudokuDifficulty.parse("givens=22..23,minimal", shape);
        SudokuGenerator gen = new SudokuGenerator(shape, 2);
        for (int i = 0; i < 4; i++) {
            SudokuPuzzle p = gen.next("r", d);
            assertTrue(p.givenCount() >= 22 && p.givenCount() <= 23, String.valueOf(p.givenCount()));
            assertTrue(independentlyMinimal(shape, p.givens().toArray()), p.questionLine());
        }
        SudokuPuzzle hard = gen.next("h", SudokuDifficulty.parse("minimal, effort=20..", shape));
        assertTrue(hard.rating() >= 20 && independentlyMinimal(shape, hard.givens().toArray()));
        SudokuShape four = SudokuShape.FOUR;
        SudokuPuzzle small = new SudokuGenerator(four, 3).next("s", SudokuDifficulty.parse("givens=..4,minimal", four));
        assertTrue(small.givenCount() <= 4 && independentlyMinimal(four, small.givens().toArray()));
    }

    @Test
    void parsesMinimalAndRejectsNonsenseInOneLine() {
        assertEquals(new SudokuDifficulty(0, 81, 0, Long.MAX_VALUE, true),
                SudokuDifficulty.parse("minimal", SudokuShape.NINE));
        assertEquals(new SudokuDifficulty(0, 36, 0, Long.MAX_VALUE, true),
                SudokuDifficulty.parse("Minimal", SudokuShape.SIX));
        assertEquals(new SudokuDifficulty(22, 24, 0, Long.MAX_VALUE, true),
                SudokuDifficulty.parse("givens=22..24,minimal", SudokuShape.NINE));
        assertEquals(new SudokuDifficulty(0, 81, 10, Long.MAX_VALUE, true),
                SudokuDifficulty.parse("minimal , effort=10..", SudokuShape.NINE));
        assertFalse(SudokuDifficulty.parse("hard", SudokuShape.NINE).minimal());
        assertFalse(SudokuDifficulty.parse("givens=22..24", SudokuShape.NINE).minimal());
        for (String bad : List.of("minimal,brutal", "givens=22..24,minmal", "easy,minimal", "givens=22..24,",
                "minimal,givens=x", "givens=30..20,minimal", "minimal,clues=3")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SudokuDifficulty.parse(bad, SudokuShape.NINE), bad);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SudokuDifficulty.parse("minmal",
                SudokuShape.NINE)).getMessage().contains("minimal"), "the error lists the flag");
    }

    private static boolean independentlyMinimal(SudokuShape shape, int[] givens) {
        if (countSolutions(shape, givens, 2) != 1) {
            return false;
        }
        int[] g = givens.clone();
        for (int c = 0; c < g.length; c++) {
            if (g[c] != 0) {
                int keep = g[c];
                g[c] = 0;
                boolean removable = countSolutions(shape, g, 2) == 1;
                g[c] = keep;
                if (removable) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isSolutionOf(SudokuShape shape, int[] givens, int[] solution) {
        int n = shape.size();
        for (int c = 0; c < givens.length; c++) {
            if (solution[c] < 1 || solution[c] > n || givens[c] != 0 && givens[c] != solution[c]
                    || !allowed(shape, solution, c, solution[c])) {
                return false;
            }
        }
        return true;
    }

    /** Counts solutions up to {@code limit}: plain backtracking on the emptiest cell, candidates by scanning. */
    private static int countSolutions(SudokuShape shape, int[] cells, int limit) {
        int[] g = cells.clone();
        for (int c = 0; c < g.length; c++) {
            if (g[c] != 0 && !allowed(shape, g, c, g[c])) {
                return 0;
            }
        }
        return count(shape, g, limit);
    }

    private static int count(SudokuShape shape, int[] g, int limit) {
        int n = shape.size();
        int best = -1;
        int bestCount = n + 1;
        for (int c = 0; c < g.length && bestCount > 1; c++) {
            if (g[c] == 0) {
                int k = 0;
                for (int v = 1; v <= n; v++) {
                    if (allowed(shape, g, c, v)) {
                        k++;
                    }
                }
                if (k < bestCount) {
                    bestCount = k;
                    best = c;
                }
            }
        }
        if (best < 0) {
            return 1;
        }
        int found = 0;
        for (int v = 1; v <= n && found < limit; v++) {
            if (allowed(shape, g, best, v)) {
                g[best] = v;
                found += count(shape, g, limit - found);
                g[best] = 0;
            }
        }
        return found;
    }

    /** @return true if no other cell in the row, column or box of {@code cell} holds {@code v} */
    private static boolean allowed(SudokuShape shape, int[] g, int cell, int v) {
        int n = shape.size();
        int r = cell / n;
        int c = cell % n;
        int r0 = r / shape.boxRows() * shape.boxRows();
        int c0 = c / shape.boxCols() * shape.boxCols();
        for (int i = 0; i < n; i++) {
            if (i != c && g[r * n + i] == v || i != r && g[i * n + c] == v) {
                return false;
            }
            int br = r0 + i / shape.boxCols();
            int bc = c0 + i % shape.boxCols();
            if ((br != r || bc != c) && g[br * n + bc] == v) {
                return false;
            }
        }
        return true;
    }
}
