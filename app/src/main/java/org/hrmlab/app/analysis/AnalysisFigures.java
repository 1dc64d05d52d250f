package org.hrmlab.app.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import org.hrmlab.engine.analysis.TrajectoryProjection;
import org.hrmlab.viz.plot.AccuracyPlotData;
import org.hrmlab.viz.plot.PcaPlotData;
import org.hrmlab.viz.plot.PrBar;
import org.hrmlab.viz.plot.PrBarData;
import org.hrmlab.viz.plot.PrCurveData;
import org.hrmlab.viz.plot.QPlotData;
import org.hrmlab.viz.plot.ResidualPlotData;
import org.hrmlab.viz.plot.XySeriesData;

/** Converts engine analysis results into the visualizers' plain chart data (screen and export share these). */
public final class AnalysisFigures {
    /** The group name of the model under study. */
    public static final String TRAINED = "trained";
    /** The group name of the control. */
    public static final String CONTROL = "untrained";

    private AnalysisFigures() {
    }

    /**
     * Forward residuals: the mean over trajectories when they share a schedule, else the first trajectory's.
     *
     * @param absolute plot ||z_i − z_{i−1}|| instead of the relative residual
     */
    public static ResidualPlotData residuals(AnalysisResult r, boolean absolute) {
        List<XySeriesData> zl = new ArrayList<>();
        List<XySeriesData> zh = new ArrayList<>();
        String what;
        ResidualSeries l;
        ResidualSeries h;
        try {
            l = ResidualSeries.mean(r.residuals().stream().map(m -> m.get(Latent.Z_L)).toList());
            h = ResidualSeries.mean(r.residuals().stream().map(m -> m.get(Latent.Z_H)).toList());
            what = r.names().size() == 1 ? r.names().get(0) : "mean of " + r.names().size() + " trajectories";
        } catch (IllegalArgumentException differentSchedules) {
            l = r.residuals().get(0).get(Latent.Z_L);
            h = r.residuals().get(0).get(Latent.Z_H);
            what = r.names().get(0) + " (schedules differ; first trajectory only)";
        }
        zl.add(series("zL", l, absolute));
        zh.add(series("zH", h, absolute));
        String label = absolute ? "||z_i - z_(i-1)||" : "||z_i - z_(i-1)|| / ||z_(i-1)||";
        return new ResidualPlotData(zl, zh, label, true, what + "; Frobenius norm over non-prefix positions");
    }

    /** PCA trajectories of one latent on PC1/PC2. */
    public static PcaPlotData pca(AnalysisResult r, Latent latent) {
        PcaTrajectories p = r.pca().get(latent);
        List<XySeriesData> series = new ArrayList<>();
        for (TrajectoryProjection t : p.trajectories()) {
            double[] x = new double[t.points().length];
            double[] y = new double[t.points().length];
            for (int i = 0; i < x.length; i++) {
                x[i] = t.points()[i][0];
                y[i] = t.points()[i].length > 1 ? t.points()[i][1] : 0;
            }
            series.add(new XySeriesData(t.name(), x, y));
        }
        String xLabel = "PC1";
        String yLabel = "PC2";
        String label = p.scope().description() + "; " + r.settings().pcaSampleUnit().description() + ", "
                + r.settings().pcaUpdates().description();
        if (p.pooledFit() != null) {
            double[] ratio = p.pooledFit().explainedVarianceRatio();
            xLabel = String.format(Locale.ROOT, "PC1 (%.1f %%)", 100 * ratio[0]);
            yLabel = ratio.length > 1 ? String.format(Locale.ROOT, "PC2 (%.1f %%)", 100 * ratio[1]) : "PC2";
            label = p.pooledFit().label();
        }
        return new PcaPlotData(latent.label() + " PCA trajectories", xLabel, yLabel, series, label);
    }

    /** PR bars of zL and zH, trained and (when present) control. */
    public static PrBarData participationRatios(AnalysisResult r, boolean corrected) {
        return participationRatios(r.pr(), r.controlPr(), prSubtitle(r), corrected);
    }

    /** PR bars of zL and zH, trained and (when not null) control, under {@code subtitle}. */
    public static PrBarData participationRatios(PrSummary trained, PrSummary control, String subtitle,
                                                boolean corrected) {
        List<PrBar> bars = new ArrayList<>();
        addBars(bars, TRAINED, trained, corrected);
        if (control != null) {
            addBars(bars, CONTROL, control, corrected);
        }
        return new PrBarData(bars, corrected ? "bias-corrected" : "naive", subtitle);
    }

    /** PR versus the number of trajectories, control dashed. */
    public static PrCurveData prCurve(AnalysisResult r, boolean corrected) {
        return prCurve(r.pr(), r.controlPr(), prSubtitle(r), corrected);
    }

    /** PR versus the number of trajectories, control (when not null) dashed, under {@code subtitle}. */
    public static PrCurveData prCurve(PrSummary trained, PrSummary control, String subtitle, boolean corrected) {
        List<XySeriesData> series = new ArrayList<>();
        List<String> dashed = new ArrayList<>();
        addCurve(series, TRAINED, trained, corrected);
        if (control != null) {
            for (XySeriesData s : addCurve(series, CONTROL, control, corrected)) {
                dashed.add(s.name());
            }
        }
        return new PrCurveData(series, dashed, subtitle + (corrected ? "; bias-corrected" : "; naive"));
    }

