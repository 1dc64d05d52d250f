package org.hrmlab.app.engine.fake;

import java.util.Random;

import org.hrmlab.viz.grid.HeatmapData;

/**
 * Synthetic hidden states {@code [positions, hidden]}: each module's state rotates between two fixed random patterns,
 * so the relative change of one update is exactly {@code 2 |sin(dTheta / 2)|}.
 */
final class FakeStates {
    private final int positions;
    private final int hidden;
    private final float[] a;
    private final float[] b;
    private final float[] c;
    private final float[] d;

    FakeStates(int positions, int hidden, int[] tokens, long seed) {
        this.positions = positions;
        this.hidden = hidden;
        var random = new Random(seed);
        float[] columnScale = new float[hidden];
        for (int h = 0; h < hidden; h++) {
            columnScale[h] = h % 61 == 7 ? 4f : 0.6f + 0.8f * random.nextFloat();
        }
        a = pattern(random, columnScale, tokens);
        b = pattern(random, columnScale, tokens);
        c = pattern(random, columnScale, tokens);
        d = pattern(random, columnScale, tokens);
    }

    private float[] pattern(Random random, float[] columnScale, int[] tokens) {
        float[] out = new float[positions * hidden];
        for (int p = 0; p < positions; p++) {
            int token = p == 0 ? 0 : tokens[(p - 1) % tokens.length];
            float rowScale = p == 0 ? 2.5f : 0.7f + 0.1f * token;
            for (int h = 0; h < hidden; h++) {
                out[p * hidden + h] = (float) random.nextGaussian() * columnScale[h] * rowScale;
            }
        }
        return out;
    }

    HeatmapData zH(double theta) {
        return mix(a, d, theta);
    }

    HeatmapData zL(double theta) {
        return mix(b, c, theta);
    }

    private HeatmapData mix(float[] x, float[] y, double theta) {
        float cos = (float) Math.cos(theta);
        float sin = (float) Math.sin(theta);
        float[] out = new float[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = cos * x[i] + sin * y[i];
        }
        return new HeatmapData(positions, hidden, out);
    }

    /** Relative change of a state rotated by {@code dTheta} (both patterns have about the same norm). */
    static double residual(double dTheta) {
        return 2 * Math.abs(Math.sin(dTheta / 2));
    }
}
