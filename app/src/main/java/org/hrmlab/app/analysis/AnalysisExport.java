package org.hrmlab.app.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrmlab.engine.analysis.AnalysisResult;
import org.hrmlab.engine.analysis.DecodedProgress;
import org.hrmlab.engine.analysis.Latent;
import org.hrmlab.engine.analysis.ParticipationRatio;
import org.hrmlab.engine.analysis.PcaFit;
import org.hrmlab.engine.analysis.PcaTrajectories;
import org.hrmlab.engine.analysis.PrCurvePoint;
import org.hrmlab.engine.analysis.PrSummary;
import org.hrmlab.engine.analysis.QSegment;
import org.hrmlab.engine.analysis.ResidualSeries;
import org.hrmlab.engine.analysis.TraceInfo;
import org.hrmlab.engine.analysis.TraceReader;
import org.hrmlab.engine.analysis.TrajectoryProjection;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;
import org.hrmlab.puzzles.readings.SudokuReading;
import org.hrmlab.viz.export.CsvTable;
import org.hrmlab.viz.export.ExportManifest;
import org.hrmlab.viz.export.FigureExporter;
import org.hrmlab.viz.export.FigureFormat;
import org.hrmlab.viz.plot.AccuracyPlotData;
import org.hrmlab.viz.plot.AnalysisCharts;
import org.jfree.chart.JFreeChart;

/**
 * Writes an analysis to a folder: every figure in every requested format, the data behind each figure as CSV (and
 * NPY for PCA axes), and {@code manifest.json}; returns the headline numbers for the command line's JSON.
 */
public final class AnalysisExport {
    /** The program version written into manifests. */
    public static final String PROGRAM_VERSION = "HRM Lab 0.1.0";

    private AnalysisExport() {
    }

    /**
     * How figures are written.
     *
     * @param formats           figure formats
     * @param dpi               PNG resolution
     * @param widthPt           figure width in points
     * @param heightPt          figure height in points
     * @param absoluteResiduals also draw absolute residual norms
     */
    public record Options(Set<FigureFormat> formats, int dpi, double widthPt, double heightPt,
            boolean absoluteResiduals) {
    }

    /**
     * Writes everything and returns the numbers.
     *
     * @param provenance entries for the manifest that only the caller knows (command line, inputs as given)
     */
    public static Map<String, Object> write(AnalysisResult r, Path out, Options o, Map<String, Object> provenance)
            throws IOException {
        List<String> files = new ArrayList<>();
        figure(AnalysisCharts.forwardResiduals(AnalysisFigures.residuals(r, false)), out, "residuals", o, files);
        if (o.absoluteResiduals()) {
            figure(AnalysisCharts.forwardResiduals(AnalysisFigures.residuals(r, true)), out, "residuals_absolute", o,
                    files);
        }
        for (Latent latent : Latent.values()) {
            figure(AnalysisCharts.pcaTrajectories(AnalysisFigures.pca(r, latent)), out, "pca_" + latent.label(), o,
                    files);
        }
        figure(AnalysisCharts.participationRatios(AnalysisFigures.participationRatios(r, false)), out, "pr_bars", o,
                files);
        figure(AnalysisCharts.participationRatios(AnalysisFigures.participationRatios(r, true)), out,
                "pr_bars_corrected", o, files);
        figure(AnalysisCharts.prVersusTrajectories(AnalysisFigures.prCurve(r, false)), out, "pr_vs_trajectories", o,
                files);
        if (r.decoding().stream().anyMatch(d -> d != null && !d.segments().isEmpty())) {
            figure(AnalysisCharts.qValues(AnalysisFigures.qValues(r)), out, "q_values", o, files);
        }
        AccuracyPlotData acc = AnalysisFigures.accuracy(r);
        if (acc != null) {
            figure(AnalysisCharts.stepAccuracy(acc), out, "step_accuracy", o, files);
        }
        files.addAll(writeData(r, out));

        Map<String, Object> numbers = numbers(r);
        ExportManifest m = new ExportManifest();
        m.put("program", PROGRAM_VERSION);
        m.put("date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        provenance.forEach(m::put);
        m.put("settings", r.settings());
        m.put("seed", r.settings().seed());
        m.put("figure", ordered("formats", o.formats().stream().map(FigureFormat::extension).toList(), "dpi",
                o.dpi(), "width_pt", o.widthPt(), "height_pt", o.heightPt(), "absolute_residuals",
                o.absoluteResiduals()));
        m.put("traces", traceEntries(r.traces()));
        m.put("control_traces", traceEntries(r.controls()));
        m.put("results", numbers);
        m.put("files", files);
        m.write(out.resolve("manifest.json"));
        files.add("manifest.json");
        Map<String, Object> json = new LinkedHashMap<>(numbers);
        json.put("out", out.toString());
        json.put("files", files);
        return json;
    }

    /** @return the headline numbers: PR per latent (naive, corrected, N, D), ratios, PCA variance, accuracy */
    public static Map<String, Object> numbers(AnalysisResult r) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("trajectories", r.traces().size());
        n.put("settings_summary", r.settings().summary());
        n.put("pr", prEntry(r.pr()));
        n.put("control_pr", r.controlPr() == null ? null : prEntry(r.controlPr()));
        Map<String, Object> pca = new LinkedHashMap<>();
        for (Latent latent : Latent.values()) {
            PcaTrajectories p = r.pca().get(latent);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("scope", p.scope().name().toLowerCase(java.util.Locale.ROOT));
            e.put("label", p.pooledFit() == null ? p.scope().description() : p.pooledFit().label());
            if (p.pooledFit() != null) {
                e.put("explained_variance_ratio", p.pooledFit().explainedVarianceRatio());
                e.put("samples", p.pooledFit().samples());
                e.put("dimension", p.pooledFit().dimension());
            }
            pca.put(latent.label(), e);
        }
        n.put("pca", pca);
        List<DecodedProgress> labelled = r.decoding().stream().filter(d -> d != null && d.hasLabels()).toList();
        if (labelled.isEmpty()) {
            n.put("accuracy", null);
        } else {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("trajectories_with_labels", labelled.size());
            a.put("final_token_accuracy_mean", labelled.stream()
                    .mapToDouble(d -> d.tokenAccuracy()[d.tokenAccuracy().length - 1]).average().orElse(Double.NaN));
            a.put("final_exact_fraction", labelled.stream().filter(d -> d.exact()[d.exact().length - 1]).count()
                    / (double) labelled.size());
            a.put("first_correct_step", labelled.stream().map(d -> d.timing().firstCorrect()).toList());
            a.put("stays_correct", labelled.stream().map(d -> d.timing().staysCorrect()).toList());
            n.put("accuracy", a);
        }
        return n;
    }

