package org.hrmlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.junit.jupiter.api.Test;

/** {@link HrmModel#refreshWeights} leaves a model that computes exactly what a model built from the new weights does. */
class HrmModelRefreshTest {
    private static final HrmConfig CONFIG = HrmConfig.builder().seqLen(6).vocabSize(9).numPuzzleIdentifiers(5)
            .puzzleEmbNdim(40).hiddenSize(32).numHeads(2).hLayers(2).lLayers(2).haltMaxSteps(4).posEncodings("learned")
            .build();
    private static final int BATCH = 2;

    @Test
    void refreshedModelMatchesAFreshlyBuiltOne() {
        Map<String, HostTensor> before = ParityWeights.perturbed(HrmInitializer.init(CONFIG, 1), 11);
        Map<String, HostTensor> after = ParityWeights.perturbed(HrmInitializer.init(CONFIG, 2), 12);
        HrmModel refreshed = HrmModel.onCpu(CONFIG, before);
        HrmState st = refreshed.newState(BATCH);
        Map<String, float[]> flat = new LinkedHashMap<>();
        after.forEach((k, v) -> flat.put(k, v.data()));
        refreshed.refreshWeights(flat);
        HrmModel fresh = HrmModel.onCpu(CONFIG, after);

        float[][] a = run(refreshed, st);
        float[][] b = run(fresh, fresh.newState(BATCH));
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(b[i], a[i], "output " + i);
        }
        float[][] old = run(HrmModel.onCpu(CONFIG, before), HrmModel.onCpu(CONFIG, before).newState(BATCH));
        assertFalse(Arrays.equals(old[2], a[2]), "the refresh changed the computation");
    }

    @Test
    void refusesWeightsOfTheWrongShape() {
        HrmModel model = HrmModel.onCpu(CONFIG, HrmInitializer.init(CONFIG, 1));
        Map<String, float[]> flat = new LinkedHashMap<>();
        HrmInitializer.init(CONFIG, 1).forEach((k, v) -> flat.put(k, v.data()));
        flat.put("L_level.layers.0.mlp.down_proj.weight", new float[3]);
        assertThrows(IllegalArgumentException.class, () -> model.refreshWeights(flat));
    }

    /** Embedding, carry reset, an L- and an H-update, logits and Q; every tensor of the model takes part. */
    private static float[][] run(HrmModel m, HrmState st) {
        int[] tokens = new int[BATCH * CONFIG.seqLen()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = i % CONFIG.vocabSize();
        }
        m.embed(st, tokens, new int[] {1, 4});
        for (int r = 0; r < BATCH; r++) {
            m.resetCarry(st, r);
        }
        int n = BATCH * CONFIG.totalSeqLen() * CONFIG.hiddenSize();
        float[] x = new float[n];
        st.copyEmbedding(x);
        float[] init = new float[n];
        st.copyZH(init);
        m.lUpdate(st);
        m.hUpdate(st);
        float[] zL = new float[n];
        float[] zH = new float[n];
        st.copyZL(zL);
        st.copyZH(zH);
        float[] logits = new float[BATCH * CONFIG.seqLen() * CONFIG.vocabSize()];
        m.logits(st, logits);
        float[] q = new float[BATCH * 2];
        m.qLogits(st, q);
        return new float[][] {x, init, zL, zH, logits, q};
    }
}
