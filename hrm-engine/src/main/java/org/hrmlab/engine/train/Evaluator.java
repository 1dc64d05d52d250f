package org.hrmlab.engine.train;

import java.util.Arrays;
import org.hrmlab.engine.loss.ActLoss;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.model.HrmState;

/**
 * Reference-style evaluation (hrm-reference.md §1.13): the split in order, in chunks of a batch size (the last chunk
 * padded), each chunk from a fresh carry run for a fixed number of segments with no early halting; a row counts if it
 * has at least one supervised token. With {@code haltOnQ} a row's answer is instead frozen at the first segment where
 * the Q head halts (what {@code solve} does: {@code q_halt > q_continue}, or {@code q_halt > 0} for TRM with
 * no_ACT_continue), and the segments it used are averaged.
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
     */
    public record Result(int count, double exactAccuracy, double tokenAccuracy, double meanSegments,
                         double qHaltAccuracy) {
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
                if (!haltOnQ && s < segments) {
                    continue;
                }
                model.logits(st, logits);
                model.qLogits(st, q);
                for (int r = 0; r < batchSize; r++) {
                    if (!done[r] && (s == segments || rule.halts(q[r * 2], q[r * 2 + 1]))) {
                        done[r] = true;
                        used[r] = s;
                        System.arraycopy(logits, r * seq * vocab, answer, r * seq * vocab, seq * vocab);
                        answerQ[r * 2] = q[r * 2];
                    }
                }
                if (allTrue(done)) {
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
                int valid = 0;
                int right = 0;
                for (int t = 0; t < seq; t++) {
                    int label = b.labels()[r * seq + t];
                    if (label == ActLoss.IGNORE_LABEL_ID) {
                        continue;
                    }
                    valid++;
                    if (ActLoss.argmax(answer, (r * seq + t) * vocab, vocab) == label) {
                        right++;
                    }
                }
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
        return new Result(count, exact / d, tokens / d, segs / d, qAcc / d);
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
