package org.hrmlab.engine.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.NaiveHrmReference;
import org.hrmlab.engine.model.ParityWeights;
import org.hrmlab.engine.compute.TestBackends;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stepper on a configuration the golden fixture does not have (two-token puzzle prefix, learned positions,
 * 3 heads, H_cycles 3 x L_cycles 4): its snapshots (states, Q, predictions, the paper's Fig. 7 decode) follow the
 * naive reference, and going back or seeking restores every state bit for bit.
 */
class HrmStepperReferenceTest {
    private static final HrmConfig CONFIG = HrmConfig.builder().seqLen(16).vocabSize(7).numPuzzleIdentifiers(4)
            .puzzleEmbNdim(80).hiddenSize(48).numHeads(3).expansion(3).hLayers(2).lLayers(2).hCycles(3).lCycles(4)
            .haltMaxSteps(2).posEncodings("learned").build();
    private static final int SEGMENTS = 2;
    private static final double TOLERANCE = 1e-4;

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void snapshotsFollowTheReferenceAndSeekingRestoresThemBitForBit(String backend) {
        var weights = ParityWeights.random(CONFIG, 41);
        int[] tokens = ParityWeights.tokens(CONFIG.seqLen(), CONFIG.vocabSize(), 5);
        int puzzleId = 3;
        HrmStepper stepper = new HrmStepper(TestBackends.open(backend, CONFIG, weights), tokens, puzzleId, SEGMENTS);
        NaiveHrmReference ref = new NaiveHrmReference(CONFIG, weights);
        double[][] x = ref.embed(tokens, puzzleId);
        double[][] zL = ref.initialL();
        double[][] zH = ref.initialH();
        assertEquals(SEGMENTS * 3 * 5, stepper.totalUpdates());
        assertClose(zL, stepper.initialSnapshot().zL(), "initial zL");

        stepper.setReadout(Readout.PREVIEW_H_UPDATE);
        List<StepSnapshot> forward = new ArrayList<>();
        for (int i = 0; i < stepper.totalUpdates(); i++) {
            StepSnapshot s = stepper.step();
            if (s.kind() == UpdateKind.L) {
                zL = ref.lUpdate(zL, zH, x);
            } else {
                zH = ref.hUpdate(zH, zL);
            }
            double[][] preview = ref.logits(ref.hUpdate(zH, zL));
            for (int p = 0; p < preview.length; p++) {
                assertEquals(argmax(preview[p]), s.readoutPredicted()[p], "Fig. 7 decode at update " + i + ", position "
                        + p);
            }
            assertClose(zL, s.zL(), "zL after update " + i);
            assertClose(zH, s.zH(), "zH after update " + i);
            double[] q = ref.q(zH);
            assertEquals(q[0], s.qHalt(), TOLERANCE, "q_halt after update " + i);
            assertEquals(q[1], s.qContinue(), TOLERANCE, "q_continue after update " + i);
            double[][] logits = ref.logits(zH);
            for (int p = 0; p < logits.length; p++) {
                assertEquals(argmax(logits[p]), s.predicted()[p], "prediction at update " + i + ", position " + p);
            }
            forward.add(s);
        }
        assertEquals(UpdateKind.H, forward.get(4).kind());
        assertTrue(forward.get(14).endsSegment());

        for (int target : new int[] {21, 3, 29, 14, 15, 0, 27, 9}) {
            assertSame(forward.get(target), stepper.seek(target), "seek to " + target);
        }
        for (int i = 8; i >= 0; i--) {
            assertSame(forward.get(i), stepper.back(), "back to " + i);
        }
        assertNull(stepper.back(), "back to the initial state");
        assertEquals(0, stepper.updatesDone());
        for (int i = 0; i < forward.size(); i++) {
            assertSame(forward.get(i), stepper.step(), "forward again to " + i);
        }
    }

    private static void assertSame(StepSnapshot want, StepSnapshot got, String where) {
        assertEquals(want.index(), got.index(), where);
        assertArrayEquals(want.zL(), got.zL(), where + ": zL");
        assertArrayEquals(want.zH(), got.zH(), where + ": zH");
        assertArrayEquals(want.logits(), got.logits(), where + ": logits");
        assertEquals(Float.floatToRawIntBits(want.qHalt()), Float.floatToRawIntBits(got.qHalt()), where + ": q_halt");
        assertEquals(want.changeL(), got.changeL(), where + ": change of zL");
        assertEquals(want.changeH(), got.changeH(), where + ": change of zH");
        assertArrayEquals(want.readoutPredicted(), got.readoutPredicted(), where + ": Fig. 7 decode");
    }

    private static void assertClose(double[][] want, float[] got, String where) {
        int d = want[0].length;
        double max = 0;
        for (int p = 0; p < want.length; p++) {
            for (int i = 0; i < d; i++) {
                max = Math.max(max, Math.abs(want[p][i] - got[p * d + i]));
            }
        }
        assertTrue(max <= TOLERANCE, where + " differs from the reference by " + max);
    }

    private static int argmax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }
}
