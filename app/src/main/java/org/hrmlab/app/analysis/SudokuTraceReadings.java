package org.hrmlab.app.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hrmlab.engine.analysis.DecodedProgress;
import org.hrmlab.engine.analysis.TraceReader;
import org.hrmlab.puzzles.readings.SudokuReader;
import org.hrmlab.puzzles.readings.SudokuReading;

/**
 * Sudoku readings of a trace's directly decoded answers, for traces in the reference Sudoku encoding (81 cells,
 * vocabulary 11: token 1 = blank, tokens 2..10 = digits 1..9, 0 = PAD).
 */
public final class SudokuTraceReadings {
    private static final int CELLS = 81;
    private static final int VOCAB = 11;

    private SudokuTraceReadings() {
    }

    /** @return whether the trace looks like the reference Sudoku encoding and has its inputs */
    public static boolean applies(TraceReader trace) {
        return trace.seqLen() == CELLS && trace.vocab() == VOCAB && trace.inputs().isPresent();
    }

    /**
     * Reads every step's decoded grid.
     *
     * @param stableSteps the backtrack rule's k
     * @return one reading per step, or empty when the trace is not a Sudoku trace
     */
    public static Optional<List<SudokuReading>> read(TraceReader trace, int stableSteps) throws IOException {
        if (!applies(trace)) {
            return Optional.empty();
        }
        int[] givens = digits(trace.inputs().orElseThrow());
        SudokuReader reader = new SudokuReader(givens, 9, stableSteps);
        List<SudokuReading> out = new ArrayList<>();
        for (int s = 0; s < trace.stepCount(); s++) {
            out.add(reader.next(digits(DecodedProgress.argmax(trace.logits(s), CELLS, VOCAB))));
        }
        return Optional.of(out);
    }

    private static int[] digits(int[] tokens) {
        int[] d = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            d[i] = Math.max(0, tokens[i] - 1);
        }
        return d;
    }
}
