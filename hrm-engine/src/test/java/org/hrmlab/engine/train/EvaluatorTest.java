package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.model.HrmModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
    static final HrmConfig CONFIG = HrmConfig.builder().seqLen(5).vocabSize(7).numPuzzleIdentifiers(2)
            .hiddenSize(16).numHeads(2).expansion(2).hLayers(1).lLayers(1).lCycles(1).haltMaxSteps(3)
            .haltExplorationProb(0).build();
    /** A TRM of the same sizes, halting on q_halt > 0. */
    static final HrmConfig TRM = HrmConfig.builder(ModelFamily.TRM).seqLen(5).vocabSize(7).numPuzzleIdentifiers(2)
            .puzzleEmbLen(4).hiddenSize(16).numHeads(2).expansion(2).lLayers(1).hCycles(2).lCycles(1).haltMaxSteps(3)
            .haltExplorationProb(0).build();

    @Test
    void resultsDoNotDependOnTheChunkSize(@TempDir Path tmp) throws Exception {
        PuzzleDataset test = PuzzleDataset.open(TinyDatasets.reverse(tmp, 5, 7, 2, 1, 7, 4), "test");
        HrmModel model = HrmModel.onCpu(CONFIG, org.hrmlab.engine.model.HrmInitializer.init(CONFIG, 3));
        Evaluator.Result a = new Evaluator(model, 2).evaluate(test, 0, 3, false);
        Evaluator.Result b = new Evaluator(model, 4).evaluate(test, 0, 3, false);
        assertEquals(7, a.count());
        assertEquals(a, b);
        assertEquals(3.0, a.meanSegments());
        assertEquals(5, new Evaluator(model, 4).evaluate(test, 5, 3, false).count());
    }

    @Test
    void theCurvesEntriesAreWhatShorterRunsGive(@TempDir Path tmp) throws Exception {
        HrmConfig small = CONFIG.toBuilder().seqLen(2).vocabSize(4).haltMaxSteps(4).build();
        PuzzleDataset test = PuzzleDataset.open(TinyDatasets.reverse(tmp, 2, 4, 2, 1, 64, 4), "test");
        Map<String, HostTensor> w = new HashMap<>(org.hrmlab.engine.model.HrmInitializer.init(small, 11));
        // an untrained head scaled up, its rows for the two tokens no label uses zeroed: answers among the labels'
        // tokens that differ from row to row and from segment to segment
        float[] head = w.get("lm_head.weight").data().clone();
        for (int i = 0; i < head.length; i++) {
            head[i] = i < 2 * 16 ? 0f : head[i] * 20f;
        }
        w.put("lm_head.weight", new HostTensor(new long[] {4, 16}, head));
        HrmModel model = HrmModel.onCpu(small, w);
        Evaluator.Result four = new Evaluator(model, 8).evaluate(test, 0, 4, false);
        assertEquals(4, four.exactBySegment().size());
        assertEquals(four.exactAccuracy(), four.exactBySegment().get(3));
        for (int s = 1; s <= 3; s++) {
            assertEquals(new Evaluator(model, 8).evaluate(test, 0, s, false).exactAccuracy(),
                    four.exactBySegment().get(s - 1), "after segment " + s);
        }
        assertNotEquals(four.exactBySegment().get(0), four.exactBySegment().get(3),
                "this model's answers change between segments, so the curve is not its last entry repeated");
    }

    @Test
    void haltingOnQStopsAtTheFirstSegmentWhenHaltWins(@TempDir Path tmp) throws Exception {
        PuzzleDataset test = PuzzleDataset.open(TinyDatasets.reverse(tmp, 5, 7, 2, 1, 3, 4), "test");
        Map<String, HostTensor> w = new HashMap<>(org.hrmlab.engine.model.HrmInitializer.init(CONFIG, 3));
        w.put("q_head.bias", new HostTensor(new long[] {2}, new float[] {5f, -5f}));
        Evaluator.Result r = new Evaluator(HrmModel.onCpu(CONFIG, w), 2).evaluate(test, 0, 3, true);
        assertEquals(1.0, r.meanSegments());
        assertEquals(java.util.Collections.nCopies(3, r.exactAccuracy()), r.exactBySegment());
    }

    @Test
    void trmHaltsOnAPositiveHaltLogitAlone(@TempDir Path tmp) throws Exception {
        PuzzleDataset test = PuzzleDataset.open(TinyDatasets.reverse(tmp, 5, 7, 2, 1, 3, 4), "test");
        Map<String, HostTensor> w = new HashMap<>(org.hrmlab.engine.model.HrmInitializer.init(TRM, 3));
        // Q weights are zero: q = (1, 5) everywhere, so q_halt > 0 but q_halt < q_continue
        w.put("q_head.bias", new HostTensor(new long[] {2}, new float[] {1f, 5f}));
        Evaluator.Result halting = new Evaluator(HrmModel.onCpu(TRM, w), 2).evaluate(test, 0, 3, true);
        assertEquals(1.0, halting.meanSegments());
        HrmConfig withContinue = TRM.toBuilder().noActContinue(false).build();
        Evaluator.Result all = new Evaluator(HrmModel.onCpu(withContinue, w), 2).evaluate(test, 0, 3, true);
        assertEquals(3.0, all.meanSegments());
    }
}
