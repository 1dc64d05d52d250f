package org.hrmlab.engine.model;

import java.util.Arrays;
import org.hrmlab.engine.HrmConfig;

/**
 * Rotary position tables, computed in float32 as the reference does: {@code inv_freq_k = 1 / theta^(2k/d)},
 * {@code freqs = t * inv_freq} for positions {@code t = 0 .. S_total-1}, and the table {@code [freqs, freqs]}; or,
 * for models without RoPE, the identity table (cos 1, sin 0), which leaves queries and keys exactly as they are.
 */
public final class RotaryTable {
    final float[] cos;
    final float[] sin;
    final int positions;
    final int headDim;

    /** @return the rotary table the config asks for, or the identity when its positions are learned only */
    public static RotaryTable of(HrmConfig config) {
        RotaryTable t = new RotaryTable(config.totalSeqLen(), config.headDim(), config.ropeTheta());
        if (!config.rotaryPositions()) {
            Arrays.fill(t.cos, 1f);
            Arrays.fill(t.sin, 0f);
        }
        return t;
    }

    RotaryTable(int positions, int headDim, double theta) {
        this.positions = positions;
        this.headDim = headDim;
        int half = headDim / 2;
        float[] invFreq = new float[half];
        for (int k = 0; k < half; k++) {
            float exponent = (float) (2 * k) / (float) headDim;
            invFreq[k] = 1f / (float) Math.pow((float) theta, exponent);
        }
        cos = new float[positions * headDim];
        sin = new float[positions * headDim];
        for (int t = 0; t < positions; t++) {
            for (int k = 0; k < half; k++) {
                float f = (float) t * invFreq[k];
                float c = (float) Math.cos(f);
                float s = (float) Math.sin(f);
                cos[t * headDim + k] = c;
                cos[t * headDim + k + half] = c;
                sin[t * headDim + k] = s;
                sin[t * headDim + k + half] = s;
            }
        }
    }

    /** @return a copy of the cosine table {@code [S, headDim]} */
    public float[] cosines() {
        return cos.clone();
    }

    /** @return a copy of the sine table {@code [S, headDim]} */
    public float[] sines() {
        return sin.clone();
    }
}
