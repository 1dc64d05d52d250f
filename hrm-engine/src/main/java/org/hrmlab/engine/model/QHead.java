package org.hrmlab.engine.model;

import java.util.Map;
import org.hrmlab.engine.HostTensor;

/**
 * The halting Q head, {@code Q = q_head(zH[position 0])} (hrm-reference.md §1.7), computed on the host for every
 * backend from the first position of each row, in one fixed order of summation.
 */
public final class QHead {
    private final float[] weight;
    private final float[] bias;
    private final int hidden;

    /** @param weights tensors under the reference key names ({@code q_head.weight} {@code [2, D]}, bias {@code [2]}) */
    public QHead(Map<String, HostTensor> weights, int hidden) {
        this.weight = Weights.tensor(weights, "q_head.weight").data().clone();
        this.bias = Weights.tensor(weights, "q_head.bias").data().clone();
        this.hidden = hidden;
    }

    /** Overwrites the head with new values. */
    public void refresh(Map<String, float[]> params) {
        Weights.copyInto(weight, params, "q_head.weight");
        Weights.copyInto(bias, params, "q_head.bias");
    }

    /**
     * @param firstRows {@code [B·D]}: zH at position 0 of each row
     * @param out       {@code [B·2]}: halt, continue logits (modified)
     */
    public void apply(float[] firstRows, float[] out) {
        int batch = firstRows.length / hidden;
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < 2; j++) {
                float acc = 0;
                for (int i = 0; i < hidden; i++) {
                    acc += firstRows[b * hidden + i] * weight[j * hidden + i];
                }
                out[b * 2 + j] = acc + bias[j];
            }
        }
    }
}
