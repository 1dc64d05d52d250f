package org.hrmlab.engine.train;

import static org.hrmlab.engine.train.TestTensors.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.model.HrmState;
import org.hrmlab.engine.model.ParityWeights;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * TRM's training segment: the hand-written backward of the last recursion against the SameDiff graph in float64
 * (itself checked by finite differences in {@link FinalStepGraphGradientTest}), and the whole segment's forward against
 * the inference model, for the attention variant (RoPE, learned positions) and the MLP variant. Weights are at the
 * initialiser's scale: with larger ones six chained blocks amplify float32 rounding past the tolerance.
 */
class TrmRecursionTest {
    static final double TOLERANCE = 2e-5;

    /** Attention, RoPE, a 3-token prefix of which only the first 10 values carry the embedding. */
    static final HrmConfig ATTENTION = HrmConfig.builder(ModelFamily.TRM).seqLen(5).vocabSize(6)
            .numPuzzleIdentifiers(3).puzzleEmbNdim(10).hiddenSize(8).numHeads(2).expansion(2).lLayers(2).hCycles(2)
            .lCycles(3).haltMaxSteps(3).haltExplorationProb(0).posEncodings("rope").rmsNormEps(1e-5).ropeTheta(10000)
            .puzzleEmbLen(3).mlpT(false).noActContinue(true).build();
    /** Attention with learned positions, one layer, one latent update per recursion. */
    static final HrmConfig LEARNED = HrmConfig.builder(ModelFamily.TRM).seqLen(4).vocabSize(5).numPuzzleIdentifiers(2)
            .puzzleEmbNdim(16).hiddenSize(16).numHeads(4).expansion(1).lLayers(1).hCycles(3).lCycles(1)
            .haltMaxSteps(2).haltExplorationProb(0).posEncodings("learned").rmsNormEps(1e-5).ropeTheta(10000)
            .puzzleEmbLen(2).mlpT(false).noActContinue(true).build();
    /** The MLP variant: token-mixing SwiGLU, no positions. */
    static final HrmConfig MLP = HrmConfig.builder(ModelFamily.TRM).seqLen(6).vocabSize(5).numPuzzleIdentifiers(3)
            .puzzleEmbNdim(8).hiddenSize(8).numHeads(2).expansion(2).lLayers(2).hCycles(2).lCycles(2).haltMaxSteps(3)
            .haltExplorationProb(0).posEncodings(HrmConfig.NO_POSITIONS).rmsNormEps(1e-5).ropeTheta(10000)
            .puzzleEmbLen(2).mlpT(true).noActContinue(true).build();

    @Test
    void theFamilyPicksTheRecursion() {
        assertInstanceOf(FinalStep.class, SegmentPass.of(ATTENTION, 2));
    }

    @Test
    void backwardMatchesTheAutodiffGraph() {
        check(ATTENTION, 3);
        check(LEARNED, 2);
        check(MLP, 2);
    }

    @Test
    void aTrainingSegmentComputesWhatTheModelSteps() {
        segmentMatchesInference(ATTENTION);
        segmentMatchesInference(LEARNED);
        segmentMatchesInference(MLP);
    }

