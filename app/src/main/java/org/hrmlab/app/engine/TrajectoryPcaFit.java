package org.hrmlab.app.engine;

import java.util.List;

import org.hrmlab.engine.analysis.PcaFit;
import org.hrmlab.engine.analysis.SampleStatistics;
import org.hrmlab.engine.analysis.SampleUnit;
import org.hrmlab.engine.analysis.UpdateSelection;

/**
 * Fits the inspector's PCA with the analysis module's code ({@link SampleStatistics}, {@link PcaFit}): for each
 * latent, one pooled fit on the mean-pooled states of every L- and H-update of the run (float64, mean-centred,
 * component signs fixed so the largest loading is positive), then every recorded update, the initial state included,
 * projected on the first two components. Pure: the same trajectory always gives the same numbers. Runs off the FX
 * thread (it uses native linear algebra).
 */
public final class TrajectoryPcaFit {
    /** Components whose variance is below this share of the total are treated as absent (rank-deficient pools). */
    static final double NEGLIGIBLE_SHARE = 1e-10;

    private TrajectoryPcaFit() {
    }

    /**
     * @return the projections of {@code t}, or a not-fitted result when it has fewer than
     *         {@value TrajectoryPca#MIN_SAMPLES} updates after the initial state
     */
    public static TrajectoryPca fit(PooledTrajectory t) {
        int updates = t.updates();
        int samples = updates - 1;
        if (samples < TrajectoryPca.MIN_SAMPLES) {
            return TrajectoryPca.notFitted(t.generation(), updates, t.segmentEnds());
        }
        String label = "fit: this puzzle's run, N = " + samples + " updates (" + UpdateSelection.ALL_UPDATES
                .description() + ", L and H), sample unit " + SampleUnit.MEAN_POOLED.description()
                + ", prefix excluded; float64, mean-centred";
        return new TrajectoryPca(t.generation(), updates, samples, project(t.zL(), label), project(t.zH(), label),
                t.segmentEnds(), label);
    }

    private static TrajectoryPca.Projection project(List<double[]> states, String label) {
        int n = states.size() - 1;
        int d = states.get(0).length;
        float[] rows = new float[n * d];
        for (int i = 0; i < n; i++) {
            double[] s = states.get(i + 1);
            for (int j = 0; j < d; j++) {
                rows[i * d + j] = (float) s[j];
            }
        }
        double[] pc1 = new double[states.size()];
        double[] pc2 = new double[states.size()];
        double[] variance = new double[2];
        double[] ratio = new double[2];
        try (SampleStatistics stats = SampleStatistics.create(d, n)) {
            stats.add(rows, 0, n);
            int k = components(stats.eigenvalues());
            if (k == 0) {
                return new TrajectoryPca.Projection(pc1, pc2, variance, ratio);
            }
            PcaFit fit = stats.fitPca(k, label);
            for (int i = 0; i < states.size(); i++) {
                double[] p = fit.project(states.get(i));
                pc1[i] = p[0];
                pc2[i] = k > 1 ? p[1] : 0;
            }
            double[] r = fit.explainedVarianceRatio();
            for (int c = 0; c < k; c++) {
                variance[c] = fit.explainedVariance()[c];
                ratio[c] = r[c];
            }
        }
        return new TrajectoryPca.Projection(pc1, pc2, variance, ratio);
    }

    /** @return how many of the two leading components carry variance */
    private static int components(double[] eigenvalues) {
        double total = 0;
        for (double v : eigenvalues) {
            total += Math.max(0, v);
        }
        int k = 0;
        while (k < 2 && k < eigenvalues.length && eigenvalues[k] > NEGLIGIBLE_SHARE * total) {
            k++;
        }
        return k;
    }
}
