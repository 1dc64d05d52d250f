package org.hrmlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.io.WeightLayout;
import org.junit.jupiter.api.Test;

/** TRM on the CPU engine beyond the golden cases: one network for both updates, batches, weight refresh. */
class TrmModelTest {
    private static final HrmConfig ATTENTION = HrmConfig.builder(ModelFamily.TRM).seqLen(7).vocabSize(9)
            .numPuzzleIdentifiers(3).puzzleEmbNdim(24).puzzleEmbLen(4).hiddenSize(16).numHeads(2).hCycles(2)
            .lCycles(2).haltMaxSteps(4).build();
    private static final HrmConfig MLP = ATTENTION.toBuilder().mlpT(true).posEncodings(HrmConfig.NO_POSITIONS)
            .build();

    @Test
    void theAnswerUpdateRunsTheOneNetwork() {
        for (HrmConfig c : new HrmConfig[] {ATTENTION, MLP}) {
            Map<String, HostTensor> w = ParityWeights.perturbed(HrmInitializer.init(c, 5), 6);
            assertTrue(w.keySet().stream().noneMatch(k -> k.startsWith("H_level")), "no H network in " + c);
            HrmModel m = HrmModel.onCpu(c, w);
            HrmState st = m.newState(1);
            int[] tokens = tokens(c, 1, 0);
            m.embed(st, tokens, new int[] {2});
            m.resetCarry(st, 0);
            m.lUpdate(st);
            int n = c.totalSeqLen() * c.hiddenSize();
            float[] zl = new float[n];
            float[] zh = new float[n];
            st.copyZL(zl);
            st.copyZH(zh);
            // an L-update from (zL' = zH, zH' = zL - x) computes net(zH + zL), as the H-update must
            float[] x = new float[n];
            st.copyEmbedding(x);
            float[] shifted = new float[n];
            for (int i = 0; i < n; i++) {
                shifted[i] = zl[i] - x[i];
            }
            HrmState other = m.newState(1);
            other.setEmbedding(x);
            other.setCarry(zh, shifted);
            m.lUpdate(other);
            m.hUpdate(st);
            float[] viaL = new float[n];
            float[] viaH = new float[n];
            other.copyZL(viaL);
            st.copyZH(viaH);
            double max = 0;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, Math.abs(viaL[i] - viaH[i]));
            }
            assertTrue(max < 1e-4, "H-update differs from the L network by " + max);
        }
    }

    @Test
    void batchRowsMatchSingleRows() {
        for (HrmConfig c : new HrmConfig[] {ATTENTION, MLP}) {
            HrmModel m = HrmModel.onCpu(c, ParityWeights.perturbed(HrmInitializer.init(c, 7), 8));
            float[][] both = run(m, c, 2, new int[] {1, 2}, 0);
            int n = c.totalSeqLen() * c.hiddenSize();
            int lg = c.seqLen() * c.vocabSize();
            for (int r = 0; r < 2; r++) {
                float[][] one = run(m, c, 1, new int[] {r + 1}, r);
                assertClose(one[0], Arrays.copyOfRange(both[0], r * n, (r + 1) * n), "zL row " + r);
                assertClose(one[1], Arrays.copyOfRange(both[1], r * n, (r + 1) * n), "zH row " + r);
                assertClose(one[2], Arrays.copyOfRange(both[2], r * lg, (r + 1) * lg), "logits row " + r);
            }
        }
    }

    @Test
    void refreshedModelMatchesAFreshlyBuiltOne() {
        for (HrmConfig c : new HrmConfig[] {ATTENTION, MLP}) {
            Map<String, HostTensor> before = ParityWeights.perturbed(HrmInitializer.init(c, 1), 11);
            Map<String, HostTensor> after = ParityWeights.perturbed(HrmInitializer.init(c, 2), 12);
            assertEquals(WeightLayout.expected(c).keySet(), after.keySet());
            HrmModel refreshed = HrmModel.onCpu(c, before);
            Map<String, float[]> flat = new LinkedHashMap<>();
            after.forEach((k, v) -> flat.put(k, v.data()));
            refreshed.refreshWeights(flat);
            float[][] a = run(refreshed, c, 2, new int[] {0, 2}, 0);
            float[][] b = run(HrmModel.onCpu(c, after), c, 2, new int[] {0, 2}, 0);
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(b[i], a[i], "output " + i + " of " + c);
            }
            float[][] old = run(HrmModel.onCpu(c, before), c, 2, new int[] {0, 2}, 0);
            assertFalse(Arrays.equals(old[1], a[1]), "the refresh changed the computation");
        }
    }

    /** L, L, H, L, H from a reset carry; returns zL, zH, logits and Q. */
    private static float[][] run(HrmModel m, HrmConfig c, int batch, int[] ids, int firstRow) {
        HrmState st = m.newState(batch);
        int[] tokens = new int[batch * c.seqLen()];
        for (int r = 0; r < batch; r++) {
            System.arraycopy(tokens(c, 1, firstRow + r), 0, tokens, r * c.seqLen(), c.seqLen());
        }
        m.embed(st, tokens, ids);
        for (int r = 0; r < batch; r++) {
            m.resetCarry(st, r);
        }
        m.lUpdate(st);
        m.lUpdate(st);
        m.hUpdate(st);
        m.lUpdate(st);
        m.hUpdate(st);
        int n = batch * c.totalSeqLen() * c.hiddenSize();
        float[] zl = new float[n];
        float[] zh = new float[n];
        st.copyZL(zl);
        st.copyZH(zh);
        float[] logits = new float[batch * c.seqLen() * c.vocabSize()];
        m.logits(st, logits);
        float[] q = new float[batch * 2];
        m.qLogits(st, q);
        return new float[][] {zl, zh, logits, q};
    }

    private static int[] tokens(HrmConfig c, int batch, int salt) {
        int[] t = new int[batch * c.seqLen()];
        for (int i = 0; i < t.length; i++) {
            t[i] = (i * 5 + 3 * salt + 1) % c.vocabSize();
        }
        return t;
    }

    private static void assertClose(float[] want, float[] got, String what) {
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-5, what + " [" + i + "]");
        }
    }
}
