package org.hrmlab.app.inspector;

import java.util.List;

import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.puzzle.CellGrid;

/**
 * The data behind the inspector's plots, against the global update index: forward residuals of each module (only at
 * that module's updates), sigmoid Q values at segment ends, per-update token accuracy, and the segment boundaries.
 */
public record PlotSet(Curve residualL, Curve residualH, Curve haltProbability, Curve continueProbability,
                      Curve accuracy, double[] segmentEnds) {

    /** One series; NaN y values are gaps. */
    public record Curve(double[] x, double[] y) {
    }

    public static final PlotSet EMPTY = new PlotSet(empty(), empty(), empty(), empty(), empty(), new double[0]);

    private static Curve empty() {
        return new Curve(new double[0], new double[0]);
    }

    /** Builds every curve from the timeline; {@code answer} may be empty. Pure. */
    public static PlotSet of(List<LabFrame> timeline, CellGrid answer) {
        return new PlotSet(
                curve(timeline, f -> f.kind() == UpdateKind.L, LabFrame::residualL),
                curve(timeline, f -> f.kind() == UpdateKind.H, LabFrame::residualH),
                curve(timeline, LabFrame::segmentEnd, LabFrame::haltProbability),
                curve(timeline, LabFrame::segmentEnd, LabFrame::continueProbability),
                answer.isEmpty() ? empty() : curve(timeline, f -> true, f -> accuracy(f.decoded(), answer)),
                timeline.stream().filter(LabFrame::segmentEnd).mapToDouble(LabFrame::index).toArray());
    }

    /** Fraction of cells equal to the answer; 0 when the shapes differ. */
    public static double accuracy(CellGrid decoded, CellGrid answer) {
        if (decoded.rows() != answer.rows() || decoded.cols() != answer.cols() || answer.isEmpty()) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < answer.size(); i++) {
            same += decoded.at(i) == answer.at(i) ? 1 : 0;
        }
        return same / (double) answer.size();
    }

    private static Curve curve(List<LabFrame> timeline, java.util.function.Predicate<LabFrame> keep,
                               java.util.function.ToDoubleFunction<LabFrame> y) {
        var kept = timeline.stream().filter(keep).toList();
        double[] xs = new double[kept.size()];
        double[] ys = new double[kept.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = kept.get(i).index();
            ys[i] = y.applyAsDouble(kept.get(i));
        }
        return new Curve(xs, ys);
    }
}
