package org.hrmlab.engine.train;

import java.util.Arrays;
import java.util.List;
import org.hrmlab.engine.loss.ActLoss;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.model.HrmState;

/**
 * Reference-style evaluation (hrm-reference.md §1.13): the split in order, in chunks of a batch size (the last chunk
 * padded), each chunk from a fresh carry run for a fixed number of segments with no early halting; a row counts if it
 * has at least one supervised token. With {@code haltOnQ} a row's answer is instead frozen at the first segment where
 * the Q head halts (what {@code solve} does: {@code q_halt > q_continue}, or {@code q_halt > 0} for TRM with
 * no_ACT_continue), and the segments it used are averaged. Every run also scores each row's answer after every segment
 * (frozen where it halted), the inference-time scaling curve: with {@code M} segments, its entry {@code s - 1} is what a
 * run of {@code s} segments would give, at the cost of one output head per segment.
 */
public final class Evaluator {
    private final HrmModel model;
    private final int batchSize;

    /**
     * @param model     the model to evaluate (its config's seqLen must match the data)
     * @param batchSize rows per chunk
     */
    public Evaluator(HrmModel model, int batchSize) {
        this.model = model;
        this.batchSize = batchSize;
    }

    /**
     * Accuracy figures over the counted rows.
     *
     * @param count          rows counted (with at least one supervised token)
     * @param exactAccuracy  fraction of counted rows with every supervised token right
     * @param tokenAccuracy  mean over counted rows of the fraction of supervised tokens right
     * @param meanSegments   mean segments run per counted row
     * @param qHaltAccuracy  fraction of counted rows where {@code (q_halt >= 0) == exactly correct} at the answer
     * @param exactBySegment {@code [segments]}: entry {@code s - 1} is the fraction of counted rows whose answer after
     *                       segment {@code s} (or where they halted, if earlier) is exactly right
     */
    public record Result(int count, double exactAccuracy, double tokenAccuracy, double meanSegments,
                         double qHaltAccuracy, List<Double> exactBySegment) {
        /** Copies the curve. */
        public Result {
            exactBySegment = List.copyOf(exactBySegment);
        }
    }

    /** Receives each evaluated example's answer. */
    @FunctionalInterface
    public interface PredictionSink {
        /**
         * @param example   the example's index in the split
         * @param predicted {@code [seqLen]} argmax tokens of the answer (a fresh array)
         * @param labels    {@code [seqLen]} its labels, {@link ActLoss#IGNORE_LABEL_ID} where not supervised (fresh)
         * @param qHalt     the halt logit at the answer
         */
        void accept(int example, int[] predicted, int[] labels, float qHalt);
    }

    /**
     * @param data     the split to evaluate
     * @param limit    evaluate at most this many examples (0 or less = all)
     * @param segments segments per example (the model's halt_max_steps in the reference)
     * @param haltOnQ  stop each row where the Q head first halts (the model's {@code HrmConfig.haltRule()})
     */
    public Result evaluate(PuzzleDataset data, int limit, int segments, boolean haltOnQ) {
        return evaluate(data, limit, segments, haltOnQ, null);
    }

