package org.hrmlab.engine.model;

/**
 * Rotary position tables, computed in float32 as the reference does: {@code inv_freq_k = 1 / theta^(2k/d)},
 * {@code freqs = t * inv_freq} for positions {@code t = 0 .. S_total-1}, and the table {@code [freqs, freqs]}.
 */
final class RotaryTable {
    final float[] cos;
    final float[] sin;
    final int positions;
    final int headDim;

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
}