    private static void check(HrmConfig c, int batch) {
        Random rnd = new Random(17);
        Map<String, HostTensor> w = ParityWeights.perturbed(ParityWeights.random(c, 3), 4);
        Map<String, float[]> p = new LinkedHashMap<>();
        w.forEach((k, t) -> p.put(k, t.data()));
        int state = batch * c.totalSeqLen() * c.hiddenSize();
        float[] zL = gaussian(new long[] {state}, rnd, 1).data();
        float[] zH = gaussian(new long[] {state}, rnd, 1).data();
        int[] tokens = new int[batch * c.seqLen()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = rnd.nextInt(c.vocabSize());
        }
        tokens[1] = tokens[0];
        float[] rows = gaussian(new long[] {(long) batch * c.puzzleEmbNdim()}, rnd, 0.5).data();
        float[] gl = gaussian(new long[] {(long) batch * c.seqLen() * c.vocabSize()}, rnd, 1).data();
        float[] gq = gaussian(new long[] {batch * 2L}, rnd, 1).data();

        FinalStepGraph graph = new FinalStepGraph(c, batch, DataType.DOUBLE, w);
        graph.setParameter(FinalStepGraph.PUZZLE_ROWS, rows);
        FinalStepGraph.Inputs in = new FinalStepGraph.Inputs(zL, zH, tokens);
        var ref = graph.forward(in);
        Map<String, float[]> refGrad = graph.gradients(in, gl, gq);

        SegmentPass step = SegmentPass.of(c, batch);
        step.setWeights(p);
        FinalStep.Output out = step.forward(zL, zH, step.embedding(tokens, rows));
        String at = c.mlpT() ? "mlp_t " : c.posEncodings() + " ";
        close(at + "zL", ref.get("zL_out").data().asFloat(), out.zL());
        close(at + "zH", ref.get("zH_out").data().asFloat(), out.zH());
        close(at + "logits", ref.get("logits").data().asFloat(), out.logits());
        close(at + "q", ref.get("q").data().asFloat(), out.q());
        Map<String, float[]> got = step.backward(gl, gq);
        assertEquals(new java.util.TreeSet<>(refGrad.keySet()), new java.util.TreeSet<>(got.keySet()), at + "keys");
        refGrad.forEach((k, v) -> close(at + k, v, got.get(k)));
    }

    /** allButLastStep + forward = one whole segment of H_cycles recursions, as the inference model runs it. */
    static void segmentMatchesInference(HrmConfig c) {
        int batch = 2;
        Map<String, HostTensor> w = ParityWeights.random(c, 5);
        int[] tokens = ParityWeights.tokens(batch * c.seqLen(), c.vocabSize(), 9);
        int[] ids = {1, 0};
        int nd = c.puzzleEmbNdim();
        float[] rows = new float[batch * nd];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(w.get("puzzle_emb.weights").data(), ids[b] * nd, rows, b * nd, nd);
        }
        int state = batch * c.totalSeqLen() * c.hiddenSize();
        float[] expectedZL = new float[state];
        float[] expectedZH = new float[state];
        float[] expectedLogits = new float[batch * c.seqLen() * c.vocabSize()];
        float[] expectedQ = new float[batch * 2];
        try (HrmModel model = HrmModel.onCpu(c, w); HrmState st = model.newState(batch)) {
            model.embed(st, tokens, ids);
            for (int b = 0; b < batch; b++) {
                model.resetCarry(st, b);
            }
            Segments.full(model, st);
            st.copyZL(expectedZL);
            st.copyZH(expectedZH);
            model.logits(st, expectedLogits);
            model.qLogits(st, expectedQ);
        }
        SegmentPass step = SegmentPass.of(c, batch);
        Map<String, float[]> p = new LinkedHashMap<>();
        w.forEach((k, t) -> p.put(k, t.data()));
        step.setWeights(p);
        float[] x = step.embedding(tokens, rows);
        int d = c.hiddenSize();
        float[][] carry = {new float[state], new float[state]};
        for (int i = 0; i < state / d; i++) {
            System.arraycopy(w.get("L_init").data(), 0, carry[0], i * d, d);
            System.arraycopy(w.get("H_init").data(), 0, carry[1], i * d, d);
        }
        step.allButLastStep(carry, x);
        FinalStep.Output out = step.forward(carry[0], carry[1], x);
        String at = (c.mlpT() ? "mlp_t " : c.posEncodings() + " ") + "segment ";
        close(at + "zL", expectedZL, out.zL());
        close(at + "zH", expectedZH, out.zH());
        close(at + "logits", expectedLogits, out.logits());
        close(at + "q", expectedQ, out.q());
        close(at + "segmentQ", expectedQ, step.segmentQ(initial(w, "L_init", state, d),
                initial(w, "H_init", state, d), x));
    }

    private static float[] initial(Map<String, HostTensor> w, String key, int state, int d) {
        float[] out = new float[state];
        for (int i = 0; i < state / d; i++) {
            System.arraycopy(w.get(key).data(), 0, out, i * d, d);
        }
        return out;
    }

    private static void close(String what, float[] expected, float[] actual) {
        TestTensors.assertClose(what, expected, actual, TOLERANCE);
    }
}
