package org.hrmlab.engine.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs every analysis of docs/analysis.md on trace directories. */
public final class TraceAnalysis {
    private TraceAnalysis() {
    }

    /**
     * @param traces   trace directories of the model under study
     * @param controls trace directories of the control (untrained weights, same puzzles); may be empty
     * @throws TraceFormatException if a trace is malformed (message names the file)
     */
    public static AnalysisResult run(List<Path> traces, List<Path> controls, AnalysisSettings settings)
            throws IOException {
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("no trace directories given");
        }
        List<TraceReader> readers = open(traces);
        List<String> names = names(traces);
        boolean shared = settings.pcaScope() == PcaScope.POOLED && settings.pcaSampleUnit() == settings.sampleUnit()
                && settings.pcaUpdates() == settings.prUpdates();
        ParticipationAnalysis.Outcome outcome = ParticipationAnalysis.run(readers, settings,
                shared ? settings.pcaComponents() : 0);
        List<TraceReader> controlReaders = open(controls);
        PrSummary control = controls.isEmpty() ? null : ParticipationAnalysis.run(controlReaders, settings);
        Map<Latent, PcaTrajectories> pca = PcaAnalysis.run(readers, names, settings,
                shared ? outcome.fits() : null);
        List<Map<Latent, ResidualSeries>> residuals = new ArrayList<>();
        List<DecodedProgress> decoding = new ArrayList<>();
        for (TraceReader r : readers) {
            int[] kept = r.keptPositions(false, settings.includePad(), settings.padToken());
            residuals.add(ForwardResiduals.of(r, kept));
            decoding.add(r.vocab() > 0 ? DecodedProgress.of(r, settings.padToken()) : null);
        }
        List<TraceInfo> infos = new ArrayList<>();
        for (int i = 0; i < readers.size(); i++) {
            infos.add(TraceInfo.of(names.get(i), readers.get(i)));
        }
        List<String> controlNames = names(controls);
        List<TraceInfo> controlInfos = new ArrayList<>();
        for (int i = 0; i < controlReaders.size(); i++) {
            controlInfos.add(TraceInfo.of(controlNames.get(i), controlReaders.get(i)));
        }
        return new AnalysisResult(settings, List.copyOf(infos), List.copyOf(controlInfos), outcome.summary(), control,
                pca, List.copyOf(residuals), java.util.Collections.unmodifiableList(decoding));
    }

    /** Opens every trace directory. */
    public static List<TraceReader> open(List<Path> dirs) throws IOException {
        List<TraceReader> out = new ArrayList<>();
        for (Path d : dirs) {
            out.add(TraceReader.open(d));
        }
        return out;
    }

    /** @return each directory's file name, made unique by a numeric suffix where names repeat */
    public static List<String> names(List<Path> dirs) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path d : dirs) {
            Path fn = d.toAbsolutePath().normalize().getFileName();
            String base = fn == null ? "trace" : fn.toString();
            String name = base;
            for (int i = 2; !seen.add(name); i++) {
                name = base + "-" + i;
            }
            out.add(name);
        }
        return out;
    }
}
