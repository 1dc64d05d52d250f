package org.hrmlab.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.model.HrmState;
import org.hrmlab.engine.model.ParityWeights;
import org.junit.jupiter.api.Test;

/**
 * The faster precisions of the products reach cuBLAS and stay close: two segments of a model on the emulated GPU in
 * float32, TF32 and bf16 against the CPU engine. float32 matches within 1e-4; TF32 and bf16 differ (their inputs lose
 * mantissa bits) but keep the decoded answer. The deviation on a real GPU is measured by the device check.
 */
class ProductPrecisionTest {
    private static final HrmConfig CONFIG = HrmConfig.builder().seqLen(16).vocabSize(6).hiddenSize(64).numHeads(2)
            .expansion(4).hLayers(2).lLayers(2).hCycles(2).lCycles(2).haltMaxSteps(2).posEncodings("rope").build();

    @Test
    void float32MatchesTheCpuAndTheFasterPrecisionsStayClose() {
        Map<String, HostTensor> w = ParityWeights.random(CONFIG, 17);
        float[] cpu = logits(HrmModel.onCpu(CONFIG, w));
        double f32 = worst(cpu, logits(open("float32", w)));
        double tf32 = worst(cpu, logits(open("tf32", w)));
        double bf16 = worst(cpu, logits(open("bf16", w)));
        System.out.printf("emulated products, max |logit difference| from the CPU: float32 %.2e, tf32 %.2e, bf16 %.2e%n",
                f32, tf32, bf16);
        assertTrue(f32 < 1e-4, "float32 " + f32);
        assertTrue(tf32 > f32 && tf32 < 5e-2, "tf32 " + tf32);
        assertTrue(bf16 > tf32 && bf16 < 2e-1, "bf16 " + bf16);
        assertEquals(1.0, agreement(cpu, logits(open("bf16", w))), 0.05, "bf16 keeps the decoded answer");
    }

    private static HrmModel open(String precision, Map<String, HostTensor> w) {
        CudaContext ctx = EmulatedCudaBackend.newContext();
        ctx.blas.allowTf32(precision.equals("tf32"));
        ctx.blas.useBf16(precision.equals("bf16"));
        assertEquals(precision, ctx.blas.precision());
        return new CudaDevice(ctx).open(CONFIG, w);
    }

    /** @return the logits {@code [seqLen·V]} after two segments from the initial carry */
    private static float[] logits(HrmModel model) {
        try (model) {
            HrmState st = model.newState(1);
            int[] tokens = new int[CONFIG.seqLen()];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = 1 + i * 7 % (CONFIG.vocabSize() - 1);
            }
            model.embed(st, tokens, new int[1]);
            model.resetCarry(st, 0);
            for (int seg = 0; seg < 2; seg++) {
                for (int h = 0; h < CONFIG.hCycles(); h++) {
                    for (int l = 0; l < CONFIG.lCycles(); l++) {
                        model.lUpdate(st);
                    }
                    model.hUpdate(st);
                }
            }
            float[] out = new float[CONFIG.seqLen() * CONFIG.vocabSize()];
            model.logits(st, out);
            return out;
        }
    }

    private static double worst(float[] a, float[] b) {
        double w = 0;
        for (int i = 0; i < a.length; i++) {
            w = Math.max(w, Math.abs(a[i] - b[i]));
        }
        return w;
    }

    private static double agreement(float[] a, float[] b) {
        int v = CONFIG.vocabSize();
        int same = 0;
        for (int t = 0; t < a.length / v; t++) {
            same += argmax(a, t * v, v) == argmax(b, t * v, v) ? 1 : 0;
        }
        return same / (double) (a.length / v);
    }

    private static int argmax(float[] x, int from, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (x[from + i] > x[from + best]) {
                best = i;
            }
        }
        return best;
    }
}
