package org.hrmlab.app.inspector;

import java.util.Arrays;
import java.util.List;

import org.hrmlab.app.engine.FrameReader;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.puzzle.CellGrid;

/**
 * The data behind the inspector's plots, against the global update index: forward residuals of each module (only at
 * that module's updates), sigmoid Q values at segment ends, per-update token accuracy, and the segment boundaries.
 * <p>
 * An immutable snapshot of a run's {@link Builder}: the builder appends the points of new updates (work in proportion
 * to the new updates, not to the run) and hands out snapshots that share its storage; a snapshot sees only the points
 * it was taken with. {@link #continues} tells a view that a snapshot extends one it drew, so it can draw only the new
 * points.
 */
public final class PlotSet {
    /** No run. */
    public static final PlotSet EMPTY = new Builder().snapshot();

    private final Builder source;
    private final int updates;
    private final Curve residualL;
    private final Curve residualH;
    private final Curve haltProbability;
    private final Curve continueProbability;
    private final Curve accuracy;
    private final Curve segmentEnds;

    private PlotSet(Builder b) {
        source = b;
        updates = b.updates;
        residualL = b.residualL.curve();
        residualH = b.residualH.curve();
        haltProbability = b.halt.curve();
        continueProbability = b.cont.curve();
        accuracy = b.accuracy.curve();
        segmentEnds = b.segmentEnds.curve();
    }

    /** Builds every curve of {@code timeline}; {@code answer} may be empty (no accuracy then). Pure. */
    public static PlotSet of(List<LabFrame> timeline, CellGrid answer) {
        var b = new Builder();
        for (var f : timeline) {
            b.add(f, answer.isEmpty() ? Double.NaN : accuracy(f.decoded(), answer));
        }
        return b.snapshot();
    }

    /** Fraction of cells equal to the answer; 0 when the shapes differ. */
    public static double accuracy(CellGrid decoded, CellGrid answer) {
        return FrameReader.accuracy(decoded, answer);
    }

    public Curve residualL() {
        return residualL;
    }

    public Curve residualH() {
        return residualH;
    }

    public Curve haltProbability() {
        return haltProbability;
    }

    public Curve continueProbability() {
        return continueProbability;
    }

    public Curve accuracy() {
        return accuracy;
    }

    /** The update indices of the segment ends (a copy). */
    public double[] segmentEnds() {
        return segmentEnds.x();
    }

    /** The segment ends as a curve of x values (y is 0). */
    public Curve segmentEndCurve() {
        return segmentEnds;
    }

    /** Updates whose points this snapshot holds. */
    public int updates() {
        return updates;
    }

    /**
     * Whether this snapshot is {@code earlier} with the points of more updates appended (same run, every curve at
     * least as long), so that a view showing {@code earlier} only needs the points from {@code earlier}'s sizes on.
     */
    public boolean continues(PlotSet earlier) {
        return earlier != null && earlier.source == source && earlier.updates <= updates;
    }

    /** One series; NaN y values are gaps. A view of the builder's storage: its first {@link #size()} points. */
    public static final class Curve {
        private final Column xs;
        private final Column ys;
        private final int size;

        private Curve(Column xs, Column ys, int size) {
            this.xs = xs;
            this.ys = ys;
            this.size = size;
        }

        public int size() {
            return size;
        }

        public double xAt(int i) {
            return xs.get(i, size);
        }

        public double yAt(int i) {
            return ys.get(i, size);
        }

        /** The x values (a copy). */
        public double[] x() {
            return xs.copy(0, size);
        }

        /** The y values (a copy). */
        public double[] y() {
            return ys.copy(0, size);
        }

        /** x values of points {@code from..size()-1} (a copy). */
        public double[] xFrom(int from) {
            return xs.copy(from, size);
        }

        /** y values of points {@code from..size()-1} (a copy). */
        public double[] yFrom(int from) {
            return ys.copy(from, size);
        }
    }

    /**
     * Appends the points of each recorded update in order; one per run. Single-threaded (the FX thread): the work
     * per update is constant.
     */
    public static final class Builder {
        private final Series residualL = new Series();
        private final Series residualH = new Series();
        private final Series halt = new Series();
        private final Series cont = new Series();
        private final Series accuracy = new Series();
        private final Series segmentEnds = new Series();
        private int updates;

        /**
         * Appends update {@code frame} (the next one) with its token accuracy ({@code NaN}: unknown, no point).
         */
        public void add(LabFrame frame, double tokenAccuracy) {
            double x = frame.index();
            if (frame.kind() == UpdateKind.L) {
                residualL.add(x, frame.residualL());
            }
            if (frame.kind() == UpdateKind.H) {
                residualH.add(x, frame.residualH());
            }
            if (frame.segmentEnd()) {
                halt.add(x, frame.haltProbability());
                cont.add(x, frame.continueProbability());
                segmentEnds.add(x, 0);
            }
            if (!Double.isNaN(tokenAccuracy)) {
                accuracy.add(x, tokenAccuracy);
            }
            updates++;
        }

        /** The points appended so far; later appends do not change it. */
        public PlotSet snapshot() {
            return new PlotSet(this);
        }
    }

    /** x and y columns appended together. */
    private static final class Series {
        private final Column xs = new Column();
        private final Column ys = new Column();

        void add(double x, double y) {
            xs.add(x);
            ys.add(y);
        }

        Curve curve() {
            return new Curve(xs, ys, xs.size);
        }
    }

    /**
     * A growable column of doubles that is only appended to: values below a snapshot's size never change, so a
     * snapshot reads them safely while the column grows (on the same thread).
     */
    private static final class Column {
        private double[] values = new double[16];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double get(int i, int limit) {
            if (i < 0 || i >= limit) {
                throw new IndexOutOfBoundsException(i);
            }
            return values[i];
        }

        double[] copy(int from, int to) {
            return Arrays.copyOfRange(values, from, to);
        }
    }
}
