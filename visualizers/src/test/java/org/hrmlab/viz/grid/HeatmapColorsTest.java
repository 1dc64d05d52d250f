package org.hrmlab.viz.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeatmapColorsTest {

    private static int red(int argb) {
        return argb >> 16 & 0xff;
    }

    private static int blue(int argb) {
        return argb & 0xff;
    }

    @Test
    void zeroIsNearWhiteAndSignsGoToOppositeEnds() {
        int zero = HeatmapColors.argb(0f, 1f);
        assertTrue(red(zero) > 240 && blue(zero) > 240);
        int pos = HeatmapColors.argb(1f, 1f);
        int neg = HeatmapColors.argb(-1f, 1f);
        assertTrue(red(pos) > blue(pos));
        assertTrue(blue(neg) > red(neg));
        assertEquals(pos, HeatmapColors.argb(50f, 1f));
        assertEquals(0xff808080, HeatmapColors.argb(Float.NaN, 1f));
    }

    @Test
    void bulkConversionMatchesSingleValues() {
        float[] v = {-2f, -0.3f, 0f, 0.7f, 3f, Float.NaN};
        int[] out = new int[v.length];
        HeatmapColors.toArgb(v, 2f, out);
        for (int i = 0; i < v.length; i++) {
            assertEquals(HeatmapColors.argb(v[i], 2f), out[i], "value " + v[i]);
        }
    }

    @Test
    void robustScaleIgnoresAFewHugeOutliers() {
        float[] v = new float[10_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 2 == 0 ? 1 : -1) * (i % 100) / 100f;
        }
        v[17] = 1000f;
        v[4243] = -800f;
        float s = HeatmapColors.robustScale(v);
        assertTrue(s > 0.9f && s < 1.01f, "scale " + s);
        assertEquals(1f, HeatmapColors.robustScale(new float[4]));
        assertNotEquals(0f, HeatmapColors.robustScale(new float[] {0, 0, 5}));
    }
}