    /**
     * Q head per segment: one trajectory as recorded, or the mean probabilities over trajectories with the
     * majority's halting decision and correctness.
     */
    public static QPlotData qValues(AnalysisResult r) {
        List<DecodedProgress> ds = r.decoding().stream().filter(d -> d != null && !d.segments().isEmpty()).toList();
        int segments = ds.stream().mapToInt(d -> d.segments().size()).min().orElse(0);
        double[] halt = new double[segments];
        double[] cont = new double[segments];
        int[] halts = new int[segments];
        int[] correct = new int[segments];
        boolean labels = ds.stream().allMatch(DecodedProgress::hasLabels);
        for (DecodedProgress d : ds) {
            for (int s = 0; s < segments; s++) {
                QSegment q = d.segments().get(s);
                halt[s] += q.haltProbability() / ds.size();
                cont[s] += q.continueProbability() / ds.size();
                halts[s] += q.halts() ? 1 : 0;
                correct[s] += q.correct() ? 1 : 0;
            }
        }
        boolean[] h = new boolean[segments];
        boolean[] c = new boolean[segments];
        for (int s = 0; s < segments; s++) {
            h[s] = 2 * halts[s] > ds.size();
            c[s] = 2 * correct[s] > ds.size();
        }
        String title = ds.size() == 1 ? r.names().get(r.decoding().indexOf(ds.get(0)))
                : "mean of " + ds.size() + " trajectories";
        return new QPlotData(title, halt, cont, h, labels ? c : null,
                ds.size() == 1 ? "halt = the Q head's rule (q_halt > q_continue; TRM: q_halt > 0)"
                        : "halt and right/wrong: majority of trajectories");
    }

    /** Mean token accuracy per update and the fraction exactly right, or null when no trace has labels. */
    public static AccuracyPlotData accuracy(AnalysisResult r) {
        List<DecodedProgress> ds = r.decoding().stream().filter(d -> d != null && d.hasLabels()).toList();
        if (ds.isEmpty()) {
            return null;
        }
        int steps = ds.stream().mapToInt(d -> d.tokenAccuracy().length).min().orElse(0);
        double[] x = new double[steps];
        double[] acc = new double[steps];
        double[] exact = new double[steps];
        for (DecodedProgress d : ds) {
            for (int i = 0; i < steps; i++) {
                acc[i] += d.tokenAccuracy()[i] / ds.size();
                exact[i] += (d.exact()[i] ? 1.0 : 0.0) / ds.size();
            }
        }
        for (int i = 0; i < steps; i++) {
            x[i] = i;
        }
        double[] ends = Arrays.stream(r.segmentEnds()).asDoubleStream().toArray();
        return new AccuracyPlotData(List.of(new XySeriesData("token accuracy (mean)", x, acc)),
                new XySeriesData("fraction exactly right", x, exact), ends,
                "direct decoding: argmax of the output head on zH after every update; " + ds.size()
                        + " trajectories with labels");
    }

    static String prSubtitle(AnalysisResult r) {
        return r.settings().sampleUnit().description() + "; " + r.settings().prUpdates().description() + "; "
                + (r.settings().includePrefix() ? "prefix kept" : "prefix excluded") + ", "
                + (r.settings().includePad() ? "PAD kept" : "PAD excluded");
    }

    private static XySeriesData series(String name, ResidualSeries s, boolean absolute) {
        double[] x = Arrays.stream(s.steps()).asDoubleStream().toArray();
        return new XySeriesData(name, x, absolute ? s.difference() : s.relative());
    }

    private static void addBars(List<PrBar> bars, String group, PrSummary pr, boolean corrected) {
        for (Latent latent : Latent.values()) {
            ParticipationRatio p = pr.overall().get(latent);
            bars.add(new PrBar(group, latent.label(), corrected ? p.corrected() : p.naive(), p.samples()));
        }
    }

    private static List<XySeriesData> addCurve(List<XySeriesData> out, String group, PrSummary pr,
            boolean corrected) {
        List<XySeriesData> added = new ArrayList<>();
        for (Latent latent : Latent.values()) {
            List<PrCurvePoint> points = pr.curve().stream().filter(p -> p.latent() == latent).toList();
            double[] x = points.stream().mapToDouble(PrCurvePoint::trajectories).toArray();
            double[] y = points.stream().mapToDouble(p -> corrected ? p.pr().corrected() : p.pr().naive()).toArray();
            XySeriesData s = new XySeriesData(latent.label() + " " + group, x, y);
            out.add(s);
            added.add(s);
        }
        return added;
    }

    /** @return the explained-variance ratio of a pooled fit, or an empty array for per-trajectory fits */
    static double[] explained(PcaFit fit) {
        return fit == null ? new double[0] : fit.explainedVarianceRatio();
    }
}
