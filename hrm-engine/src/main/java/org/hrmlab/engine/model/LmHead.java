package org.hrmlab.engine.model;

import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.cpu.Gemm;
import org.hrmlab.engine.cpu.NativeArray;
import org.hrmlab.engine.cpu.Workers;

/**
 * The output head on the CPU, {@code logits = lm_head(z)} on the grid positions only (the puzzle prefix is dropped),
 * and its backward, as GEMMs on native memory. The weight is {@code [V, D]} as the reference stores it.
 */
final class LmHead {
    private final HrmConfig config;
    private final NativeArray weight;

    LmHead(HrmConfig config, Map<String, float[]> params) {
        this.config = config;
        weight = new NativeArray((long) config.vocabSize() * config.hiddenSize());
        refresh(params);
    }

    /** Overwrites the weight with new values. */
    void refresh(Map<String, float[]> params) {
        weight.put(Weights.array(params, "lm_head.weight"));
    }

    /**
     * @param z      {@code [B·S, D]} (not modified)
     * @param logits {@code [B·seqLen, V]} (overwritten)
     */
    void forward(Workers workers, int batch, NativeArray z, NativeArray logits) {
        int s = config.totalSeqLen();
        int p = config.puzzleEmbLen();
        int seq = config.seqLen();
        int d = config.hiddenSize();
        int v = config.vocabSize();
        if (p == 0) {
            Gemm.parallel(workers, false, true, batch * seq, v, d, 1f, z.matrix(d), weight.matrix(d), 0f,
                    logits.matrix(v));
            return;
        }
        for (int b = 0; b < batch; b++) {
            Gemm.parallel(workers, false, true, seq, v, d, 1f, z.at(((long) b * s + p) * d, d), weight.matrix(d), 0f,
                    logits.at((long) b * seq * v, v));
        }
    }

    /**
     * @param z          {@code [B·S, D]} the state {@link #forward} saw (not modified)
     * @param gLogits    {@code [B·seqLen, V]} d loss / d logits (not modified)
     * @param dz         {@code [B·S, D]} d loss / d z: the head's part is added on the grid rows
     * @param weightGrad {@code [V, D]} receives d loss / d lm_head.weight (overwritten)
     */
    void backward(Workers workers, int batch, NativeArray z, NativeArray gLogits, NativeArray dz,
                  NativeArray weightGrad) {
        int s = config.totalSeqLen();
        int p = config.puzzleEmbLen();
        int seq = config.seqLen();
        int d = config.hiddenSize();
        int v = config.vocabSize();
        for (int b = 0; b < batch; b++) {
            long rows = (long) b * s + p;
            Gemm.parallel(workers, true, false, v, d, seq, 1f, gLogits.at((long) b * seq * v, v), z.at(rows * d, d),
                    b == 0 ? 0f : 1f, weightGrad.matrix(d));
            Gemm.parallel(workers, false, false, seq, d, v, 1f, gLogits.at((long) b * seq * v, v), weight.matrix(d),
                    1f, dz.at(rows * d, d));
        }
    }
}
