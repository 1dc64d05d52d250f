package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    static final HrmConfig CONFIG = new HrmConfig(5, 7, 2, 16, 16, 2, 2, 1, 1, 2, 1, 3, 0, "rope", 1e-5, 1e4);

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
    void haltingOnQStopsAtTheFirstSegmentWhenHaltWins(@TempDir Path tmp) throws Exception {
        PuzzleDataset test = PuzzleDataset.open(TinyDatasets.reverse(tmp, 5, 7, 2, 1, 3, 4), "test");
        Map<String, HostTensor> w = new HashMap<>(org.hrmlab.engine.model.HrmInitializer.init(CONFIG, 3));
        w.put("q_head.bias", new HostTensor(new long[] {2}, new float[] {5f, -5f}));
        Evaluator.Result r = new Evaluator(HrmModel.onCpu(CONFIG, w), 2).evaluate(test, 0, 3, true);
        assertEquals(1.0, r.meanSegments());
    }

    @Test
    void trmHaltsOnAPositiveHaltLogitAlone(@TempDir Path tmp) throws Exception {
        PuzzleDataset test = PuzzleDataset.open(TinyDatasets.reverse(tmp, 5, 7, 2, 1, 3, 4), "test");
        HrmConfig trm = HrmConfig.trm(5, 7, 2, 16, 16, 2, 2, 1, 2, 1, 3, 0, "rope", 1e-5, 1e4, 4, false, true);
        Map<String, HostTensor> w = new HashMap<>(org.hrmlab.engine.model.HrmInitializer.init(trm, 3));
        // Q weights are zero: q = (1, 5) everywhere, so q_halt > 0 but q_halt < q_continue
        w.put("q_head.bias", new HostTensor(new long[] {2}, new float[] {1f, 5f}));
        Evaluator.Result halting = new Evaluator(HrmModel.onCpu(trm, w), 2).evaluate(test, 0, 3, true);
        assertEquals(1.0, halting.meanSegments());
        HrmConfig withContinue = new HrmConfig(5, 7, 2, 16, 16, 2, 2, 0, 1, 2, 1, 3, 0, "rope", 1e-5, 1e4,
                ModelFamily.TRM, 4, false, false);
        Evaluator.Result all = new Evaluator(HrmModel.onCpu(withContinue, w), 2).evaluate(test, 0, 3, true);
        assertEquals(3.0, all.meanSegments());
    }
}
