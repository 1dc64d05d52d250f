package org.hrmlab.engine.model;

import java.util.Arrays;
import java.util.Map;
import org.hrmlab.engine.HostTensor;

/**
 * The halting Q head, {@code Q = q_head(zH[position 0])} (hrm-reference.md §1.7), and its backward, computed on the
 * host for every backend from the first position of each row, in one fixed order of summation.
 */
public final class QHead {
    private final float[] weight;
    private final float[] bias;
    private final int hidden;

    /** @param weights tensors under the reference key names ({@code q_head.weight} {@code [2, D]}, bias {@code [2]}) */
    public QHead(Map<String, HostTensor> weights, int hidden) {
        this(Weights.tensor(weights, "q_head.weight").data().clone(),
                Weights.tensor(weights, "q_head.bias").data().clone(), hidden);
    }

    private QHead(float[] weight, float[] bias, int hidden) {
        this.weight = weight;
        this.bias = bias;
        this.hidden = hidden;
    }

    /** @param params flat tensors under the reference key names (copied) */
    public static QHead of(Map<String, float[]> params, int hidden) {
        return new QHead(Weights.array(params, "q_head.weight").clone(), Weights.array(params, "q_head.bias").clone(),
                hidden);
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

    /**
     * The head's backward.
     *
     * @param firstRows  {@code [B·D]}: the rows {@link #apply} saw (not modified)
     * @param gQ         {@code [B·2]}: d loss / d Q (not modified)
     * @param dFirstRows {@code [B·D]}: receives d loss / d firstRows (overwritten)
     * @param grads      receives {@code q_head.weight [2, D]} and {@code q_head.bias [2]} (overwritten; arrays made
     *                   on first use and reused)
     */
    public void backward(float[] firstRows, float[] gQ, float[] dFirstRows, Map<String, float[]> grads) {
        int d = hidden;
        int batch = firstRows.length / d;
        float[] gw = grads.computeIfAbsent("q_head.weight", k -> new float[2 * d]);
        float[] gb = grads.computeIfAbsent("q_head.bias", k -> new float[2]);
        Arrays.fill(gw, 0f);
        Arrays.fill(gb, 0f);
        Arrays.fill(dFirstRows, 0f);
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < 2; j++) {
                float g = gQ[b * 2 + j];
                gb[j] += g;
                for (int i = 0; i < d; i++) {
                    gw[j * d + i] += g * firstRows[b * d + i];
                    dFirstRows[b * d + i] += g * weight[j * d + i];
                }
            }
        }
    }
}
