package org.hrmlab.engine.train;

import static org.hrmlab.engine.train.TestTensors.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.io.WeightLayout;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The hand-written backward against the SameDiff graph (itself checked by finite differences). */
class FinalStepTest {
    static final double TOLERANCE = 2e-5;

    @Test
    void matchesTheAutodiffGraph() {
        check(HrmConfig.builder().seqLen(5).vocabSize(6).numPuzzleIdentifiers(3).puzzleEmbNdim(12).hiddenSize(8)
                .numHeads(2).expansion(1).hLayers(2).lLayers(1).haltMaxSteps(3).haltExplorationProb(0)
                .posEncodings("learned").build(), 3);
        check(HrmConfig.builder().seqLen(7).vocabSize(5).numPuzzleIdentifiers(2).hiddenSize(16).numHeads(4)
                .expansion(2).hLayers(1).lLayers(2).hCycles(1).lCycles(1).haltMaxSteps(2).haltExplorationProb(0)
                .build(), 2);
        check(HrmConfig.builder().seqLen(4).vocabSize(5).puzzleEmbNdim(0).hiddenSize(8).numHeads(2).expansion(1)
                .hLayers(1).lLayers(1).hCycles(1).lCycles(1).haltMaxSteps(2).haltExplorationProb(0).build(), 2);
    }

    private static void check(HrmConfig c, int batch) {
        Random rnd = new Random(17);
        Map<String, HostTensor> w = new LinkedHashMap<>();
        WeightLayout.expected(c).forEach((k, shape) -> w.put(k, gaussian(shape, rnd, 0.4)));
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
        float[] rows = c.puzzleEmbNdim() > 0
                ? gaussian(new long[] {(long) batch * c.puzzleEmbNdim()}, rnd, 0.5).data() : null;
        float[] gl = gaussian(new long[] {(long) batch * c.seqLen() * c.vocabSize()}, rnd, 1).data();
        float[] gq = gaussian(new long[] {batch * 2L}, rnd, 1).data();

        FinalStepGraph graph = new FinalStepGraph(c, batch, DataType.FLOAT, w);
        if (rows != null) {
            graph.setParameter(FinalStepGraph.PUZZLE_ROWS, rows);
        }
        FinalStepGraph.Inputs in = new FinalStepGraph.Inputs(zL, zH, tokens);
        float[] refLogits = graph.forward(in).get("logits").data().asFloat();
        float[] refQ = graph.forward(in).get("q").data().asFloat();
        Map<String, float[]> ref = graph.gradients(in, gl, gq);

        FinalStep<?> step = new FinalStep<>(c, batch, org.hrmlab.engine.compute.ComputeDevice.CPU);
        step.setWeights(p);
        FinalStep.Output out = step.forward(zL, zH, tokens, rows);
        close("logits", refLogits, out.logits());
        close("q", refQ, out.q());
        Map<String, float[]> got = step.backward(gl, gq);
        assertEquals(ref.keySet(), got.keySet());
        ref.forEach((k, v) -> close(k, v, got.get(k)));
    }

    private static void close(String what, float[] expected, float[] actual) {
        TestTensors.assertClose(what, expected, actual, TOLERANCE);
    }
}
