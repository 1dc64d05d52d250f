package org.hrmlab.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class ParticipationRatioTest {
    private static final double TOL = 1e-9;

    @Test
    void equalVariancesOnKAxesGiveExactlyK() {
        assertEquals(7.0, ParticipationRatio.naive(new double[] {2, 2, 2, 2, 2, 2, 2, 0, 0, 0}), TOL);
        assertEquals(1.0, ParticipationRatio.naive(new double[] {5, 0, 0}), TOL);
    }

    @Test
    void isotropicDataHasPrNearItsDimension() {
        int d = 32;
        int n = 20_000;
        try (SampleStatistics stats = new CovarianceAccumulator(d)) {
            float[] x = SyntheticData.samples(n, SyntheticData.constant(d, 1.0), null, 0, 1);
            stats.add(x, 0, n);
            double pr = stats.participationRatio().naive();
            // E[1/PR] = 1/D + 1/N for isotropic Gaussian data
            assertEquals(1.0 / (1.0 / d + 1.0 / n), pr, 0.3);
        }
    }

    @Test
    void rankKDataWithEqualVariancesGivesK() {
        int d = 40;
        double[] sd = new double[d];
        for (int i = 0; i < 5; i++) {
            sd[i] = 3.0;
        }
        float[] x = SyntheticData.samples(50_000, sd, SyntheticData.rotation(d, 2), 0, 3);
        try (SampleStatistics stats = new CovarianceAccumulator(d)) {
            stats.add(x, 0, 50_000);
            assertEquals(5.0, stats.participationRatio().naive(), 0.01);
        }
    }

    @Test
    void prIsInvariantToRotations() {
        int d = 24;
        double[] sd = new double[d];
        for (int i = 0; i < d; i++) {
            sd[i] = 1.0 / (1 + i);
        }
        float[] plain = SyntheticData.samples(3000, sd, null, 0, 4);
        float[] rotated = SyntheticData.samples(3000, sd, SyntheticData.rotation(d, 5), 0, 4);
        try (SampleStatistics a = new CovarianceAccumulator(d); SampleStatistics b = new CovarianceAccumulator(d)) {
            a.add(plain, 0, 3000);
            b.add(rotated, 0, 3000);
            assertEquals(a.participationRatio().naive(), b.participationRatio().naive(), 1e-4);
        }
    }

    @Test
    void samplesAreMeanCentred() {
        int d = 16;
        double[] sd = new double[d];
        for (int i = 0; i < d; i++) {
            sd[i] = 1.0;
        }
        float[] centred = SyntheticData.samples(4000, sd, null, 0, 6);
        float[] shifted = SyntheticData.samples(4000, sd, null, 50.0, 6);
        try (SampleStatistics a = new CovarianceAccumulator(d); SampleStatistics b = new CovarianceAccumulator(d)) {
            a.add(centred, 0, 4000);
            b.add(shifted, 0, 4000);
            double prCentred = a.participationRatio().naive();
            assertEquals(prCentred, b.participationRatio().naive(), 1e-3, "a constant offset must not change the PR");
            double prUncentred = ParticipationRatio.naive(secondMomentEigenvalues(shifted, 4000, d));
            assertTrue(prUncentred < 1.5, "without centring the offset dominates: PR " + prUncentred);
            assertTrue(prCentred > 14, "centred PR " + prCentred);
        }
    }

    @Test
    void biasCorrectionMovesASmallSampleEstimateTowardTheTruth() {
        int d = 200;
        double[] sd = new double[d];
        for (int i = 0; i < 10; i++) {
            sd[i] = 1.0;
        }
        for (int i = 10; i < d; i++) {
            sd[i] = 0.05;
        }
        double truth = ParticipationRatio.naive(squares(sd));
        int n = 60;
        float[] x = SyntheticData.samples(n, sd, SyntheticData.rotation(d, 7), 0, 8);
        try (SampleStatistics stats = SampleStatistics.create(d, n)) {
            stats.add(x, 0, n);
            ParticipationRatio pr = stats.participationRatio();
            assertTrue(pr.naive() < truth, "naive " + pr.naive() + " truth " + truth);
            assertTrue(Math.abs(pr.corrected() - truth) < Math.abs(pr.naive() - truth),
                    "corrected " + pr.corrected() + " naive " + pr.naive() + " truth " + truth);
        }
    }

    @Test
    void correctionInvertsTheContractFormula() {
        double truth = 30;
        long n = 500;
        int d = 512;
        double naive = 1.0 / (1.0 / truth + 1.0 / n + 1.0 / d);
        assertEquals(truth, ParticipationRatio.biasCorrected(naive, n, d), 1e-9);
        assertEquals(d, ParticipationRatio.biasCorrected(d, n, d), 0.0, "clamped at D");
    }

    private static double[] squares(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * v[i];
        }
        return out;
    }

    private static double[] secondMomentEigenvalues(float[] x, int n, int d) {
        double[][] m = new double[d][d];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    m[i][j] += (double) x[r * d + i] * x[r * d + j] / n;
                }
            }
        }
        RealMatrix mm = new Array2DRowRealMatrix(m, false);
        return new EigenDecomposition(mm).getRealEigenvalues();
    }
}