    private static Map<String, Object> prEntry(PrSummary s) {
        Map<String, Object> e = new LinkedHashMap<>();
        for (Latent latent : Latent.values()) {
            ParticipationRatio p = s.overall().get(latent);
            e.put(latent.label(), ordered("naive", p.naive(), "corrected", p.corrected(), "samples", p.samples(),
                    "dimension", p.dimension()));
        }
        e.put("ratio_zH_over_zL", s.ratio());
        e.put("ratio_zH_over_zL_corrected", s.correctedRatio());
        e.put("trajectories", s.trajectories());
        e.put("curve", s.curve().stream().map(p -> ordered("trajectories", p.trajectories(), "latent",
                p.latent().label(), "naive", p.pr().naive(), "corrected", p.pr().corrected(), "samples",
                p.pr().samples())).toList());
        return e;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static List<Map<String, Object>> traceEntries(List<TraceInfo> traces) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TraceInfo t : traces) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", t.name());
            e.put("directory", t.directory().toAbsolutePath().normalize().toString());
            e.put("steps", t.steps());
            e.put("prefix_length", t.prefixLength());
            e.put("seq_len", t.seqLen());
            e.put("hidden", t.hidden());
            if (t.manifest() != null) {
                for (String key : List.of("checkpoint_sha256", "checkpoint", "config", "puzzle", "program_version")) {
                    if (t.manifest().has(key)) {
                        e.put(key, t.manifest().get(key));
                    }
                }
            }
            out.add(e);
        }
        return out;
    }

    private static void figure(JFreeChart chart, Path out, String name, Options o, List<String> files)
            throws IOException {
        for (Path p : FigureExporter.export(chart, out, name, o.formats(), o.widthPt(), o.heightPt(), o.dpi())) {
            files.add(p.getFileName().toString());
        }
    }

    private static List<String> writeData(AnalysisResult r, Path out) throws IOException {
        List<String> files = new ArrayList<>();
        CsvTable res = new CsvTable("trajectory", "latent", "step", "relative", "difference", "norm");
        for (int t = 0; t < r.traces().size(); t++) {
            for (Latent latent : Latent.values()) {
                ResidualSeries s = r.residuals().get(t).get(latent);
                for (int i = 0; i < s.size(); i++) {
                    res.add(r.names().get(t), latent.label(), s.steps()[i], s.relative()[i], s.difference()[i],
                            s.norm()[i]);
                }
            }
        }
        files.add(save(res, out, "residuals.csv"));

        int k = r.settings().pcaComponents();
        String[] header = new String[4 + k];
        header[0] = "latent";
        header[1] = "trajectory";
        header[2] = "step";
        header[3] = "fit";
        for (int c = 0; c < k; c++) {
            header[4 + c] = "pc" + (c + 1);
        }
        CsvTable pca = new CsvTable(header);
        CsvTable variance = new CsvTable("latent", "fit", "component", "variance", "ratio");
        for (Latent latent : Latent.values()) {
            PcaTrajectories p = r.pca().get(latent);
            for (TrajectoryProjection t : p.trajectories()) {
                for (int i = 0; i < t.steps().length; i++) {
                    Object[] row = new Object[4 + k];
                    row[0] = latent.label();
                    row[1] = t.name();
                    row[2] = t.steps()[i];
                    row[3] = t.fit().label();
                    for (int c = 0; c < k; c++) {
                        row[4 + c] = c < t.points()[i].length ? t.points()[i][c] : Double.NaN;
                    }
                    pca.add(row);
                }
                if (p.pooledFit() == null) {
                    addVariance(variance, latent, t.fit());
                }
            }
            if (p.pooledFit() != null) {
                addVariance(variance, latent, p.pooledFit());
                PcaFit f = p.pooledFit();
                double[] axes = new double[f.componentCount() * f.dimension()];
                for (int c = 0; c < f.componentCount(); c++) {
                    System.arraycopy(f.components()[c], 0, axes, c * f.dimension(), f.dimension());
                }
                Npy.write(out.resolve("pca_components_" + latent.label() + ".npy"),
                        NpyArray.ofDoubles(axes, f.componentCount(), f.dimension()));
                Npy.write(out.resolve("pca_mean_" + latent.label() + ".npy"),
                        NpyArray.ofDoubles(f.mean(), f.dimension()));
                files.add("pca_components_" + latent.label() + ".npy");
                files.add("pca_mean_" + latent.label() + ".npy");
            }
        }
        files.add(save(pca, out, "pca_trajectories.csv"));
        files.add(save(variance, out, "pca_explained_variance.csv"));

        CsvTable pr = new CsvTable("group", "latent", "naive", "corrected", "samples", "dimension", "trajectories");
        CsvTable curve = new CsvTable("group", "latent", "trajectories", "naive", "corrected", "samples");
        prRows(pr, curve, AnalysisFigures.TRAINED, r.pr());
        if (r.controlPr() != null) {
            prRows(pr, curve, AnalysisFigures.CONTROL, r.controlPr());
        }
        files.add(save(pr, out, "participation_ratio.csv"));
        files.add(save(curve, out, "pr_vs_trajectories.csv"));

        CsvTable q = new CsvTable("trajectory", "segment", "q_halt", "q_continue", "sigmoid_q_halt",
                "sigmoid_q_continue", "halts", "correct");
        CsvTable acc = new CsvTable("trajectory", "step", "token_accuracy", "exact");
        for (int t = 0; t < r.traces().size(); t++) {
            DecodedProgress d = r.decoding().get(t);
            if (d == null) {
                continue;
            }
            for (QSegment s : d.segments()) {
                q.add(r.names().get(t), s.segment(), s.qHalt(), s.qContinue(), s.haltProbability(),
                        s.continueProbability(), s.halts(), d.hasLabels() ? s.correct() : null);
            }
            if (d.hasLabels()) {
                for (int i = 0; i < d.tokenAccuracy().length; i++) {
                    acc.add(r.names().get(t), i, d.tokenAccuracy()[i], d.exact()[i]);
                }
            }
        }
        files.add(save(q, out, "q_values.csv"));
        CsvTable sudoku = new CsvTable("trajectory", "step", "changed_cells", "violating_cells", "backtracks",
                "blanks", "solved");
        for (int t = 0; t < r.traces().size(); t++) {
            var readings = SudokuTraceReadings.read(TraceReader.open(r.traces().get(t).directory()),
                    r.settings().backtrackStableSteps());
            if (readings.isPresent()) {
                for (SudokuReading s : readings.get()) {
                    sudoku.add(r.names().get(t), s.step(), s.changedCount(), s.violatingCells(), s.backtrackCount(),
                            s.blankCount(), s.solved());
                }
            }
        }
        if (sudoku.rowCount() > 0) {
            files.add(save(sudoku, out, "sudoku_readings.csv"));
        }
        if (acc.rowCount() > 0) {
            files.add(save(acc, out, "step_accuracy.csv"));
        }
        return files;
    }

    private static void addVariance(CsvTable t, Latent latent, PcaFit f) {
        double[] ratio = f.explainedVarianceRatio();
        for (int c = 0; c < f.componentCount(); c++) {
            t.add(latent.label(), f.label(), c + 1, f.explainedVariance()[c], ratio[c]);
        }
    }

    private static void prRows(CsvTable pr, CsvTable curve, String group, PrSummary s) {
        for (Latent latent : Latent.values()) {
            ParticipationRatio p = s.overall().get(latent);
            pr.add(group, latent.label(), p.naive(), p.corrected(), p.samples(), p.dimension(), s.trajectories());
        }
        for (PrCurvePoint p : s.curve()) {
            curve.add(group, p.latent().label(), p.trajectories(), p.pr().naive(), p.pr().corrected(),
                    p.pr().samples());
        }
    }

    private static String save(CsvTable t, Path out, String name) throws IOException {
        t.write(out.resolve(name));
        return name;
    }
}
