package org.hrmlab.engine.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The participation ratio of zL and zH over many trajectories (paper Fig. 8, docs/analysis.md): samples per the
 * settings' sample unit and step selection, prefix/PAD positions excluded unless asked, zL and zH sampled at the same
 * steps and positions (equal N), PR versus the number of trajectories in a seeded order. States are streamed; only
 * the statistics are kept.
 */
public final class ParticipationAnalysis {
    private static final System.Logger LOG = System.getLogger(ParticipationAnalysis.class.getName());

    private ParticipationAnalysis() {
    }

    /** Computes PR and PR versus N; see {@link #run(List, AnalysisSettings, int)}. */
    public static PrSummary run(List<TraceReader> traces, AnalysisSettings settings) throws IOException {
        return run(traces, settings, 0).summary();
    }

    /**
     * Computes PR and PR versus N and, when {@code pcaComponents > 0}, a pooled PCA fit of each latent on the same
     * samples (no second pass).
     */
    public static Outcome run(List<TraceReader> traces, AnalysisSettings settings, int pcaComponents)
            throws IOException {
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("no traces");
        }
        List<Integer> order = IntStream.range(0, traces.size()).boxed().collect(Collectors.toList());
        Collections.shuffle(order, new Random(settings.seed()));
        List<Integer> counts = new ArrayList<>();
        for (int c : settings.trajectoryCounts()) {
            if (c < traces.size()) {
                counts.add(c);
            }
        }
        counts.add(traces.size());

        TraceReader first = traces.get(0);
        StateSampler probe = sampler(first, settings.sampleUnit(), settings);
        long expected = (long) traces.size() * first.select(settings.prUpdates()).length * probe.rowsPerState();
        Map<Latent, SampleStatistics> stats = new EnumMap<>(Latent.class);
        for (Latent latent : Latent.values()) {
            stats.put(latent, SampleStatistics.create(probe.dimension(), expected, settings.precision()));
        }
        try {
            List<PrCurvePoint> curve = new ArrayList<>();
            int done = 0;
            for (int index : order) {
                TraceReader trace = traces.get(index);
                StateSampler sampler = sampler(trace, settings.sampleUnit(), settings);
                if (sampler.dimension() != probe.dimension()) {
                    throw new TraceFormatException(trace.directory(), "sample dimension " + sampler.dimension()
                            + " differs from the first trace's " + probe.dimension()
                            + " (different kept positions with flattened samples?)");
                }
                float[] rows = new float[sampler.rowsPerState() * sampler.dimension()];
                StateStream.forEach(trace, trace.select(settings.prUpdates()), (step, states, offset) -> {
                    for (Latent latent : Latent.values()) {
                        sampler.rows(states.get(latent), offset, rows, 0);
                        stats.get(latent).add(rows, 0, sampler.rowsPerState());
                    }
                });
                done++;
                if (counts.contains(done)) {
                    for (Latent latent : Latent.values()) {
                        curve.add(new PrCurvePoint(done, latent, stats.get(latent).participationRatio()));
                    }
                    LOG.log(System.Logger.Level.DEBUG, "PR after {0} trajectories", done);
                }
            }
            Map<Latent, ParticipationRatio> overall = new EnumMap<>(Latent.class);
            for (PrCurvePoint p : curve) {
                if (p.trajectories() == traces.size()) {
                    overall.put(p.latent(), p.pr());
                }
            }
            Map<Latent, PcaFit> fits = new EnumMap<>(Latent.class);
            if (pcaComponents > 0) {
                for (Latent latent : Latent.values()) {
                    fits.put(latent, stats.get(latent).fitPca(pcaComponents, "pooled fit, " + traces.size()
                            + " trajectories, " + settings.sampleUnit().description() + ", "
                            + settings.prUpdates().description()));
                }
            }
            return new Outcome(new PrSummary(overall, List.copyOf(curve), traces.size(), List.copyOf(order)), fits);
        } finally {
            stats.values().forEach(SampleStatistics::close);
        }
    }

    /** The PR summary and, when asked for, the pooled PCA fits on the same samples. */
    public record Outcome(PrSummary summary, Map<Latent, PcaFit> fits) {
    }

    static StateSampler sampler(TraceReader trace, SampleUnit unit, AnalysisSettings s) {
        int[] kept = trace.keptPositions(s.includePrefix(), s.includePad(), s.padToken());
        return new StateSampler(unit, kept, trace.hidden());
    }
}
