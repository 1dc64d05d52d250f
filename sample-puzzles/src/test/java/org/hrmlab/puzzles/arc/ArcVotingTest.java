package org.hrmlab.puzzles.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.hrmlab.puzzles.ArcTask;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.TestData;
import org.hrmlab.puzzles.codec.ArcAugmentation;
import org.hrmlab.puzzles.codec.ArcCodec;
import org.junit.jupiter.api.Test;

class ArcVotingTest {
    private static final ArcCodec CANVAS = ArcCodec.of(4);

    private static ArcTask task(String id) throws Exception {
        return ArcLoader.read(TestData.DATA.resolve("arc-agi-1/training/" + id + ".json"));
    }

    private static int[] tokens(Grid g) {
        return CANVAS.encode(g, 0, 0);
    }

    @Test
    void answersOfVariantsAreMappedBackBeforeTheyVote() throws Exception {
        ArcTask t = task("6150a2bd");
        Grid expected = t.test().get(0).output();
        Grid wrong = t.test().get(0).input();
        Random rng = new Random(3);
        ArcVoting v = new ArcVoting(CANVAS);
        for (int i = 0; i < 7; i++) {
            ArcAugmentation a = i == 0 ? ArcAugmentation.identity() : ArcAugmentation.random(rng);
            String name = i == 0 ? t.id() : a.variantName(t.id());
            Grid answer = i < 4 ? expected : wrong;
            v.add(name, 0, tokens(a.apply(answer)), tokens(a.apply(expected)), i);
        }
        ArcVoting.Verdict d = v.verdicts().get(0);
        assertEquals("6150a2bd", d.taskId());
        assertEquals(7, d.variants());
        assertEquals(expected, d.expected());
        assertEquals(2, d.ranked().size(), "each variant's answer is turned back into the task's frame");
        assertEquals(4, d.ranked().get(0).votes());
        assertTrue(d.top1() && d.pass2());
    }

    @Test
    void pass2CountsTheRunnerUpAndTiesGoToTheHigherHaltLogit() throws Exception {
        ArcTask t = task("0d3d703e");
        Grid expected = t.test().get(0).output();
        Grid other = t.test().get(0).input();
        ArcVoting v = new ArcVoting(CANVAS);
        v.add(t.id(), 0, tokens(other), tokens(expected), 5.0);
        v.add(t.id(), 0, tokens(expected), tokens(expected), -1.0);
        v.add(t.id(), 0, new int[16], tokens(expected), 9.0);
        ArcVoting.Verdict d = v.verdicts().get(0);
        assertEquals(3, d.variants());
        assertEquals(2, d.ranked().size(), "an answer that does not decode casts no vote");
        assertEquals(other, d.ranked().get(0).grid());
        assertFalse(d.top1());
        assertTrue(d.pass2());
    }

    @Test
    void testInputsOfOneTaskAreScoredApartAndDisagreeingLabelsAreRefused() throws Exception {
        ArcTask t = task("25ff71a9");
        ArcVoting v = new ArcVoting(CANVAS);
        for (int k = 0; k < 2; k++) {
            Grid out = t.test().get(k).output();
            v.add(t.id(), k, tokens(out), tokens(out), 1.0);
        }
        List<ArcVoting.Verdict> verdicts = v.verdicts();
        assertEquals(2, verdicts.size());
        assertTrue(verdicts.stream().allMatch(ArcVoting.Verdict::top1));
        Grid other = t.test().get(1).output();
        assertThrows(IllegalArgumentException.class, () -> v.add(t.id(), 0, tokens(other), tokens(other), 0));
    }
}
