package org.hrmlab.puzzles.arc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.codec.ArcAugmentation;
import org.hrmlab.puzzles.codec.ArcCodec;

/**
 * Scores ARC predictions the way the reference does: every augmented variant of a task answers its test inputs, each
 * answer is mapped back through the inverse of its variant's augmentation, and identical answers vote. The answers
 * are ranked by votes, then by their mean halt logit. A test input counts as solved when the top answer is right
 * (top-1), or when one of the two top answers is (pass@2, ARC's own rule).
 */
public final class ArcVoting {
    private final ArcCodec codec;
    private final Map<Key, Tally> tallies = new LinkedHashMap<>();

    private record Key(String taskId, int testIndex) {
    }

    private static final class Tally {
        Grid expected;
        int variants;
        final Map<Grid, double[]> answers = new LinkedHashMap<>();
    }

    /**
     * One ranked answer.
     *
     * @param grid  the answer, in the original task's orientation and colours
     * @param votes how many variants gave it
     * @param meanQ mean halt logit of those variants
     */
    public record Answer(Grid grid, int votes, double meanQ) {
    }

    /**
     * The verdict on one test input of one task.
     *
     * @param taskId    the task
     * @param testIndex which of its test inputs
     * @param expected  the known output
     * @param variants  how many variants answered
     * @param ranked    the distinct answers, best first (an undecodable answer is not counted)
     * @param top1      whether the first answer is right
     * @param pass2     whether one of the first two answers is right
     */
    public record Verdict(String taskId, int testIndex, Grid expected, int variants, List<Answer> ranked, boolean top1,
                          boolean pass2) {
    }

    /** @param codec the canvas the model answers on */
    public ArcVoting(ArcCodec codec) {
        this.codec = codec;
    }

    /**
     * @param identifierName the variant's identifier name ({@code <task>} or {@code <task>_t<t>_<permutation>})
     * @param testIndex      which test input of the task (its position within the variant's examples)
     * @param predicted      the model's tokens on the canvas (not modified)
     * @param labels         the label tokens; anything that is not a colour or EOS counts as PAD (not modified)
     * @param qHalt          the halt logit at the answer
     */
    public void add(String identifierName, int testIndex, int[] predicted, int[] labels, double qHalt) {
        ArcAugmentation aug = ArcAugmentation.fromName(identifierName);
        Tally t = tallies.computeIfAbsent(new Key(ArcAugmentation.taskId(identifierName), testIndex),
                k -> new Tally());
        int[] clean = labels.clone();
        for (int i = 0; i < clean.length; i++) {
            clean[i] = Math.max(clean[i], ArcCodec.PAD);
        }
        Optional<Grid> expected = codec.decode(clean).map(aug::invert);
        if (t.expected == null) {
            t.expected = expected.orElse(null);
        } else if (expected.isPresent() && !expected.get().equals(t.expected)) {
            throw new IllegalArgumentException(identifierName + ": test " + testIndex
                    + " has another answer than the task's other variants");
        }
        t.variants++;
        codec.decode(predicted).map(aug::invert).ifPresent(g -> {
            double[] v = t.answers.computeIfAbsent(g, x -> new double[2]);
            v[0]++;
            v[1] += qHalt;
        });
    }

    /** @return one verdict per task and test input, in the order first seen */
    public List<Verdict> verdicts() {
        List<Verdict> out = new ArrayList<>();
        tallies.forEach((k, t) -> {
            List<Answer> ranked = new ArrayList<>();
            t.answers.forEach((g, v) -> ranked.add(new Answer(g, (int) v[0], v[1] / v[0])));
            ranked.sort(Comparator.comparingInt(Answer::votes).reversed()
                    .thenComparing(Comparator.comparingDouble(Answer::meanQ).reversed()));
            boolean top1 = !ranked.isEmpty() && ranked.get(0).grid().equals(t.expected);
            boolean pass2 = top1 || (ranked.size() > 1 && ranked.get(1).grid().equals(t.expected));
            out.add(new Verdict(k.taskId(), k.testIndex(), t.expected, t.variants, List.copyOf(ranked), top1, pass2));
        });
        return out;
    }
}
