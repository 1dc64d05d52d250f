package org.hrmlab.engine.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hrmlab.puzzles.readings.AnswerTiming;
import org.hrmlab.puzzles.readings.TokenAccuracy;

/**
 * The decoded answer along one trace ("direct" decoding: argmax of the recorded output-head logits after every
 * update): per-step token accuracy and exactness when the trace has labels, when the answer first becomes right and
 * whether it stays right, and the Q head per segment.
 *
 * @param hasLabels     whether the trace has {@code labels.npy}; without it accuracies are NaN and nothing is exact
 * @param tokenAccuracy per step {@code [steps]}
 * @param exact         per step {@code [steps]}
 * @param timing        first-correct step and whether it stays correct
 * @param segments      the Q head per segment
 */
public record DecodedProgress(boolean hasLabels, double[] tokenAccuracy, boolean[] exact, AnswerTiming timing,
        List<QSegment> segments) {

    /**
     * @param trace    the trace (needs {@code logits.npy})
     * @param padToken targets equal to it (and to the ignore label -100) are not counted
     */
    public static DecodedProgress of(TraceReader trace, int padToken) throws IOException {
        int steps = trace.stepCount();
        double[] acc = new double[steps];
        boolean[] exact = new boolean[steps];
        int[] labels = trace.labels().orElse(null);
        for (int s = 0; s < steps; s++) {
            if (labels == null) {
                acc[s] = Double.NaN;
                continue;
            }
            int[] predicted = argmax(trace.logits(s), trace.seqLen(), trace.vocab());
            TokenAccuracy a = TokenAccuracy.of(predicted, labels, padToken);
            acc[s] = a.accuracy();
            exact[s] = a.exact();
        }
        int[] ends = trace.segmentEnds();
        var rule = trace.haltRule();
        List<QSegment> segments = new ArrayList<>();
        for (int seg = 0; seg < trace.qSegments(); seg++) {
            float[] q = trace.qLogits(seg);
            boolean correct = seg < ends.length && exact[ends[seg]];
            segments.add(new QSegment(seg, q[0], q[1], QSegment.sigmoid(q[0]), QSegment.sigmoid(q[1]),
                    rule.halts(q[0], q[1]), correct));
        }
        return new DecodedProgress(labels != null, acc, exact, AnswerTiming.of(exact), List.copyOf(segments));
    }

    /**
     * @param logits row-major {@code [seqLen, vocab]}; not modified
     * @return the argmax token at each position {@code [seqLen]} (the first maximum on ties)
     */
    public static int[] argmax(float[] logits, int seqLen, int vocab) {
        int[] out = new int[seqLen];
        for (int p = 0; p < seqLen; p++) {
            int base = p * vocab;
            int best = 0;
            for (int v = 1; v < vocab; v++) {
                if (logits[base + v] > logits[base + best]) {
                    best = v;
                }
            }
            out[p] = best;
        }
        return out;
    }
}