    /**
     * As {@link #evaluate(PuzzleDataset, int, int, boolean)}, also handing every example's answer to {@code sink}.
     *
     * @param sink receives each example's predicted tokens, or null
     */
    public Result evaluate(PuzzleDataset data, int limit, int segments, boolean haltOnQ, PredictionSink sink) {
        int total = limit > 0 ? Math.min(limit, data.examples()) : data.examples();
        var c = model.config();
        int seq = c.seqLen();
        int vocab = c.vocabSize();
        var rule = c.haltRule();
        HrmState st = model.newState(batchSize);
        float[] logits = new float[batchSize * seq * vocab];
        float[] answer = new float[batchSize * seq * vocab];
        float[] q = new float[batchSize * 2];
        float[] answerQ = new float[batchSize * 2];
        int[] used = new int[batchSize];
        boolean[] done = new boolean[batchSize];
        int count = 0;
        double exact = 0;
        double tokens = 0;
        double segs = 0;
        double qAcc = 0;
        int[] exactAfter = new int[segments];
        for (int start = 0; start < total; start += batchSize) {
            int n = Math.min(batchSize, total - start);
            int[] examples = new int[n];
            int[] puzzles = new int[n];
            for (int i = 0; i < n; i++) {
                examples[i] = start + i;
                puzzles[i] = data.puzzleOfExample(start + i);
            }
            TrainingBatch b = data.batch(examples, puzzles, batchSize);
            model.embed(st, b.inputs(), b.puzzleIds());
            for (int r = 0; r < batchSize; r++) {
                model.resetCarry(st, r);
            }
            Arrays.fill(done, false);
            for (int s = 1; s <= segments; s++) {
                Segments.full(model, st);
                model.logits(st, logits);
                model.qLogits(st, q);
                for (int r = 0; r < batchSize; r++) {
                    if (!done[r] && (s == segments || haltOnQ && rule.halts(q[r * 2], q[r * 2 + 1]))) {
                        done[r] = true;
                        used[r] = s;
                        System.arraycopy(logits, r * seq * vocab, answer, r * seq * vocab, seq * vocab);
                        answerQ[r * 2] = q[r * 2];
                    }
                }
                int exactNow = 0;
                for (int r = 0; r < n; r++) {
                    exactNow += isExact(done[r] ? answer : logits, b.labels(), r, seq, vocab) ? 1 : 0;
                }
                boolean allDone = allTrue(done);
                for (int later = s - 1; later < (allDone ? segments : s); later++) {
                    exactAfter[later] += exactNow;
                }
                if (allDone) {
                    break;
                }
            }
            for (int r = 0; r < n; r++) {
                if (sink != null) {
                    int[] predicted = new int[seq];
                    for (int t = 0; t < seq; t++) {
                        predicted[t] = ActLoss.argmax(answer, (r * seq + t) * vocab, vocab);
                    }
                    sink.accept(start + r, predicted, Arrays.copyOfRange(b.labels(), r * seq, (r + 1) * seq),
                            answerQ[r * 2]);
                }
                int[] tally = tally(answer, b.labels(), r, seq, vocab);
                int right = tally[0];
                int valid = tally[1];
                if (valid == 0) {
                    continue;
                }
                boolean correct = right == valid;
                count++;
                exact += correct ? 1 : 0;
                tokens += (double) right / valid;
                segs += used[r];
                qAcc += (answerQ[r * 2] >= 0) == correct ? 1 : 0;
            }
        }
        int d = Math.max(1, count);
        List<Double> curve = new java.util.ArrayList<>(segments);
        for (int e : exactAfter) {
            curve.add((double) e / d);
        }
        return new Result(count, exact / d, tokens / d, segs / d, qAcc / d, curve);
    }

    /** @return whether row {@code r} of {@code [rows, seq, vocab]} logits has supervised tokens, all right */
    private static boolean isExact(float[] logits, int[] labels, int r, int seq, int vocab) {
        int[] tally = tally(logits, labels, r, seq, vocab);
        return tally[1] > 0 && tally[0] == tally[1];
    }

    /** @return {right, supervised} token counts of row {@code r} of {@code [rows, seq, vocab]} logits */
    private static int[] tally(float[] logits, int[] labels, int r, int seq, int vocab) {
        int right = 0;
        int valid = 0;
        for (int t = 0; t < seq; t++) {
            int label = labels[r * seq + t];
            if (label == ActLoss.IGNORE_LABEL_ID) {
                continue;
            }
            valid++;
            right += ActLoss.argmax(logits, (r * seq + t) * vocab, vocab) == label ? 1 : 0;
        }
        return new int[] {right, valid};
    }

    private static boolean allTrue(boolean[] a) {
        for (boolean x : a) {
            if (!x) {
                return false;
            }
        }
        return true;
    }
}
