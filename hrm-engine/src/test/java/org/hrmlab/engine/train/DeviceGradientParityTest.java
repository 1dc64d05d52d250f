package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.compute.TestBackends;
import org.hrmlab.engine.model.ParityWeights;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A training segment on a device against the same segment on the CPU trainer (itself checked against the autodiff
 * graph and the reference's steps): outputs and every gradient, on random weights, carry, tokens and output gradients,
 * for configurations that cover both families and TRM's two variants, each positional encoding, puzzle prefixes of one
 * and several positions, several heads and layers and a batch above one. The CPU is the reference, so its own case is
 * skipped.
 */
@Tag(TestBackends.TAG)
class DeviceGradientParityTest {
    private static final double RELATIVE = 1e-4;

    static Stream<Arguments> cases() {
        HrmConfig rope = HrmConfig.builder().seqLen(12).vocabSize(7).numPuzzleIdentifiers(3).puzzleEmbNdim(48)
                .hiddenSize(48).numHeads(3).expansion(2).hLayers(2).lLayers(1).hCycles(2).lCycles(2).haltMaxSteps(3)
                .posEncodings("rope").build();
        HrmConfig learned = HrmConfig.builder().seqLen(9).vocabSize(5).hiddenSize(32).numHeads(4).expansion(3)
                .hLayers(1).lLayers(2).hCycles(2).lCycles(3).haltMaxSteps(3).posEncodings("learned").build();
        HrmConfig both = HrmConfig.builder().seqLen(16).vocabSize(6).numPuzzleIdentifiers(2).puzzleEmbNdim(64)
                .hiddenSize(64).numHeads(2).expansion(4).hLayers(1).lLayers(1).hCycles(1).lCycles(2).haltMaxSteps(2)
                .posEncodings(HrmConfig.LEARNED_AND_ROPE).build();
        HrmConfig trm = HrmConfig.builder(ModelFamily.TRM).seqLen(10).vocabSize(6).numPuzzleIdentifiers(3)
                .puzzleEmbNdim(40).hiddenSize(32).numHeads(2).expansion(2).lLayers(2).hCycles(2).lCycles(3)
                .haltMaxSteps(3).haltExplorationProb(0).posEncodings("rope").rmsNormEps(1e-5).ropeTheta(10000)
                .puzzleEmbLen(2).mlpT(false).noActContinue(true).build();
        HrmConfig trmMlp = HrmConfig.builder(ModelFamily.TRM).seqLen(12).vocabSize(5).numPuzzleIdentifiers(3)
                .puzzleEmbNdim(16).hiddenSize(16).numHeads(2).expansion(2).lLayers(2).hCycles(2).lCycles(2)
                .haltMaxSteps(3).haltExplorationProb(0).posEncodings(HrmConfig.NO_POSITIONS).rmsNormEps(1e-5)
                .ropeTheta(10000).puzzleEmbLen(2).mlpT(true).noActContinue(true).build();
        return TestBackends.names().flatMap(b -> Stream.of(Arguments.of(b, "hrm rope", rope, 2),
                Arguments.of(b, "hrm learned", learned, 3), Arguments.of(b, "hrm learned+rope", both, 1),
                Arguments.of(b, "trm attention", trm, 2), Arguments.of(b, "trm mlp_t", trmMlp, 3)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void aSegmentOnTheDeviceComputesWhatTheCpuTrainerDoes(String backend, String name, HrmConfig c, int batch) {
        Assumptions.assumeFalse(backend.equals("cpu"), "the CPU trainer is the reference these cases compare with");
        ComputeDevice device = TestBackends.device(backend);
        Map<String, float[]> params = new LinkedHashMap<>();
        Map<String, HostTensor> w = ParityWeights.perturbed(ParityWeights.random(c, 5), 6);
        w.forEach((k, t) -> params.put(k, t.data()));
        SplittableRandom rnd = new SplittableRandom(23);
        int state = batch * c.totalSeqLen() * c.hiddenSize();
        float[] zL = uniform(rnd, state);
        float[] zH = uniform(rnd, state);
        int[] tokens = new int[batch * c.seqLen()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = rnd.nextInt(c.vocabSize());
        }
        float[] rows = c.puzzleEmbNdim() > 0 ? uniform(rnd, batch * c.puzzleEmbNdim()) : null;
        float[] gLogits = uniform(rnd, batch * c.seqLen() * c.vocabSize());
        float[] gQ = uniform(rnd, batch * 2);

        try (SegmentPass cpu = SegmentPass.of(c, batch); SegmentPass dev = SegmentPass.of(c, batch, device)) {
            Result expected = run(cpu, params, zL, zH, tokens, rows, gLogits, gQ);
            Result actual = run(dev, params, zL, zH, tokens, rows, gLogits, gQ);
            close(name + " x̃", expected.x, actual.x);
            close(name + " zL after the no-grad part", expected.carry[0], actual.carry[0]);
            close(name + " zH after the no-grad part", expected.carry[1], actual.carry[1]);
            close(name + " zL", expected.out.zL(), actual.out.zL());
            close(name + " zH", expected.out.zH(), actual.out.zH());
            close(name + " logits", expected.out.logits(), actual.out.logits());
            close(name + " Q", expected.out.q(), actual.out.q());
            close(name + " segment Q", expected.segmentQ, actual.segmentQ);
            assertEquals(expected.gradients.keySet(), actual.gradients.keySet(), name + " gradient keys");
            expected.gradients.forEach((k, g) -> close(name + " d/d " + k, g, actual.gradients.get(k)));
        }
    }

    private record Result(float[] x, float[][] carry, FinalStep.Output out, Map<String, float[]> gradients,
                          float[] segmentQ) {
    }

    private static Result run(SegmentPass pass, Map<String, float[]> params, float[] zL, float[] zH, int[] tokens,
                              float[] rows, float[] gLogits, float[] gQ) {
        pass.setWeights(params);
        float[] x = pass.embedding(tokens, rows);
        float[][] carry = {zL.clone(), zH.clone()};
        pass.allButLastStep(carry, x);
        FinalStep.Output out = pass.forward(carry[0], carry[1], x);
        Map<String, float[]> grads = new LinkedHashMap<>();
        pass.backward(gLogits, gQ).forEach((k, g) -> grads.put(k, g.clone()));
        float[] segmentQ = pass.segmentQ(zL, zH, x);
        return new Result(x, carry, out, grads, segmentQ);
    }

    private static float[] uniform(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return a;
    }

    /** Within {@link #RELATIVE} of the larger of 1 and the expected array's largest magnitude. */
    private static void close(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + " size");
        double scale = 1;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= RELATIVE * scale, what + ": max |diff| " + worst + " (scale " + scale + ")");
    }
}
