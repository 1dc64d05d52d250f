package org.hrmlab.engine.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reference's sparse puzzle-embedding optimiser ({@code CastedSparseEmbeddingSignSGD_Distributed}): gradients of
 * repeated ids are summed, then every touched row gets {@code p ← p·(1 − lr·wd) − lr·sign(g)}. Untouched rows are
 * neither moved nor decayed.
 */
public final class SignSgd {
    private final double weightDecay;

    /** @param weightDecay decoupled weight decay of touched rows */
    public SignSgd(double weightDecay) {
        this.weightDecay = weightDecay;
    }

    /**
     * @param table   {@code [numIds, width]} the embedding table (modified)
     * @param width   row width
     * @param ids     {@code [B]} the row id of each batch row (not modified)
     * @param rowGrad {@code [B, width]} gradient per batch row (not modified)
     * @param lr      this step's learning rate
     */
    public void update(float[] table, int width, int[] ids, float[] rowGrad, double lr) {
        Map<Integer, float[]> summed = new LinkedHashMap<>();
        for (int b = 0; b < ids.length; b++) {
            float[] acc = summed.computeIfAbsent(ids[b], k -> new float[width]);
            for (int i = 0; i < width; i++) {
                acc[i] += rowGrad[b * width + i];
            }
        }
        float decay = (float) (1 - lr * weightDecay);
        float step = (float) lr;
        for (var e : summed.entrySet()) {
            int off = e.getKey() * width;
            float[] g = e.getValue();
            for (int i = 0; i < width; i++) {
                table[off + i] = table[off + i] * decay - step * Math.signum(g[i]);
            }
        }
    }
}
