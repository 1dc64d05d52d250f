package org.hrmlab.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class PcaFitTest {
    @Test
    void recoversTheAxesAndVariancesOfAKnownCovariance() {
        int d = 12;
        double[] sd = new double[d];
        sd[0] = 4;
        sd[1] = 2;
        sd[2] = 1;
        for (int i = 3; i < d; i++) {
            sd[i] = 0.1;
        }
        RealMatrix rot = SyntheticData.rotation(d, 11);
        int n = 40_000;
        float[] x = SyntheticData.samples(n, sd, rot, 3.0, 12);
        try (CovarianceAccumulator stats = new CovarianceAccumulator(d)) {
            stats.add(x, 0, n);
            PcaFit fit = stats.fitPca(3, "pooled");
            assertEquals(16, fit.explainedVariance()[0], 16 * 0.03);
            assertEquals(4, fit.explainedVariance()[1], 4 * 0.03);
            assertEquals(1, fit.explainedVariance()[2], 1 * 0.03);
            for (int c = 0; c < 3; c++) {
                double[] truth = rot.getColumn(c);
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += truth[i] * fit.components()[c][i];
                }
                assertEquals(1.0, Math.abs(dot), 0.01, "component " + c);
            }
            for (double m : fit.mean()) {
                assertEquals(3.0, m, 0.05);
            }
        }
    }

    @Test
    void signsAreFixedSoTheLargestLoadingIsPositive() {
        int d = 8;
        double[] sd = {3, 2, 1, 0.5, 0.4, 0.3, 0.2, 0.1};
        float[] x = SyntheticData.samples(5000, sd, SyntheticData.rotation(d, 13), 0, 14);
        float[] negated = x.clone();
        for (int i = 0; i < negated.length; i++) {
            negated[i] = -negated[i];
        }
        try (CovarianceAccumulator a = new CovarianceAccumulator(d); CovarianceAccumulator b = new CovarianceAccumulator(d)) {
            a.add(x, 0, 5000);
            b.add(negated, 0, 5000);
            PcaFit fa = a.fitPca(2, "a");
            PcaFit fb = b.fitPca(2, "b");
            for (int c = 0; c < 2; c++) {
                double[] axis = fa.components()[c];
                int best = 0;
                for (int i = 1; i < d; i++) {
                    if (Math.abs(axis[i]) > Math.abs(axis[best])) {
                        best = i;
                    }
                }
                assertTrue(axis[best] > 0);
                assertArrayEquals(fa.components()[c], fb.components()[c], 1e-9, "same axes for mirrored data");
            }
        }
    }

    @Test
    void gramRouteMatchesCovarianceRoute() {
        int d = 300;
        int n = 80;
        double[] sd = new double[d];
        for (int i = 0; i < d; i++) {
            sd[i] = 1.0 / Math.sqrt(1 + i);
        }
        float[] x = SyntheticData.samples(n, sd, null, 1.0, 15);
        try (CovarianceAccumulator cov = new CovarianceAccumulator(d); GramAccumulator gram = new GramAccumulator(d)) {
            cov.add(x, 0, n);
            gram.add(x, 0, n);
            assertEquals(cov.participationRatio().naive(), gram.participationRatio().naive(), 1e-8);
            double[] ec = cov.eigenvalues();
            double[] eg = gram.eigenvalues();
            assertEquals(n - 1, eg.length);
            for (int i = 0; i < 10; i++) {
                assertEquals(ec[i], eg[i], 1e-9 * ec[0]);
            }
            PcaFit fc = cov.fitPca(3, "cov");
            PcaFit fg = gram.fitPca(3, "gram");
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(fc.components()[c], fg.components()[c], 1e-7);
                assertEquals(fc.explainedVariance()[c], fg.explainedVariance()[c], 1e-9 * ec[0]);
            }
            assertEquals(fc.totalVariance(), fg.totalVariance(), 1e-9 * fc.totalVariance());
        }
    }

    @Test
    void mirroredCoordinatesGetTheSameSignOnBothRoutes() {
        // x1 = −x0 exactly: the leading axis loads x0 and x1 with equal magnitude, and rounding would pick either
        int d = 40;
        int n = 60;
        for (long seed = 0; seed < 20; seed++) {
            Random rng = new Random(seed);
            float[] x = new float[n * d];
            for (int r = 0; r < n; r++) {
                float t = (float) (3 * rng.nextGaussian());
                x[r * d] = t;
                x[r * d + 1] = -t;
                for (int i = 2; i < d; i++) {
                    x[r * d + i] = (float) (0.3 * rng.nextGaussian());
                }
            }
            try (CovarianceAccumulator cov = new CovarianceAccumulator(d); GramAccumulator gram = new GramAccumulator(d)) {
                cov.add(x, 0, n);
                gram.add(x, 0, n);
                double[] fc = cov.fitPca(1, "cov").components()[0];
                double[] fg = gram.fitPca(1, "gram").components()[0];
                assertTrue(fc[0] > 0.7, "seed " + seed + ": the first of the tied loadings is positive, was " + fc[0]);
                assertArrayEquals(fc, fg, 1e-9, "seed " + seed);
            }
        }
    }

    @Test
    void mixedPrecisionBlocksAgreeWithFloat64() {
        int d = 64;
        double[] sd = new double[d];
        for (int i = 0; i < d; i++) {
            sd[i] = 1.0 / (1 + i);
        }
        int n = 10_000;
        float[] x = SyntheticData.samples(n, sd, SyntheticData.rotation(d, 17), 5.0, 18);
        try (CovarianceAccumulator exact = new CovarianceAccumulator(d, Precision.FLOAT64);
                CovarianceAccumulator mixed = new CovarianceAccumulator(d, Precision.MIXED)) {
            exact.add(x, 0, n);
            mixed.add(x, 0, n);
            double pr = exact.participationRatio().naive();
            assertEquals(pr, mixed.participationRatio().naive(), 1e-5 * pr);
            assertArrayEquals(exact.fitPca(2, "a").components()[0], mixed.fitPca(2, "b").components()[0], 1e-4);
        }
    }

    @Test
    void projectionOfTheMeanIsTheOrigin() {
        int d = 6;
        float[] x = SyntheticData.samples(1000, new double[] {3, 2, 1, 1, 1, 1}, null, 2.0, 16);
        try (CovarianceAccumulator stats = new CovarianceAccumulator(d)) {
            stats.add(x, 0, 1000);
            PcaFit fit = stats.fitPca(2, "pooled");
            assertArrayEquals(new double[] {0, 0}, fit.project(fit.mean()), 1e-12);
        }
    }
}
