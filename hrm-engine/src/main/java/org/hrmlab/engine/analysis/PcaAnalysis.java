package org.hrmlab.engine.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * PCA trajectories (paper Fig. 3, docs/analysis.md): a fit on the pool of all trajectories and chosen steps (or one
 * fit per trajectory, labelled so), then every trajectory's states projected on the first k components. A drawn
 * point is the projection of the state mean-pooled over kept positions (for per-token fits this equals the mean of
 * the per-token projections, since projection is linear), or of the flattened state for flattened fits.
 */
public final class PcaAnalysis {
    private PcaAnalysis() {
    }

    /**
     * Fits and projects both latents.
     *
     * @param names       one display name per trace
     * @param pooledFits  pooled fits computed elsewhere on the same settings, or null to fit here
     */
    public static Map<Latent, PcaTrajectories> run(List<TraceReader> traces, List<String> names,
            AnalysisSettings settings, Map<Latent, PcaFit> pooledFits) throws IOException {
        Map<Latent, PcaTrajectories> out = new EnumMap<>(Latent.class);
        if (settings.pcaScope() == PcaScope.PER_TRAJECTORY) {
            Map<Latent, List<TrajectoryProjection>> lists = new EnumMap<>(Latent.class);
            for (Latent latent : Latent.values()) {
                lists.put(latent, new ArrayList<>());
            }
            for (int t = 0; t < traces.size(); t++) {
                Map<Latent, PcaFit> fits = fit(List.of(traces.get(t)), settings,
                        "per-trajectory fit: " + names.get(t));
                for (Latent latent : Latent.values()) {
                    lists.get(latent).add(project(traces.get(t), names.get(t), latent, fits.get(latent), settings));
                }
            }
            for (Latent latent : Latent.values()) {
                out.put(latent, new PcaTrajectories(latent, PcaScope.PER_TRAJECTORY, null,
                        List.copyOf(lists.get(latent))));
            }
            return out;
        }
        Map<Latent, PcaFit> fits = pooledFits != null ? pooledFits
                : fit(traces, settings, "pooled fit, " + traces.size() + " trajectories, "
                        + settings.pcaSampleUnit().description() + ", " + settings.pcaUpdates().description());
        for (Latent latent : Latent.values()) {
            List<TrajectoryProjection> list = new ArrayList<>();
            for (int t = 0; t < traces.size(); t++) {
                list.add(project(traces.get(t), names.get(t), latent, fits.get(latent), settings));
            }
            out.put(latent, new PcaTrajectories(latent, PcaScope.POOLED, fits.get(latent), List.copyOf(list)));
        }
        return out;
    }

    /** Fits a PCA of each latent on the given traces' samples (sample unit and steps from the PCA settings). */
    public static Map<Latent, PcaFit> fit(List<TraceReader> traces, AnalysisSettings settings, String label)
            throws IOException {
        TraceReader first = traces.get(0);
        StateSampler probe = ParticipationAnalysis.sampler(first, settings.pcaSampleUnit(), settings);
        long expected = (long) traces.size() * first.select(settings.pcaUpdates()).length * probe.rowsPerState();
        Map<Latent, SampleStatistics> stats = new EnumMap<>(Latent.class);
        for (Latent latent : Latent.values()) {
            stats.put(latent, SampleStatistics.create(probe.dimension(), expected, settings.precision()));
        }
        try {
            for (TraceReader trace : traces) {
                StateSampler sampler = ParticipationAnalysis.sampler(trace, settings.pcaSampleUnit(), settings);
                if (sampler.dimension() != probe.dimension()) {
                    throw new TraceFormatException(trace.directory(), "sample dimension " + sampler.dimension()
                            + " differs from the first trace's " + probe.dimension());
                }
                float[] rows = new float[sampler.rowsPerState() * sampler.dimension()];
                StateStream.forEach(trace, trace.select(settings.pcaUpdates()), (step, states, offset) -> {
                    for (Latent latent : Latent.values()) {
                        sampler.rows(states.get(latent), offset, rows, 0);
                        stats.get(latent).add(rows, 0, sampler.rowsPerState());
                    }
                });
            }
            Map<Latent, PcaFit> fits = new EnumMap<>(Latent.class);
            for (Latent latent : Latent.values()) {
                SampleStatistics s = stats.get(latent);
                int k = (int) Math.min(settings.pcaComponents(), Math.min(s.dimension(), s.count() - 1));
                fits.put(latent, s.fitPca(k, label));
            }
            return fits;
        } finally {
            stats.values().forEach(SampleStatistics::close);
        }
    }

    /** Projects one trace's states at the PCA steps on a fit. */
    public static TrajectoryProjection project(TraceReader trace, String name, Latent latent, PcaFit fit,
            AnalysisSettings settings) throws IOException {
        int[] steps = trace.select(settings.pcaUpdates());
        int[] kept = trace.keptPositions(settings.includePrefix(), settings.includePad(), settings.padToken());
        boolean flattened = settings.pcaSampleUnit() == SampleUnit.FLATTENED;
        StateSampler sampler = new StateSampler(flattened ? SampleUnit.FLATTENED : SampleUnit.MEAN_POOLED, kept,
                trace.hidden());
        double[][] points = new double[steps.length][];
        float[] row = new float[sampler.dimension()];
        int[] cursor = {0};
        StateStream.forEach(trace, steps, (step, states, offset) -> {
            float[] state = states.get(latent);
            if (flattened) {
                sampler.rows(state, offset, row, 0);
                points[cursor[0]++] = fit.project(row, 0);
            } else {
                points[cursor[0]++] = fit.project(sampler.meanPooled(state, offset));
            }
        });
        return new TrajectoryProjection(name, steps, points, fit);
    }
}
