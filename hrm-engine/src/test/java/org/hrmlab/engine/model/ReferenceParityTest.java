package org.hrmlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.TestBackends;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against {@link NaiveHrmReference} on configurations the golden fixture (no puzzle embedding, 4 heads of
 * 16, 2x2 cycles, 81 tokens, batch 1) does not cover. Every zL and zH after every update, the logits and Q values
 * must agree within {@link ReferenceComparison#TOLERANCE}, with the same argmax.
 */
class ReferenceParityTest {

    /** A configuration under test: the architecture, batch rows, segments to run and an optional row replacement. */
    record Case(String name, HrmConfig config, int batch, int segments, boolean replaceRow) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static HrmConfig config(int seqLen, int puzzleNdim, int hidden, int heads, double expansion, int hLayers,
                                    int lLayers, int hCycles, int lCycles, String positions) {
        return HrmConfig.builder().seqLen(seqLen).vocabSize(7).numPuzzleIdentifiers(5).puzzleEmbNdim(puzzleNdim)
                .hiddenSize(hidden).numHeads(heads).expansion(expansion).hLayers(hLayers).lLayers(lLayers)
                .hCycles(hCycles).lCycles(lCycles).haltMaxSteps(4).posEncodings(positions).build();
    }

    static Stream<Arguments> cases() {
        return TestBackends.names().flatMap(backend -> caseList().map(c -> Arguments.of(backend, c)));
    }

    static Stream<Case> caseList() {
        return Stream.of(
                new Case("puzzle embedding of one prefix token, learned positions",
                        config(16, 48, 48, 4, 4, 2, 2, 2, 2, "learned"), 2, 2, false),
                new Case("puzzle embedding of one prefix token, RoPE",
                        config(16, 48, 48, 4, 4, 2, 2, 2, 2, "rope"), 2, 1, false),
                new Case("puzzle embedding 80 wide padded to two prefix tokens, learned positions",
                        config(16, 80, 48, 4, 4, 2, 2, 2, 2, "learned"), 2, 1, false),
                new Case("puzzle embedding 80 wide padded to two prefix tokens, RoPE",
                        config(16, 80, 48, 4, 4, 2, 2, 2, 2, "rope"), 2, 2, false),
                new Case("learned positions plus RoPE (HRM Lab's learned+rope)",
                        config(16, 80, 48, 4, 4, 2, 2, 2, 2, HrmConfig.LEARNED_AND_ROPE), 2, 1, false),
                new Case("3 heads of 20, expansion 2.6 (SwiGLU 104 rounded up to 256)",
                        config(25, 60, 60, 3, 2.6, 2, 2, 2, 2, "rope"), 2, 1, false),
                new Case("3 heads of 18, expansion 7.125 (SwiGLU 256.5 rounds half to even: 256)",
                        config(20, 0, 54, 3, 7.125, 1, 2, 2, 2, "rope"), 2, 1, false),
                new Case("H_cycles 3, L_cycles 4, 2 H layers and 3 L layers",
                        config(16, 40, 40, 2, 3, 2, 3, 3, 4, "rope"), 2, 1, false),
                new Case("batch of 3 puzzles, one slot replaced after the first segment",
                        config(16, 48, 48, 4, 4, 2, 2, 2, 2, "learned"), 3, 3, true),
                new Case("30x30 grid (900 tokens + 1 prefix), hidden 32",
                        config(900, 32, 32, 2, 4, 1, 1, 2, 2, "rope"), 2, 1, false));
    }

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void engineMatchesTheNaiveReference(String backend, Case c) {
        Map<String, HostTensor> weights = ParityWeights.random(c.config(), 17);
        int vocab = c.config().vocabSize();
        int[][] tokens = new int[c.batch()][];
        int[] ids = new int[c.batch()];
        for (int b = 0; b < c.batch(); b++) {
            tokens[b] = ParityWeights.tokens(c.config().seqLen(), vocab, 100 + b);
            ids[b] = (b + 1) % c.config().numPuzzleIdentifiers();
        }
        var replacement = c.replaceRow() ? new ReferenceComparison.Replacement(0, 1,
                ParityWeights.tokens(c.config().seqLen(), vocab, 999), 4) : null;

        var r = ReferenceComparison.run(TestBackends.device(backend), c.config(), weights, weights, tokens, ids,
                c.segments(), replacement);
        System.out.println(String.format(Locale.ROOT,
                "parity | %s | %s: %d updates, max |diff| state %.2e logits %.2e Q %.2e,"
                        + " argmax compared at %d positions (%d near-ties skipped)",
                backend, c.name(), r.updates(), r.maxStateDiff(), r.maxLogitDiff(), r.maxQDiff(), r.argmaxCompared(),
                r.nearTies()));

        assertTrue(r.maxStateDiff() <= ReferenceComparison.TOLERANCE, "state differs by " + r.maxStateDiff()
                + " at " + r.worst());
        assertTrue(r.maxLogitDiff() <= ReferenceComparison.TOLERANCE, "logits differ by " + r.maxLogitDiff());
        assertTrue(r.maxQDiff() <= ReferenceComparison.TOLERANCE, "Q differs by " + r.maxQDiff());
        assertEquals(0, r.argmaxDiffers(), "argmax differs at " + r.argmaxDiffers() + " of " + r.argmaxCompared());
        assertTrue(r.nearTies() * 20 < r.argmaxCompared(), "over 5% near-ties: the argmax check would say little ("
                + r.nearTies() + " of " + (r.nearTies() + r.argmaxCompared()) + ")");
        assertNotDegenerate(r);
    }

    /** The check must be able to fail: a 1e-3 change to one engine weight must show up. */
    @Test
    void aSlightlyWrongEngineIsCaught() {
        HrmConfig c = config(16, 80, 48, 6, 4, 1, 1, 1, 2, "rope");
        Map<String, HostTensor> weights = ParityWeights.random(c, 3);
        Map<String, HostTensor> wrong = new java.util.LinkedHashMap<>(weights);
        HostTensor o = weights.get("L_level.layers.0.self_attn.o_proj.weight");
        float[] data = o.data().clone();
        data[5] += 1e-3f;
        wrong.put("L_level.layers.0.self_attn.o_proj.weight", new HostTensor(o.shape(), data));
        int[][] tokens = {ParityWeights.tokens(16, 7, 1)};

        var same = ReferenceComparison.run(c, weights, weights, tokens, new int[] {2}, 1, null);
        var r = ReferenceComparison.run(c, wrong, weights, tokens, new int[] {2}, 1, null);

        assertTrue(same.maxStateDiff() <= ReferenceComparison.TOLERANCE, "unperturbed: " + same.maxStateDiff());
        assertTrue(r.maxStateDiff() > ReferenceComparison.TOLERANCE, "perturbed: " + r.maxStateDiff());
    }

    @Test
    void theReferenceSizesTheSwiGluLikePython() {
        assertEquals(256, NaiveHrmReference.swiGluWidth(7.125, 54), "round(256.5) is 256 in Python");
        assertEquals(512, NaiveHrmReference.swiGluWidth(7.15625, 54), "round(257.625) is 258");
        assertEquals(1536, NaiveHrmReference.swiGluWidth(4, 512), "the 27M model's width");
    }

    private static void assertNotDegenerate(ReferenceComparison.Result r) {
        assertTrue(r.rowSpread() > 0.05, "rows with different puzzles give (almost) the same logits: "
                + r.rowSpread());
        assertTrue(r.logitRange() > 0.5, "logits barely vary: range " + r.logitRange());
        assertTrue(r.distinctArgmax() >= 2, "every position predicts the same class");
    }
}
