package org.hrmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HrmConfigTest {
    private static HrmConfig config(int puzzleNdim, int hidden, int heads, double expansion) {
        return HrmConfig.builder().seqLen(81).vocabSize(11).numPuzzleIdentifiers(3).puzzleEmbNdim(puzzleNdim)
                .hiddenSize(hidden).numHeads(heads).expansion(expansion).hLayers(2).lLayers(2).haltMaxSteps(4).build();
    }

    @Test
    void swiGluWidthRoundsLikePythonThenUpTo256() {
        assertEquals(1536, config(0, 512, 8, 4).mlpInterSize(), "round(1365.33) = 1365 -> 1536");
        assertEquals(256, config(0, 54, 3, 7.125).mlpInterSize(), "round(256.5) = 256, halves go to even");
        assertEquals(512, config(0, 54, 3, 7.15625).mlpInterSize(), "round(257.625) = 258 -> 512");
        assertEquals(256, config(0, 60, 3, 2.6).mlpInterSize(), "round(104) = 104 -> 256");
    }

    @Test
    void prefixLengthRoundsUp() {
        assertEquals(0, config(0, 48, 4, 4).puzzleEmbLen());
        assertEquals(1, config(48, 48, 4, 4).puzzleEmbLen());
        assertEquals(2, config(80, 48, 4, 4).puzzleEmbLen());
        assertEquals(83, config(80, 48, 4, 4).totalSeqLen());
    }

    @Test
    void positionEncodingsSayWhatTheyUse() {
        HrmConfig rope = config(0, 48, 4, 4);
        assertTrue(rope.rotaryPositions());
        assertFalse(rope.learnedPositions());
        HrmConfig learned = rope.withPosEncodings("learned");
        assertFalse(learned.rotaryPositions(), "the reference rotates nothing when positions are learned");
        assertTrue(learned.learnedPositions());
        HrmConfig both = rope.withPosEncodings(HrmConfig.LEARNED_AND_ROPE);
        assertTrue(both.rotaryPositions());
        assertTrue(both.learnedPositions());
        assertThrows(IllegalArgumentException.class, () -> rope.withPosEncodings("sinusoidal"));
    }

    private static HrmConfig trm(boolean mlpT, String positions, int prefix) {
        return HrmConfig.builder(ModelFamily.TRM).seqLen(81).vocabSize(11).hiddenSize(64).numHeads(4).hCycles(2)
                .lCycles(3).haltMaxSteps(3).posEncodings(positions).puzzleEmbLen(prefix).mlpT(mlpT).build();
    }

    @Test
    void thePositionalFormsMatchTheBuilder() {
        HrmConfig c = config(48, 48, 4, 4);
        assertEquals(new HrmConfig(81, 11, 3, 48, 48, 4, 4, 2, 2, 2, 2, 4, 0.1, "rope", 1e-5, 1e4), c,
                "the sixteen-argument constructor");
        assertEquals(new HrmConfig(81, 11, 1, 64, 64, 4, 4, 0, 2, 2, 3, 3, 0.1, "none", 1e-5, 1e4, ModelFamily.TRM, 16,
                true, true), trm(true, "none", 16), "the twenty-argument constructor");
    }

    @Test
    void theBuilderStartsFromTheReferenceDefaults() {
        HrmConfig hrm = HrmConfig.builder().seqLen(81).vocabSize(11).build();
        assertEquals(HrmConfig.reference27M(81, 11, 1), hrm);
        assertEquals(new HrmConfig(81, 11, 1, 512, 512, 8, 4, 4, 4, 2, 2, 16, 0.1, "rope", 1e-5, 10000.0), hrm,
                "hrm_v1.yaml");
        assertEquals(new HrmConfig(81, 11, 1, 512, 512, 8, 4, 0, 2, 3, 6, 16, 0.1, "rope", 1e-5, 10000.0,
                ModelFamily.TRM, 16, false, true), HrmConfig.builder(ModelFamily.TRM).seqLen(81).vocabSize(11).build(),
                "trm.yaml");
        assertEquals(hrm, HrmConfig.builder(null).seqLen(81).vocabSize(11).build(), "no family reads as HRM");
        assertEquals(64, HrmConfig.builder().vocabSize(11).hiddenSize(64).build().puzzleEmbNdim(),
                "an unset puzzle embedding follows the hidden size, as puzzle_emb_ndim: ${.hidden_size}");
        assertEquals(0, HrmConfig.builder().vocabSize(11).puzzleEmbNdim(0).hiddenSize(64).build().puzzleEmbNdim());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HrmConfig.builder().seqLen(81).build());
        assertEquals("vocab_size must be positive, got 0", e.getMessage(), "the data's sizes have no default");
    }

    @Test
    void toBuilderCopiesEverythingAndAnHrmPrefixFollowsTheWidth() {
        HrmConfig t = trm(true, "none", 16);
        assertEquals(t, t.toBuilder().build());
        assertEquals(HaltRule.HALT_ABOVE_CONTINUE, t.toBuilder().noActContinue(false).build().haltRule());
        HrmConfig h = config(80, 48, 4, 4);
        assertEquals(h, h.toBuilder().build());
        assertEquals(2, h.puzzleEmbLen());
        assertEquals(1, h.toBuilder().hiddenSize(96).build().puzzleEmbLen(), "ceil(80 / 96)");
    }

    @Test
    void theSixteenArgumentConstructorIsAnHrm() {
        HrmConfig c = config(48, 48, 4, 4);
        assertEquals(ModelFamily.HRM, c.family());
        assertFalse(c.sharedNetwork());
        assertFalse(c.mlpT());
        assertFalse(c.noActContinue());
        assertEquals(HaltRule.HALT_ABOVE_CONTINUE, c.haltRule());
        assertEquals(new HrmConfig(81, 11, 3, 48, 48, 4, 4, 2, 2, 2, 2, 4, 0.1, "rope", 1e-5, 1e4, null, 0, false,
                false), c, "a missing family reads as HRM and a prefix of 0 as ceil(ndim / hidden)");
        assertEquals(c, c.withSeqLen(9).withSeqLen(81).withCycles(2, 2, 4));
    }

    @Test
    void trmCarriesItsPrefixVariantAndHaltingRuleThroughCopies() {
        HrmConfig c = trm(true, "none", 16);
        assertEquals(ModelFamily.TRM, c.family());
        assertTrue(c.sharedNetwork());
        assertEquals(0, c.hLayers());
        assertEquals(16, c.puzzleEmbLen());
        assertEquals(97, c.totalSeqLen());
        assertEquals(512, c.mlpTInterSize(), "round(4 * 97 * 2/3) = 259 -> 512");
        assertEquals(HaltRule.HALT_POSITIVE, c.haltRule());
        assertFalse(c.rotaryPositions());
        assertFalse(c.learnedPositions());
        HrmConfig copy = c.withCycles(1, 5, 7).withSeqLen(81);
        assertEquals(ModelFamily.TRM, copy.family());
        assertEquals(16, copy.puzzleEmbLen());
        assertTrue(copy.mlpT() && copy.noActContinue());
        assertEquals(1, trm(false, "rope", 0).puzzleEmbLen(), "0 derives the HRM's prefix, as the reference does");
    }

    @Test
    void refusesSettingsThatDoNotFitTheFamily() {
        assertThrows(IllegalArgumentException.class, () -> trm(false, "rope", 16).withPosEncodings("sinusoidal"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HrmConfig.builder().vocabSize(11).hiddenSize(64).puzzleEmbLen(16).build());
        assertTrue(e.getMessage().contains("puzzle_emb_len 16"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HrmConfig.builder().vocabSize(11).hiddenSize(64)
                .posEncodings(HrmConfig.NO_POSITIONS).mlpT(true).build());
        assertTrue(e.getMessage().contains("mlp_t"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HrmConfig.builder(ModelFamily.TRM).vocabSize(11).hiddenSize(64).hLayers(2).build());
        assertTrue(e.getMessage().contains("H_layers"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HrmConfig.builder(ModelFamily.TRM).vocabSize(11)
                .hiddenSize(64).puzzleEmbNdim(200).puzzleEmbLen(3).build());
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HrmConfig.builder(ModelFamily.TRM).vocabSize(11).hiddenSize(64).puzzleEmbNdim(0).build());
        assertTrue(e.getMessage().contains("puzzle_emb_ndim is 0"), e.getMessage());
    }

    @Test
    void haltingRulesCompareLogits() {
        assertTrue(HaltRule.HALT_POSITIVE.halts(0.5, 3.0));
        assertFalse(HaltRule.HALT_POSITIVE.halts(-0.5, -3.0));
        assertFalse(HaltRule.HALT_ABOVE_CONTINUE.halts(0.5, 3.0));
        assertTrue(HaltRule.HALT_ABOVE_CONTINUE.halts(-0.5, -3.0));
        assertEquals("q_halt > 0", HaltRule.HALT_POSITIVE.text());
    }

    @Test
    void jsonIsTheFlatRecordModelFilesHold() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<String> names = new java.util.ArrayList<>();
        json.readTree(json.writeValueAsString(config(48, 48, 4, 4))).fieldNames().forEachRemaining(names::add);
        assertEquals(java.util.List.of("seqLen", "vocabSize", "numPuzzleIdentifiers", "puzzleEmbNdim", "hiddenSize",
                "numHeads", "expansion", "hLayers", "lLayers", "hCycles", "lCycles", "haltMaxSteps",
                "haltExplorationProb", "posEncodings", "rmsNormEps", "ropeTheta", "family", "puzzleEmbLen", "mlpT",
                "noActContinue"), names);
    }

    @Test
    void jsonCarriesTheFamilyAndOldJsonReadsAsHrm() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        HrmConfig t = trm(true, "none", 16);
        String text = json.writeValueAsString(t);
        assertTrue(text.contains("\"family\":\"trm\""), text);
        assertEquals(t, json.readValue(text, HrmConfig.class));
        HrmConfig h = config(48, 48, 4, 4);
        var old = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(json.writeValueAsString(h));
        old.remove(java.util.List.of("family", "puzzleEmbLen", "mlpT", "noActContinue"));
        assertEquals(h, json.treeToValue(old, HrmConfig.class));
    }
}
