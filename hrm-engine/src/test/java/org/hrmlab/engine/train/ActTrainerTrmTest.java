package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.model.ParityWeights;
import org.junit.jupiter.api.Test;

/** What TRM's training adds to the HRM's: the moving average of the weights and the Q head without continue target. */
class ActTrainerTrmTest {
    static final HrmConfig TRM = HrmConfig.builder(ModelFamily.TRM).seqLen(6).vocabSize(6).numPuzzleIdentifiers(3)
            .puzzleEmbNdim(16).hiddenSize(16).numHeads(2).expansion(2).lLayers(2).hCycles(2).lCycles(2)
            .haltMaxSteps(3).haltExplorationProb(0).posEncodings("rope").rmsNormEps(1e-5).ropeTheta(10000)
            .puzzleEmbLen(2).mlpT(false).noActContinue(true).build();

    @Test
    void theAverageFollowsEveryStepOfTheDenseWeightsOnly() {
        double rate = 0.9;
        ActTrainer t = new ActTrainer(TRM, ParityWeights.random(TRM, 1), settings(rate), 3, 0);
        String key = "L_level.layers.0.self_attn.qkv_proj.weight";
        float[] expected = t.weights().get(key).data();
        for (int s = 0; s < 3; s++) {
            t.step(batch(s));
            float[] p = t.weights().get(key).data();
            for (int i = 0; i < p.length; i++) {
                expected[i] = (float) (1 - rate) * p[i] + (float) rate * expected[i];
            }
        }
        assertArrayEquals(expected, t.modelWeights().get(key).data(), 1e-7f);
        assertTrue(maxDiff(t.weights().get(key).data(), expected) > 1e-5, "the average lags the live weights");
        assertArrayEquals(t.weights().get("puzzle_emb.weights").data(),
                t.modelWeights().get("puzzle_emb.weights").data(), "the puzzle table is live");

        ActTrainer plain = new ActTrainer(TRM, ParityWeights.random(TRM, 1), settings(0), 3, 0);
        plain.step(batch(0));
        assertArrayEquals(plain.weights().get(key).data(), plain.modelWeights().get(key).data());
    }

    @Test
    void noActContinueHasNoContinueLossOrGradientAndTheContinueVariantHasBoth() {
        ActTrainer t = new ActTrainer(TRM, ParityWeights.random(TRM, 2), settings(0), 3, 0);
        StepResult r = t.step(batch(0));
        assertEquals(0, r.qContinueLoss());
        float[] qBias = t.lastGradients().get("q_head.bias");
        assertEquals(0, qBias[1]);
        assertTrue(qBias[0] != 0);

        HrmConfig withContinue = HrmConfig.builder(ModelFamily.TRM).seqLen(6).vocabSize(6).numPuzzleIdentifiers(3)
                .puzzleEmbNdim(16).hiddenSize(16).numHeads(2).expansion(2).lLayers(2).hCycles(2).lCycles(2)
                .haltMaxSteps(3).haltExplorationProb(0).posEncodings("rope").rmsNormEps(1e-5).ropeTheta(10000)
                .puzzleEmbLen(2).mlpT(false).noActContinue(false).build();
        ActTrainer c = new ActTrainer(withContinue, ParityWeights.random(withContinue, 2), settings(0), 3, 0);
        StepResult rc = c.step(batch(0));
        assertTrue(rc.qContinueLoss() > 0, "a continue target from a second segment");
        assertTrue(c.lastGradients().get("q_head.bias")[1] != 0);
        assertEquals(r.lmLoss(), rc.lmLoss(), 1e-9, "same first segment either way");
    }

    private static OptimiserSettings settings(double ema) {
        return new OptimiserSettings(1e-2, 0.9, 0.95, 0.1, 1e-2, 0.1, 0, 1.0, 100, "stablemax_cross_entropy", ema);
    }

    private static TrainingBatch batch(long seed) {
        int[] inputs = ParityWeights.tokens(3 * 6, 6, seed);
        int[] labels = ParityWeights.tokens(3 * 6, 6, seed + 100);
        return new TrainingBatch(inputs, labels, new int[] {1, 2, 1});
    }

    private static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
