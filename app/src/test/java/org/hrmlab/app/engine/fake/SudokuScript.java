package org.hrmlab.app.engine.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;

/**
 * Blanks fill one by one in a seeded order (a real model decodes some digit everywhere; the script leaves unsettled
 * cells blank so the filling order stays readable). Two cells hold a confident wrong digit for a while and then
 * backtrack to the right one. Without a known answer every blank shows a fixed low-confidence guess.
 */
final class SudokuScript implements Script {
    private final CellGrid input;
    private final int size;
    private final int[] answer;
    private final int[] guess;
    private final double[] settleAt;
    private final int[] trapCells;
    private final double solvedAt;

    SudokuScript(LabPuzzle puzzle, long seed) {
        input = puzzle.input();
        size = input.rows();
        var solution = puzzle.hasAnswer() ? puzzle.answer() : puzzle.solve();
        var random = new Random(seed);
        answer = solution.isEmpty() ? null : solution.cells();
        guess = new int[input.size()];
        settleAt = new double[input.size()];
        List<Integer> blanks = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            guess[i] = 1 + random.nextInt(size);
            if (input.at(i) == 0) {
                blanks.add(i);
            }
        }
        Collections.shuffle(blanks, random);
        double span = 1.6 + blanks.size() / 40.0;
        for (int k = 0; k < blanks.size(); k++) {
            settleAt[blanks.get(k)] = 0.15 + span * (k + 1) / blanks.size();
        }
        trapCells = blanks.size() >= 4 ? new int[] {blanks.get(0), blanks.get(1)} : new int[0];
        for (int c : trapCells) {
            settleAt[c] = span + 0.1;
        }
        solvedAt = answer == null ? Double.POSITIVE_INFINITY : span + 0.1;
    }

    @Override
    public Decoded decode(double s) {
        int[] cells = new int[input.size()];
        float[] conf = new float[input.size()];
        for (int i = 0; i < cells.length; i++) {
            if (input.at(i) != 0) {
                cells[i] = input.at(i);
                conf[i] = 1f;
            } else if (answer != null && s >= settleAt[i]) {
                cells[i] = answer[i];
                conf[i] = (float) Math.min(0.99, 0.6 + (s - settleAt[i]));
            } else if (answer != null && isTrap(i) && s >= 0.4) {
                cells[i] = answer[i] % size + 1;
                conf[i] = 0.8f;
            } else if (answer == null) {
                cells[i] = guess[i];
                conf[i] = 0.15f;
            } else {
                cells[i] = 0;
                conf[i] = 0f;
            }
        }
        return new Decoded(new CellGrid(size, size, cells), conf);
    }

    private boolean isTrap(int cell) {
        for (int c : trapCells) {
            if (c == cell) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CellGrid answer() {
        return answer == null ? CellGrid.EMPTY : new CellGrid(size, size, answer);
    }

    @Override
    public double solvedAt() {
        return solvedAt;
    }
}
