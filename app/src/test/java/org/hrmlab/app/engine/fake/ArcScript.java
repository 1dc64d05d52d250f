package org.hrmlab.app.engine.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;

/**
 * The prediction starts as a copy of the input with one column too many, drops the extra column, then repairs
 * differing cells one by one (a hill-climb); with no answer it stays the input.
 */
final class ArcScript implements Script {
    private final CellGrid input;
    private final CellGrid answer;
    private final List<Integer> repairs;
    private final double solvedAt;

    ArcScript(LabPuzzle puzzle, long seed) {
        input = puzzle.input();
        answer = puzzle.answer();
        repairs = new ArrayList<>();
        if (!answer.isEmpty()) {
            var start = input.resized(answer.rows(), answer.cols(), 0);
            for (int i = 0; i < answer.size(); i++) {
                if (start.at(i) != answer.at(i)) {
                    repairs.add(i);
                }
            }
            Collections.shuffle(repairs, new Random(seed));
        }
        solvedAt = answer.isEmpty() ? Double.POSITIVE_INFINITY : 0.5 + 0.12 * repairs.size();
    }

    @Override
    public Decoded decode(double s) {
        if (answer.isEmpty()) {
            return new Decoded(input, constant(input.size(), 0.5f));
        }
        if (s < 0.5) {
            var wide = input.resized(answer.rows(), answer.cols() + 1, 0);
            return new Decoded(wide, constant(wide.size(), 0.3f));
        }
        int[] cells = input.resized(answer.rows(), answer.cols(), 0).cells();
        int fixed = (int) Math.min(repairs.size(), Math.floor((s - 0.5) / 0.12 + 1e-9));
        for (int k = 0; k < fixed; k++) {
            cells[repairs.get(k)] = answer.at(repairs.get(k));
        }
        return new Decoded(new CellGrid(answer.rows(), answer.cols(), cells),
                constant(cells.length, (float) Math.min(0.95, 0.4 + s / 6)));
    }

    private static float[] constant(int n, float v) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    @Override
    public CellGrid answer() {
        return answer;
    }

    @Override
    public double solvedAt() {
        return solvedAt;
    }
}
