package org.hrmlab.app.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.analysis.Latent;
import org.hrmlab.engine.analysis.ParticipationRatio;
import org.hrmlab.engine.analysis.PcaFit;
import org.hrmlab.engine.analysis.PrCurvePoint;
import org.hrmlab.engine.analysis.StreamingParticipation;
import org.hrmlab.engine.analysis.UpdateSelection;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.model.HrmInitializer;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.viz.plot.AnalysisCharts;

/**
 * {@code hrmlab analyze --stream}: participation ratios (naive and bias-corrected, versus the number of trajectories)
 * and the pooled PCA spectrum of zL and zH for many puzzles, trained model beside its untrained control, computed in
 * batches on the chosen device without writing traces ({@link StreamingParticipation}). Writes
 * {@code participation.json}, the figures {@code pr_bars}, {@code pr_bars_corrected} and {@code pr_vs_trajectories} in
 * the chosen formats, and a {@code manifest.json} that {@code hrmlab analyze --manifest} replays.
 */
public final class StreamedAnalysis {
    private StreamedAnalysis() {
    }

    /**
     * @param batch puzzles at once, or 0 for the device's choice
     * @return what was written, as a JSON-ready map
     */
    public static Map<String, Object> run(Path checkpoint, Path dataset, int count, ComputeDevice device, int batch,
                                          UpdateSelection updates, List<Integer> counts, long seed, int components,
                                          Path out, AnalysisExport.Options figures, Map<String, Object> provenance)
            throws IOException {
        ModelCheckpoint ckpt = CheckpointLoader.load(checkpoint);
        List<EngineTraceSource.Example> examples = EngineTraceSource.checkedExamples(dataset, count, ckpt);
        int seqLen = examples.get(0).tokens().length;
        List<int[]> tokens = new ArrayList<>();
        int[] ids = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i).tokens().length != seqLen) {
                throw new IllegalArgumentException(dataset + ": puzzle " + examples.get(i).name() + " has "
                        + examples.get(i).tokens().length + " cells, the first has " + seqLen
                        + " (analyse one size at a time)");
            }
            tokens.add(examples.get(i).tokens());
            ids[i] = examples.get(i).puzzleId();
        }
        HrmConfig config = ckpt.config().withSeqLen(seqLen);
        int rows = batch > 0 ? batch : device.batchFor(config);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checkpoint", DefaultModels.describe(checkpoint));
        json.put("checkpoint_sha256", ckpt.sha256());
        json.put("family", config.family().id());
        json.put("dataset", dataset.toString());
        json.put("trajectories", examples.size());
        json.put("segments", config.haltMaxSteps());
        json.put("device", device.description());
        json.put("batch", rows);
        json.put("settings", Map.of("unit", "per-token", "updates", updates.description(), "prefix", "excluded",
                "precision", "float64 sums of float32 states", "seed", seed, "components", components));
        StreamingParticipation.Result[] results = new StreamingParticipation.Result[2];
        for (boolean control : new boolean[] {false, true}) {
            var weights = control ? HrmInitializer.init(config, seed) : ckpt.weights();
            StreamingParticipation.Result r;
            try (HrmModel model = device.open(config, weights)) {
                r = StreamingParticipation.run(model, tokens, ids, updates, rows, counts, seed, components);
            }
            results[control ? 1 : 0] = r;
            json.put(control ? "control" : "trained", describe(r, control ? "untrained control, HrmInitializer seed "
                    + seed : "checkpoint"));
        }
        Files.createDirectories(out);
        String subtitle = "per-token vectors pooled over positions; " + updates.description()
                + "; prefix excluded; streamed, " + examples.size() + " trajectories";
        List<String> files = new ArrayList<>();
        for (boolean corrected : new boolean[] {false, true}) {
            figure(AnalysisCharts.participationRatios(AnalysisFigures.participationRatios(results[0].pr(),
                    results[1].pr(), subtitle, corrected)), out, corrected ? "pr_bars_corrected" : "pr_bars",
                    figures, files);
        }
        figure(AnalysisCharts.prVersusTrajectories(AnalysisFigures.prCurve(results[0].pr(), results[1].pr(), subtitle,
                false)), out, "pr_vs_trajectories", figures, files);
        json.put("files", files);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("mode", "stream");
        manifest.put("checkpoint", DefaultModels.describe(checkpoint.toAbsolutePath()));
        manifest.put("checkpoint_sha256", ckpt.sha256());
        manifest.put("dataset", dataset.toAbsolutePath().toString());
        manifest.put("count", count);
        manifest.put("batch", rows);
        manifest.put("updates", updates.name());
        manifest.put("counts", counts);
        manifest.put("seed", seed);
        manifest.put("components", components);
        manifest.put("figure", Map.of("formats", figures.formats().stream().map(Enum::name).toList(), "dpi",
                figures.dpi(), "width_pt", figures.widthPt(), "height_pt", figures.heightPt()));
        manifest.put("provenance", provenance);
        json.put("provenance", provenance);
        var writer = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter();
        org.hrmlab.puzzles.io.AtomicFiles.write(out.resolve("participation.json"), o -> writer.writeValue(o, json));
        org.hrmlab.puzzles.io.AtomicFiles.write(out.resolve("manifest.json"), o -> writer.writeValue(o, manifest));
        return json;
    }

    private static void figure(org.jfree.chart.JFreeChart chart, Path out, String name, AnalysisExport.Options o,
                               List<String> files) throws IOException {
        for (Path p : org.hrmlab.viz.export.FigureExporter.export(chart, out, name, o.formats(), o.widthPt(),
                o.heightPt(), o.dpi())) {
            files.add(p.getFileName().toString());
        }
    }

    private static Map<String, Object> describe(StreamingParticipation.Result r, String weights) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("weights", weights);
        m.put("samples_per_latent", r.samples());
        for (Latent latent : Latent.values()) {
            ParticipationRatio pr = r.pr().overall().get(latent);
            m.put("pr_" + latent.label(), Map.of("naive", pr.naive(), "corrected", pr.corrected(),
                    "samples", pr.samples(), "dimension", pr.dimension()));
        }
        m.put("pr_ratio_zH_over_zL", r.pr().overall().get(Latent.Z_H).naive()
                / r.pr().overall().get(Latent.Z_L).naive());
        List<Map<String, Object>> curve = new ArrayList<>();
        for (PrCurvePoint p : r.pr().curve()) {
            curve.add(Map.of("trajectories", p.trajectories(), "latent", p.latent().label(), "naive", p.pr().naive(),
                    "corrected", p.pr().corrected(), "samples", p.pr().samples()));
        }
        m.put("pr_versus_trajectories", curve);
        Map<String, Object> pca = new LinkedHashMap<>();
        r.fits().forEach((latent, fit) -> pca.put(latent.label(), explained(fit)));
        m.put("pca", pca);
        m.put("seconds", r.seconds());
        return m;
    }

    private static Map<String, Object> explained(PcaFit fit) {
        double[] ratios = new double[fit.explainedVariance().length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = fit.explainedVariance()[i] / fit.totalVariance();
        }
        return Map.of("label", fit.label(), "explained_variance", fit.explainedVariance(), "explained_ratio", ratios,
                "total_variance", fit.totalVariance());
    }
}
