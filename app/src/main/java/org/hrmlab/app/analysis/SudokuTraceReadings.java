package org.hrmlab.app.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hrmlab.engine.analysis.DecodedProgress;
import org.hrmlab.engine.analysis.TraceReader;
import org.hrmlab.puzzles.SudokuShape;
import org.hrmlab.puzzles.codec.SudokuCodec;
import org.hrmlab.puzzles.readings.SudokuReader;
import org.hrmlab.puzzles.readings.SudokuReading;

/**
 * Sudoku readings of a trace's directly decoded answers, for traces in the reference Sudoku encoding of any board
 * size (sample-puzzles' {@link SudokuCodec}: N*N cells, vocabulary N+2, token 1 = blank, t = digit t-1, 0 = PAD;
 * 4x4, 6x6 and 9x9 boards), read by sample-puzzles' {@link SudokuReader}, as the lab reads them.
 */
public final class SudokuTraceReadings {
    private SudokuTraceReadings() {
    }

    /** @return the codec of a trace in a Sudoku encoding, if its lengths are one's */
    static Optional<SudokuCodec> codec(TraceReader trace) {
        SudokuShape shape = SudokuShape.forCellCount(trace.seqLen());
        return shape == null || trace.vocab() != shape.size() + 2 ? Optional.empty()
                : Optional.of(new SudokuCodec(shape));
    }

    /**
     * @return whether the trace is of a Sudoku (its manifest's puzzle kind, else its lengths: a 10x10 ARC canvas has a
     *         10x10 Sudoku's) and has its inputs
     */
    public static boolean applies(TraceReader trace) {
        return trace.puzzleKind().map("sudoku"::equals).orElse(true) && codec(trace).isPresent()
                && trace.inputs().isPresent();
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
        SudokuCodec codec = codec(trace).orElseThrow();
        int[] givens = digits(codec, trace.inputs().orElseThrow());
        SudokuReader reader = new SudokuReader(givens, codec.shape(), stableSteps);
        List<SudokuReading> out = new ArrayList<>();
        for (int s = 0; s < trace.stepCount(); s++) {
            out.add(reader.next(digits(codec, DecodedProgress.argmax(trace.logits(s), codec.seqLen(),
                    codec.vocabSize()))));
        }
        return Optional.of(out);
    }

    private static int[] digits(SudokuCodec codec, int[] tokens) {
        return codec.decode(tokens).orElseThrow().toArray();
    }
}
