package org.hrmlab.engine.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Forward residuals (paper Fig. 3, docs/analysis.md): how much each latent changes at each of its own updates,
 * against the global update index. The first recorded step has no predecessor in the trace and is skipped.
 */
public final class ForwardResiduals {
    private ForwardResiduals() {
    }

    /**
     * Computes both latents' residuals, reading one step at a time.
     *
     * @param trace the trace
     * @param kept  the positions the norms run over (see {@link TraceReader#keptPositions}); not modified
     */
    public static Map<Latent, ResidualSeries> of(TraceReader trace, int[] kept) throws IOException {
        Map<Latent, ResidualSeries> out = new EnumMap<>(Latent.class);
        for (Latent latent : Latent.values()) {
            out.put(latent, of(trace, latent, kept));
        }
        return out;
    }

    /** Computes one latent's residuals (see {@link #of(TraceReader, int[])}). */
    public static ResidualSeries of(TraceReader trace, Latent latent, int[] kept) throws IOException {
        int hidden = trace.hidden();
        List<double[]> rows = new ArrayList<>();
        float[] previous = null;
        for (TraceStep step : trace.steps()) {
            float[] current = trace.state(latent, step.index());
            if (previous != null && step.updates(latent)) {
                double diff = 0;
                double prevNorm = 0;
                double norm = 0;
                for (int p : kept) {
                    int base = p * hidden;
                    for (int i = base; i < base + hidden; i++) {
                        double d = (double) current[i] - previous[i];
                        diff += d * d;
                        prevNorm += (double) previous[i] * previous[i];
                        norm += (double) current[i] * current[i];
                    }
                }
                diff = Math.sqrt(diff);
                rows.add(new double[] {step.index(), prevNorm == 0 ? Double.NaN : diff / Math.sqrt(prevNorm), diff,
                        Math.sqrt(norm)});
            }
            previous = current;
        }
        int n = rows.size();
        int[] steps = new int[n];
        double[] rel = new double[n];
        double[] diff = new double[n];
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            steps[i] = (int) r[0];
            rel[i] = r[1];
            diff[i] = r[2];
            norm[i] = r[3];
        }
        return new ResidualSeries(latent, steps, rel, diff, norm);
    }
}
