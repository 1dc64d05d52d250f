package org.hrmlab.engine.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HaltRule;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.TestData;
import org.hrmlab.engine.compute.DeviceUnavailableException;
import org.hrmlab.engine.compute.TestBackends;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.puzzles.io.Npy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Stepping TRM checkpoints (test-data/fixtures/trm-golden) exactly as HRM ones: schedule, seek and back, halting. */
class TrmStepperTest {
    static final Path ATTENTION = TestData.TRM_GOLDEN.resolve("trm-sudoku-small");
    static final Path MLP = TestData.TRM_GOLDEN.resolve("trm-mlp-small");

    private static HrmStepper stepper(String backend, Path dir, int hCycles, int lCycles, int segments)
            throws Exception {
        ModelCheckpoint ckpt = CheckpointLoader.load(dir.resolve("checkpoint/step_0"));
        return stepper(backend, dir, ckpt.config(), ckpt.weights(), hCycles, lCycles, segments);
    }

    private static HrmStepper stepper(String backend, Path dir, HrmConfig config, Map<String, HostTensor> weights,
                                      int hCycles, int lCycles, int segments) throws Exception {
        int[] tokens = Npy.read(dir.resolve("golden/inputs.npy")).toInts();
        HrmConfig c = config.withSeqLen(tokens.length).withCycles(hCycles, lCycles, segments);
        HrmModel model;
        try {
            model = TestBackends.open(backend, c, weights);
        } catch (DeviceUnavailableException e) {
            Assumptions.abort(e.getMessage());
            throw e;
        }
        return new HrmStepper(model, tokens, 0, segments);
    }

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void followsTheTrmScheduleAndMatchesTheGoldenAnswerStates(String backend) throws Exception {
        for (Path dir : new Path[] {ATTENTION, MLP}) {
            ModelCheckpoint ckpt = CheckpointLoader.load(dir.resolve("checkpoint/step_0"));
            var c = ckpt.config();
            int segments = (int) Npy.header(dir.resolve("golden/q.npy")).shape()[0];
            float[] golden = Npy.read(dir.resolve("golden/zH.npy")).toFloats();
            float[] q = Npy.read(dir.resolve("golden/q.npy")).toFloats();
            TestBackends.device(backend);
            HrmStepper s = stepper(backend, dir, c.hCycles(), c.lCycles(), segments);
            int perSegment = c.hCycles() * (c.lCycles() + 1);
            assertEquals(segments * perSegment, s.totalUpdates());
            for (int i = 0; i < s.totalUpdates(); i++) {
                boolean answer = i % (c.lCycles() + 1) == c.lCycles();
                StepSnapshot snap = answer ? s.stepH() : s.stepL();
                assertEquals(i, snap.index());
                double max = 0;
                for (int j = 0; j < snap.zH().length; j++) {
                    max = Math.max(max, Math.abs(snap.zH()[j] - golden[i * snap.zH().length + j]));
                }
                assertTrue(max < 1e-4, dir.getFileName() + ": zH at update " + i + " differs by " + max);
                assertEquals(HaltRule.HALT_POSITIVE, snap.haltRule());
                if (snap.endsSegment()) {
                    assertEquals(q[snap.segment() * 2], snap.qHalt(), 1e-4);
                    assertEquals(q[snap.segment() * 2] > 0, snap.wantsToHalt());
                }
            }
            assertNull(s.nextKind());
        }
    }

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void seekingBackGivesBitIdenticalStates(String backend) throws Exception {
        seeksBitIdentically(stepper(backend, ATTENTION, 2, 3, 3));
    }

    @Test
    void seekingBackGivesBitIdenticalStatesInTheMlpVariant() throws Exception {
        seeksBitIdentically(stepper("cpu", MLP, 2, 3, 3));
    }

    private static void seeksBitIdentically(HrmStepper s) {
        assertEquals(24, s.totalUpdates());
        List<StepSnapshot> forward = new ArrayList<>();
        for (int i = 0; i < s.totalUpdates(); i++) {
            forward.add(s.step());
        }
        for (int target : new int[] {5, 0, 23, 9, 17, 8, 3}) {
            StepSnapshot again = s.seek(target);
            assertArrayEquals(forward.get(target).zL(), again.zL(), "zL after seek to " + target);
            assertArrayEquals(forward.get(target).zH(), again.zH(), "zH after seek to " + target);
            assertArrayEquals(forward.get(target).logits(), again.logits(), "logits after seek to " + target);
            assertEquals(forward.get(target).qHalt(), again.qHalt());
            assertEquals(forward.get(target).changeL(), again.changeL());
            assertEquals(target + 1, s.updatesDone());
        }
        assertEquals(forward.get(2).index(), s.back().index());
        assertArrayEquals(forward.get(2).zH(), s.current().zH());
        assertNull(s.seek(-1));
        assertEquals(0, s.updatesDone());
        assertArrayEquals(forward.get(0).zL(), s.step().zL());
    }

    @Test
    void haltsOnAPositiveHaltLogitAloneUnlessNoActContinueIsOff() throws Exception {
        ModelCheckpoint ckpt = CheckpointLoader.load(ATTENTION.resolve("checkpoint/step_0"));
        // the golden q_halt is -1.35, -1.15, -0.73 at segment ends, q_continue about +0.6: raising both biases by 1
        // makes q_halt positive at the third segment while q_continue stays above it
        Map<String, HostTensor> w = new LinkedHashMap<>(ckpt.weights());
        float[] bias = w.get("q_head.bias").data().clone();
        bias[0] += 1f;
        bias[1] += 1f;
        w.put("q_head.bias", new HostTensor(new long[] {2}, bias));

        HrmStepper trm = stepper("cpu", ATTENTION, ckpt.config(), w, 2, 3, 5);
        StepSnapshot halt = trm.runToHalt();
        assertEquals(2, halt.segment(), "halts at the first segment with q_halt > 0");
        assertTrue(halt.endsSegment());
        assertTrue(halt.qHalt() > 0 && halt.qHalt() < halt.qContinue(), halt.qHalt() + " vs " + halt.qContinue());
        assertTrue(halt.wantsToHalt());

        var c = ckpt.config();
        HrmConfig withContinue = c.toBuilder().noActContinue(false).build();
        assertEquals(HaltRule.HALT_ABOVE_CONTINUE, withContinue.haltRule());
        HrmStepper hrmRule = stepper("cpu", ATTENTION, withContinue, w, 2, 3, 5);
        StepSnapshot end = hrmRule.runToHalt();
        assertEquals(4, end.segment(), "q_halt never beats q_continue: all segments run");
        assertFalse(end.wantsToHalt());
        StepSnapshot third = hrmRule.seek(halt.index());
        assertArrayEquals(halt.zH(), third.zH(), "the rule changes halting only, not the states");
        assertFalse(third.wantsToHalt());
    }
}
