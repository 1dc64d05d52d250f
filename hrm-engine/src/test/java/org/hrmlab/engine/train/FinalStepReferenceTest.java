package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.NaiveHrmReference;
import org.hrmlab.engine.model.ParityWeights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trainer's forward pass (one whole segment: the no-grad updates, then the differentiable last L- and H-update)
 * against the naive reference, for each positional encoding, with a two-token puzzle prefix and 3 heads.
 */
class FinalStepReferenceTest {
    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"rope", "learned", HrmConfig.LEARNED_AND_ROPE})
    void aTrainingSegmentComputesWhatTheReferenceDoes(String positions) {
        HrmConfig c = HrmConfig.builder().seqLen(12).vocabSize(6).numPuzzleIdentifiers(3).puzzleEmbNdim(50)
                .hiddenSize(36).numHeads(3).expansion(3).hLayers(2).lLayers(1).lCycles(3).haltMaxSteps(4)
                .posEncodings(positions).build();
        Map<String, HostTensor> w = ParityWeights.random(c, 61);
        int batch = 2;
        int[] ids = {2, 0};
        int[][] tokens = {ParityWeights.tokens(12, 6, 3), ParityWeights.tokens(12, 6, 4)};
        int[] flat = new int[batch * 12];
        float[] rows = new float[batch * 50];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(tokens[b], 0, flat, b * 12, 12);
            System.arraycopy(w.get("puzzle_emb.weights").data(), ids[b] * 50, rows, b * 50, 50);
        }
        NaiveHrmReference ref = new NaiveHrmReference(c, w);
        int s = ref.positions();
        int d = c.hiddenSize();

        FinalStep<?> step = new FinalStep<>(c, batch, org.hrmlab.engine.compute.ComputeDevice.CPU);
        Map<String, float[]> p = new LinkedHashMap<>();
        w.forEach((k, t) -> p.put(k, t.data()));
        step.setWeights(p);
        float[] x = step.embedding(flat, rows);
        float[][] carry = {new float[batch * s * d], new float[batch * s * d]};
        for (int i = 0; i < batch * s; i++) {
            System.arraycopy(w.get("L_init").data(), 0, carry[0], i * d, d);
            System.arraycopy(w.get("H_init").data(), 0, carry[1], i * d, d);
        }
        step.allButLastStep(carry, x);
        FinalStep.Output out = step.forward(carry[0], carry[1], x);

        double maxState = 0;
        double maxLogit = 0;
        double maxQ = 0;
        for (int b = 0; b < batch; b++) {
            double[][] xb = ref.embed(tokens[b], ids[b]);
            double[][] zL = ref.initialL();
            double[][] zH = ref.initialH();
            for (int h = 0; h < c.hCycles(); h++) {
                for (int l = 0; l < c.lCycles(); l++) {
                    zL = ref.lUpdate(zL, zH, xb);
                }
                zH = ref.hUpdate(zH, zL);
            }
            for (int t = 0; t < s; t++) {
                for (int i = 0; i < d; i++) {
                    int at = (b * s + t) * d + i;
                    maxState = Math.max(maxState, Math.abs(out.zL()[at] - zL[t][i]));
                    maxState = Math.max(maxState, Math.abs(out.zH()[at] - zH[t][i]));
                }
            }
            double[][] logits = ref.logits(zH);
            for (int t = 0; t < logits.length; t++) {
                for (int v = 0; v < c.vocabSize(); v++) {
                    maxLogit = Math.max(maxLogit, Math.abs(out.logits()[(b * 12 + t) * c.vocabSize() + v]
                            - logits[t][v]));
                }
            }
            double[] q = ref.q(zH);
            maxQ = Math.max(maxQ, Math.max(Math.abs(out.q()[2 * b] - q[0]), Math.abs(out.q()[2 * b + 1] - q[1])));
        }
        assertTrue(maxState <= TOLERANCE, positions + ": states differ by " + maxState);
        assertTrue(maxLogit <= TOLERANCE, positions + ": logits differ by " + maxLogit);
        assertTrue(maxQ <= TOLERANCE, positions + ": Q differs by " + maxQ);
    }
}
