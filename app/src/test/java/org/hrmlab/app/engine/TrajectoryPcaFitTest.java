package org.hrmlab.app.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The inspector's PCA on synthetic trajectories whose principal directions are known. */
class TrajectoryPcaFitTest {
    private static final int HIDDEN = 24;

    /** Two orthonormal directions; each has its largest-magnitude loading positive iff {@code positive}. */
    private static double[][] axes(boolean positive) {
        double[] u = new double[HIDDEN];
        double[] v = new double[HIDDEN];
        u[3] = 0.8;
        u[7] = -0.6;
        v[10] = -0.28;
        v[2] = 0.96;
        if (!positive) {
            for (int i = 0; i < HIDDEN; i++) {
                u[i] = -u[i];
                v[i] = -v[i];
            }
        }
        return new double[][] {u, v};
    }

    /** States {@code offset + a_i u + b_i v}, a and b with variances about 16 and 1, a little isotropic noise. */
    private static List<double[]> states(double[][] axes, double[] a, double[] b, double noise, long seed) {
        var random = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            double[] s = new double[HIDDEN];
            for (int d = 0; d < HIDDEN; d++) {
                s[d] = 0.5 + a[i] * axes[0][d] + b[i] * axes[1][d] + noise * random.nextGaussian();
            }
            out.add(s);
        }
        return out;
    }

    private static double[][] coefficients(int n) {
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 4 * Math.sqrt(2) * Math.sin(2 * Math.PI * i / (n - 1.0) + 0.3);
            b[i] = Math.sqrt(2) * Math.cos(6 * Math.PI * i / (n - 1.0));
        }
        return new double[][] {a, b};
    }

    private static PooledTrajectory trajectory(long generation, List<double[]> zL, List<double[]> zH) {
        return new PooledTrajectory(generation, zL, zH, new int[] {6, zL.size() - 1}, 1);
    }

    @Test
    void projectsOnTheKnownDirectionsWithFixedSignsAndTheRightVariance() {
        int n = 61;
        double[][] c = coefficients(n);
        double[][] up = axes(true);
        var states = states(up, c[0], c[1], 0, 1);
        TrajectoryPca pca = TrajectoryPcaFit.fit(trajectory(1, states, states));
        assertTrue(pca.fitted());
        assertEquals(n, pca.updates());
        assertEquals(n - 1, pca.samples(), "the initial state is projected, not fitted");

        double meanA = 0;
        double meanB = 0;
        for (int i = 1; i < n; i++) {
            meanA += c[0][i] / (n - 1);
            meanB += c[1][i] / (n - 1);
        }
        double varA = 0;
        double varB = 0;
        for (int i = 1; i < n; i++) {
            varA += (c[0][i] - meanA) * (c[0][i] - meanA) / (n - 2);
            varB += (c[1][i] - meanB) * (c[1][i] - meanB) / (n - 2);
        }
        var p = pca.zH();
        for (int i = 0; i < n; i++) {
            assertEquals(c[0][i] - meanA, p.pc1()[i], 1e-4, "PC1 of update " + i + " is +a (largest loading +0.8)");
            assertEquals(c[1][i] - meanB, p.pc2()[i], 1e-4, "PC2 of update " + i + " is +b (largest loading +0.96)");
        }
        assertEquals(varA, p.variance()[0], 1e-4 * varA);
        assertEquals(varB, p.variance()[1], 1e-4 * varA);
        assertEquals(varA / (varA + varB), p.ratio()[0], 1e-6);
        assertEquals(varB / (varA + varB), p.ratio()[1], 1e-6);
    }

    @Test
    void mirroredDataGivesTheSameAxesSoTheCoordinatesFlip() {
        int n = 40;
        double[][] c = coefficients(n);
        var plus = states(axes(true), c[0], c[1], 0, 2);
        var minus = states(axes(false), c[0], c[1], 0, 2);
        var a = TrajectoryPcaFit.fit(trajectory(1, plus, plus)).zL();
        var b = TrajectoryPcaFit.fit(trajectory(1, minus, minus)).zL();
        for (int i = 0; i < n; i++) {
            assertEquals(a.pc1()[i], -b.pc1()[i], 1e-4, "update " + i);
            assertEquals(a.pc2()[i], -b.pc2()[i], 1e-4, "update " + i);
        }
    }

    @Test
    void explainedVarianceWithNoiseMatchesABruteForceTotal() {
        int n = 200;
        double[][] c = coefficients(n);
        var noisy = states(axes(true), c[0], c[1], 0.3, 3);
        var p = TrajectoryPcaFit.fit(trajectory(1, noisy, noisy)).zH();
        double total = 0;
        for (int d = 0; d < HIDDEN; d++) {
            double mean = 0;
            for (int i = 1; i < n; i++) {
                mean += noisy.get(i)[d] / (n - 1);
            }
            for (int i = 1; i < n; i++) {
                total += Math.pow(noisy.get(i)[d] - mean, 2) / (n - 2);
            }
        }
        assertEquals(p.variance()[0] / total, p.ratio()[0], 1e-6);
        assertEquals(p.variance()[1] / total, p.ratio()[1], 1e-6);
        assertTrue(p.ratio()[0] > 0.7 && p.ratio()[1] > 0.04, "16 : 1 : 24 * 0.09 noise");
    }

    @Test
    void aStateThatHasNotMovedYetGivesZerosNotNaN() {
        var moving = states(axes(true), coefficients(5)[0], coefficients(5)[1], 0, 4);
        var still = new ArrayList<double[]>();
        for (int i = 0; i < 5; i++) {
            still.add(moving.get(0).clone());
        }
        var lineOnly = states(axes(true), new double[] {0, 1, 2, 3, 4}, new double[5], 0, 5);
        var pca = TrajectoryPcaFit.fit(trajectory(1, lineOnly, still));
        assertArrayEquals(new double[5], pca.zH().pc1(), 0);
        assertArrayEquals(new double[2], pca.zH().ratio(), 0);
        assertEquals(1.0, pca.zL().ratio()[0], 1e-9, "a straight line is all PC1");
        assertEquals(0.0, pca.zL().ratio()[1], 0);
        for (double v : pca.zL().pc2()) {
            assertEquals(0, v, 0);
        }
    }

    @Test
    void tooFewUpdatesAreNotFitted() {
        var three = states(axes(true), new double[] {0, 1, 3}, new double[] {1, 0, 2}, 0, 6);
        var pca = TrajectoryPcaFit.fit(new PooledTrajectory(3, three, three, new int[0], 0));
        assertFalse(pca.fitted());
        assertNull(pca.zH());
        assertEquals(2, pca.samples());
    }

    @Test
    void theServiceRefitsOnlyWhenTheRunGrowsOrChanges() {
        int n = 30;
        double[][] c = coefficients(n);
        var all = states(axes(true), c[0], c[1], 0.05, 7);
        var delivered = new ArrayList<TrajectoryPca>();
        var service = new TrajectoryPcaService(Runnable::run, Runnable::run, delivered::add);
        service.offer(trajectory(1, all.subList(0, 20), all.subList(0, 20)));
        service.offer(trajectory(1, all.subList(0, 20), all.subList(0, 20)));
        assertEquals(1, service.fitCount(), "the same run and update count is not refitted");
        service.offer(trajectory(1, all, all));
        assertEquals(2, service.fitCount(), "the run grew");
        assertEquals(n, delivered.get(1).updates());
        service.offer(trajectory(2, all, all));
        assertEquals(3, service.fitCount(), "a new run with as many updates");
        assertEquals(2, delivered.get(2).generation());
    }

    @Test
    void theServiceDropsAResultOvertakenByANewerRun() {
        var all = states(axes(true), coefficients(12)[0], coefficients(12)[1], 0.05, 8);
        var delivered = new ArrayList<TrajectoryPca>();
        var fxQueue = new ArrayList<Runnable>();
        var service = new TrajectoryPcaService(Runnable::run, fxQueue::add, delivered::add);
        service.offer(trajectory(1, all, all));
        service.offer(trajectory(2, all.subList(0, 8), all.subList(0, 8)));
        fxQueue.forEach(Runnable::run);
        assertEquals(1, delivered.size());
        assertEquals(2, delivered.get(0).generation());
    }
}
