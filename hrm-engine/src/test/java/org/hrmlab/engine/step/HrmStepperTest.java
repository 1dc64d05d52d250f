package org.hrmlab.engine.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hrmlab.engine.TestData;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.puzzles.io.Npy;
import org.junit.jupiter.api.BeforeAll;
import org.hrmlab.engine.compute.TestBackends;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HrmStepperTest {
    static final Path CASE = TestData.HRM_GOLDEN.resolve("sudoku-small");
    static ModelCheckpoint ckpt;
    static int[] tokens;

    @BeforeAll
    static void load() throws Exception {
        ckpt = CheckpointLoader.load(CASE.resolve("checkpoint/step_0"));
        tokens = Npy.read(CASE.resolve("golden/inputs.npy")).toInts();
    }

    private static HrmStepper stepper(int hCycles, int lCycles, int segments) {
        return stepper("cpu", hCycles, lCycles, segments);
    }

    private static HrmStepper stepper(String backend, int hCycles, int lCycles, int segments) {
        var config = ckpt.config().withSeqLen(tokens.length).withCycles(hCycles, lCycles, segments);
        return new HrmStepper(TestBackends.open(backend, config, ckpt.weights()), tokens, 0, segments);
    }

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void followsTheReferenceScheduleAndMatchesTheGoldenStates(String backend) throws Exception {
        float[] golden = Npy.read(CASE.resolve("golden/zH.npy")).toFloats();
        float[] q = Npy.read(CASE.resolve("golden/q.npy")).toFloats();
        HrmStepper s = stepper(backend, 2, 2, 3);
        assertEquals(18, s.totalUpdates());
        for (int i = 0; i < 18; i++) {
            StepSnapshot snap = i % 3 == 2 ? s.stepH() : s.stepL();
            assertEquals(i, snap.index());
            double max = 0;
            for (int j = 0; j < snap.zH().length; j++) {
                max = Math.max(max, Math.abs(snap.zH()[j] - golden[i * snap.zH().length + j]));
            }
            assertTrue(max < 1e-4, "zH at update " + i + " differs by " + max);
            if (snap.endsSegment()) {
                assertEquals(q[snap.segment() * 2], snap.qHalt(), 1e-4);
            }
        }
        assertNull(s.nextKind());
        assertThrows(IllegalStateException.class, s::step);
    }

    @Test
    void refusesAnUpdateTheScheduleDoesNotAllow() {
        HrmStepper s = stepper(2, 2, 1);
        assertThrows(IllegalStateException.class, s::stepH);
        s.stepL();
        s.stepL();
        assertThrows(IllegalStateException.class, s::stepL);
        assertEquals(UpdateKind.H, s.stepH().kind());
    }

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void seekingBackGivesBitIdenticalStates(String backend) {
        HrmStepper s = stepper(backend, 2, 3, 3);
        List<StepSnapshot> forward = new ArrayList<>();
        for (int i = 0; i < s.totalUpdates(); i++) {
            forward.add(s.step());
        }
        for (int target : new int[] {5, 0, 23, 9, 17, 8}) {
            StepSnapshot again = s.seek(target);
            assertArrayEquals(forward.get(target).zL(), again.zL(), "zL after seek to " + target);
            assertArrayEquals(forward.get(target).zH(), again.zH(), "zH after seek to " + target);
            assertEquals(forward.get(target).changeL(), again.changeL());
            assertEquals(target + 1, s.updatesDone());
        }
        assertEquals(forward.get(7).index(), s.back().index());
        assertNull(s.seek(-1));
        assertEquals(0, s.updatesDone());
        assertArrayEquals(forward.get(0).zL(), s.step().zL());
    }

    @Test
    void perPositionChangeIsTheWrittenStatesChangeAndAddsUpToTheRelativeChange() {
        HrmStepper s = stepper(2, 2, 1);
        StepSnapshot init = s.initialSnapshot();
        assertArrayEquals(new float[tokens.length], init.positionChange(), "nothing changed before the first update");
        StepSnapshot before = init;
        int prefix = ckpt.config().puzzleEmbLen() * init.hidden();
        for (int i = 0; i < s.totalUpdates(); i++) {
            StepSnapshot now = s.step();
            float[] was = now.kind() == UpdateKind.L ? before.zL() : before.zH();
            float[] is = now.kind() == UpdateKind.L ? now.zL() : now.zH();
            assertEquals(tokens.length, now.positionChange().length);
            double squares = 0;
            double base = 0;
            for (int k = prefix; k < was.length; k++) {
                base += (double) was[k] * was[k];
            }
            for (float v : now.positionChange()) {
                squares += (double) v * v;
            }
            double relative = now.kind() == UpdateKind.L ? now.changeL() : now.changeH();
            assertEquals(relative, Math.sqrt(squares / base), 1e-5 * Math.max(1, relative),
                    "update " + i + ": the positions' squared changes add up to the whole state's");
            int p = tokens.length / 2;
            double d = 0;
            for (int k = prefix + p * now.hidden(); k < prefix + (p + 1) * now.hidden(); k++) {
                d += ((double) is[k] - was[k]) * ((double) is[k] - was[k]);
            }
            assertEquals(Math.sqrt(d), now.positionChange()[p], 1e-5 * Math.max(1, Math.sqrt(d)));
            before = now;
        }
    }

    @Test
    void theLowStateReadoutDecodesTheSnapshotsOwnZLThroughTheOutputHead() {
        HrmStepper s = stepper(2, 2, 2);
        s.setReadout(Readout.LOW_STATE);
        assertEquals(Readout.LOW_STATE, s.readout());
        float[] head = ckpt.weights().get("lm_head.weight").data();
        int d = s.config().hiddenSize();
        int v = s.config().vocabSize();
        int prefix = s.config().puzzleEmbLen();
        int differs = 0;
        List<StepSnapshot> all = new ArrayList<>();
        all.add(s.initialSnapshot());
        while (s.nextKind() != null) {
            all.add(s.step());
        }
        for (StepSnapshot snap : all) {
            assertEquals(Readout.LOW_STATE, snap.readout());
            assertSame(snap.readoutPredicted(), snap.shownPredicted());
            for (int t = 0; t < tokens.length; t++) {
                double[] logits = new double[v];
                for (int k = 0; k < v; k++) {
                    for (int i = 0; i < d; i++) {
                        logits[k] += (double) snap.zL()[(prefix + t) * d + i] * head[k * d + i];
                    }
                }
                int want = 0;
                for (int k = 1; k < v; k++) {
                    want = logits[k] > logits[want] ? k : want;
                }
                assertEquals(want, snap.readoutPredicted()[t], "update " + snap.index() + ", position " + t);
                double z = 0;
                for (double l : logits) {
                    z += Math.exp(l - logits[want]);
                }
                assertEquals(1 / z, snap.readoutConfidence()[t], 1e-4, "update " + snap.index() + ", position " + t);
                differs += want != snap.predicted()[t] ? 1 : 0;
            }
        }
        assertTrue(differs > 0, "lm_head(zL) decodes as lm_head(zH) everywhere");
        StepSnapshot back = s.seek(3);
        assertArrayEquals(all.get(4).readoutPredicted(), back.readoutPredicted(), "replayed after seeking");
    }

    @Test
    void thePaperDecodeCarriesTheProbabilityOfItsOwnTokens() {
        HrmStepper s = stepper(2, 2, 1);
        StepSnapshot plain = s.step();
        assertNull(plain.readoutConfidence());
        assertEquals(Readout.HIGH_STATE, plain.readout());
        assertSame(plain.predicted(), plain.shownPredicted());
        s.setReadout(Readout.PREVIEW_H_UPDATE);
        StepSnapshot snap = s.step();
        assertEquals(tokens.length, snap.readoutConfidence().length);
        assertSame(snap.readoutConfidence(), snap.shownConfidence());
        for (float p : snap.readoutConfidence()) {
            assertTrue(p > 0 && p <= 1, "a probability: " + p);
        }
    }

    @Test
    void segmentAndHaltControlsStopAtSegmentEnds() {
        HrmStepper s = stepper(2, 2, 4);
        StepSnapshot seg = s.stepSegment();
        assertTrue(seg.endsSegment());
        assertEquals(5, seg.index());
        StepSnapshot halt = s.runToHalt();
        assertTrue(halt.endsSegment());
        assertTrue(halt.wantsToHalt() || halt.segment() == 3);
        s.setReadout(Readout.PREVIEW_H_UPDATE);
        s.seek(2);
        StepSnapshot withPaper = s.current();
        assertEquals(tokens.length, withPaper.readoutPredicted().length);
        assertEquals(0.0, stepper(2, 2, 1).step().changeH());
    }
}
