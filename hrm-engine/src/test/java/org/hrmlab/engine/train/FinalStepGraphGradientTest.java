package org.hrmlab.engine.train;

import static org.hrmlab.engine.train.TestTensors.gaussian;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.io.WeightLayout;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The graph's gradients against central finite differences, in float64, for every kind of parameter: the HRM's last
 * L- and H-update, and TRM's whole last recursion (attention and MLP variant).
 */
class FinalStepGraphGradientTest {
    static final double STEP = 1e-6;
    static final double RELATIVE = 1e-6;

    @Test
    void everyParameterKindMatchesFiniteDifferences() {
        // puzzle_emb_ndim 10 on hidden 8: two prefix tokens, the second zero-padded; learned positions
        HrmConfig c = HrmConfig.builder().seqLen(4).vocabSize(5).numPuzzleIdentifiers(3).puzzleEmbNdim(10)
                .hiddenSize(8).numHeads(2).expansion(1).hLayers(1).lLayers(1).haltMaxSteps(3).haltExplorationProb(0)
                .posEncodings("learned").build();
        check(c, List.of("L_level.layers.0.self_attn.qkv_proj.weight",
                "L_level.layers.0.self_attn.o_proj.weight", "L_level.layers.0.mlp.gate_up_proj.weight",
                "L_level.layers.0.mlp.down_proj.weight", "H_level.layers.0.self_attn.qkv_proj.weight",
                "H_level.layers.0.mlp.down_proj.weight", "lm_head.weight", "q_head.weight", "q_head.bias",
                "embed_tokens.embedding_weight", "embed_pos.embedding_weight", FinalStepGraph.PUZZLE_ROWS));
    }

    @Test
    void trmsWholeLastRecursionMatchesFiniteDifferences() {
        // RoPE, a 3-token prefix for a 10-wide puzzle embedding on hidden 8; 3 latent updates + 1 answer update
        HrmConfig c = HrmConfig.builder(ModelFamily.TRM).seqLen(4).vocabSize(5).numPuzzleIdentifiers(3)
                .puzzleEmbNdim(10).hiddenSize(8).numHeads(2).expansion(1).lLayers(2).hCycles(2).lCycles(3)
                .haltMaxSteps(3).haltExplorationProb(0).posEncodings("rope").rmsNormEps(1e-5).ropeTheta(10000)
                .puzzleEmbLen(3).mlpT(false).noActContinue(true).build();
        check(c, List.of("L_level.layers.0.self_attn.qkv_proj.weight", "L_level.layers.1.self_attn.o_proj.weight",
                "L_level.layers.0.mlp.gate_up_proj.weight", "L_level.layers.1.mlp.down_proj.weight",
                "lm_head.weight", "q_head.weight", "q_head.bias", "embed_tokens.embedding_weight",
                FinalStepGraph.PUZZLE_ROWS));
    }

    @Test
    void trmsMlpVariantMatchesFiniteDifferences() {
        HrmConfig c = HrmConfig.builder(ModelFamily.TRM).seqLen(5).vocabSize(5).numPuzzleIdentifiers(2)
                .puzzleEmbNdim(8).hiddenSize(8).numHeads(2).expansion(1).lLayers(2).hCycles(2).lCycles(2)
                .haltMaxSteps(3).haltExplorationProb(0).posEncodings(HrmConfig.NO_POSITIONS).rmsNormEps(1e-5)
                .ropeTheta(10000).puzzleEmbLen(2).mlpT(true).noActContinue(true).build();
        check(c, List.of("L_level.layers.0.mlp_t.gate_up_proj.weight", "L_level.layers.1.mlp_t.down_proj.weight",
                "L_level.layers.1.mlp.gate_up_proj.weight", "L_level.layers.0.mlp.down_proj.weight",
                "lm_head.weight", "embed_tokens.embedding_weight", FinalStepGraph.PUZZLE_ROWS));
    }

    private static void check(HrmConfig c, List<String> kinds) {
        int batch = 2;
        Random rnd = new Random(7);
        Map<String, HostTensor> w = new LinkedHashMap<>();
        WeightLayout.expected(c).forEach((k, shape) -> w.put(k, gaussian(shape, rnd, 0.5)));
        FinalStepGraph g = new FinalStepGraph(c, batch, DataType.DOUBLE, w);
        float[] rows = gaussian(new long[] {batch, c.puzzleEmbNdim()}, rnd, 0.5).data();
        g.setParameter(FinalStepGraph.PUZZLE_ROWS, rows);
        int state = batch * c.totalSeqLen() * c.hiddenSize();
        int[] tokens = new int[batch * c.seqLen()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = new int[] {1, 4, 1, 0, 2, 2, 3, 1}[i % 8];
        }
        FinalStepGraph.Inputs in = new FinalStepGraph.Inputs(gaussian(new long[] {state}, rnd, 1).data(),
                gaussian(new long[] {state}, rnd, 1).data(), tokens);
        Nd4j.getRandom().setSeed(7);
        INDArray gl = Nd4j.rand(DataType.DOUBLE, batch * c.seqLen(), c.vocabSize()).subi(0.5);
        INDArray gq = Nd4j.rand(DataType.DOUBLE, batch, 2).subi(0.5);
        Map<String, INDArray> grads = g.gradientArrays(in, gl, gq);

        for (String key : kinds) {
            INDArray p = g.parameter(key);
            INDArray grad = grads.get(key);
            long n = p.length();
            for (int trial = 0; trial < 4; trial++) {
                long i = trial == 0 && key.equals("embed_tokens.embedding_weight") ? 1 * c.hiddenSize() + 3
                        : (long) rnd.nextInt((int) n);
                double v0 = p.data().getDouble(i);
                p.data().put(i, v0 + STEP);
                double plus = objective(g, in, gl, gq);
                p.data().put(i, v0 - STEP);
                double minus = objective(g, in, gl, gq);
                p.data().put(i, v0);
                double fd = (plus - minus) / (2 * STEP);
                double an = grad.data().getDouble(i);
                double err = Math.abs(fd - an) / Math.max(1e-3, Math.abs(fd) + Math.abs(an));
                assertTrue(err < RELATIVE, key + "[" + i + "]: analytic " + an + " vs finite difference " + fd);
            }
        }
    }

    private static double objective(FinalStepGraph g, FinalStepGraph.Inputs in, INDArray gl, INDArray gq) {
        Map<String, INDArray> out = g.forward(in);
        return out.get("logits").castTo(DataType.DOUBLE).mul(gl).sumNumber().doubleValue()
                + out.get("q").castTo(DataType.DOUBLE).mul(gq).sumNumber().doubleValue();
    }
}
