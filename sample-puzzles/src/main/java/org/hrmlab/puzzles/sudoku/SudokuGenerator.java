package org.hrmlab.puzzles.sudoku;

import java.util.Random;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.RandomPermutation;
import org.hrmlab.puzzles.SudokuPuzzle;
import org.hrmlab.puzzles.SudokuShape;

/**
 * Generates Sudokus with a unique solution, reproducibly from a seed. Method: a random complete board (shuffled
 * search), then givens removed in random order as long as the solution stays unique, down to a target count drawn
 * from the difficulty's range; candidates outside the effort range are discarded and the next one is tried. Every
 * returned puzzle has been re-solved: its solution is unique, keeps the givens and satisfies the rules.
 *
 * <p>A {@linkplain SudokuDifficulty#minimal() minimal} difficulty has no target: every cell is tried once, in random
 * order, and its given removed whenever the solution stays unique. A given kept once stays necessary (fewer givens
 * never remove solutions), so the pass ends with minimal givens; candidates outside the givens or effort range are
 * discarded, and each returned one has been checked again, given by given ({@link SudokuSolver#isMinimal}).
 */
public final class SudokuGenerator {
    private static final int MAX_ATTEMPTS = 20_000;
    private final SudokuShape shape;
    private final SudokuSolver solver;
    private final Random rng;

    /**
     * @param shape the board
     * @param seed  the seed; the same seed and calls give the same puzzles
     */
    public SudokuGenerator(SudokuShape shape, long seed) {
        this.shape = shape;
        this.solver = new SudokuSolver(shape);
        this.rng = new Random(seed);
    }

    /**
     * @param name       the name of the new puzzle
     * @param difficulty the givens and effort it must have
     * @return a puzzle with its unique solution; its rating is the effort
     * @throws IllegalStateException if no qualifying puzzle turns up within many attempts (an unreachable range)
     */
    public SudokuPuzzle next(String name, SudokuDifficulty difficulty) {
        int cells = shape.cells();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Grid solution = solver.randomSolution(rng);
            int target = difficulty.minimal() ? 0
                    : difficulty.minGivens() + rng.nextInt(difficulty.maxGivens() - difficulty.minGivens() + 1);
            int[] givens = solution.toArray();
            int count = cells;
            int[] order = RandomPermutation.of(cells, rng);
            for (int k = 0; k < cells && count > target; k++) {
                int i = order[k];
                int keep = givens[i];
                givens[i] = 0;
                if (solver.countSolutions(Grid.of(shape.size(), shape.size(), givens), 2) != 1) {
                    givens[i] = keep;
                } else {
                    count--;
                }
            }
            Grid question = Grid.of(shape.size(), shape.size(), givens);
            SudokuSolver.Result check = solver.solve(question, 2);
            if (!check.unique() || !difficulty.accepts(count, check.effort())) {
                continue;
            }
            if (!check.firstSolution().equals(solution)
                    || SudokuRules.checkAnswer(shape, question, solution) != null
                    || difficulty.minimal() && !solver.isMinimal(question)) {
                throw new IllegalStateException("generated Sudoku failed verification");
            }
            return new SudokuPuzzle(name, shape, question, solution, check.effort());
        }
        throw new IllegalStateException("no " + shape.label() + " Sudoku with " + difficulty + " after "
                + MAX_ATTEMPTS + " attempts");
    }

}
