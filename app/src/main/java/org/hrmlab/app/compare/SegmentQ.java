package org.hrmlab.app.compare;

import java.util.Arrays;

import org.hrmlab.engine.HaltRule;

/**
 * The Q head's logits at each segment end of one run, and whether the model's rule halts there: what the Compare
 * screen plots per segment. An immutable snapshot of a {@link Builder}, which appends one segment at a time; a
 * snapshot sees only the segments it was taken with. Index {@code s - 1} holds segment {@code s}.
 */
public final class SegmentQ {
    /** No segment yet. */
    public static final SegmentQ EMPTY = new Builder(HaltRule.HALT_ABOVE_CONTINUE).snapshot();

    private final Builder source;
    private final int size;
    private final HaltRule rule;

    private SegmentQ(Builder b) {
        source = b;
        size = b.size;
        rule = b.rule;
    }

    /** @return segments recorded */
    public int segments() {
        return size;
    }

    /** @return the halting rule the logits are read with */
    public HaltRule rule() {
        return rule;
    }

    /** @return q_halt at the end of segment {@code s} (from 1) */
    public double qHalt(int s) {
        return source.halt[check(s)];
    }

    /** @return q_continue at the end of segment {@code s} (from 1) */
    public double qContinue(int s) {
        return source.cont[check(s)];
    }

    /** @return whether the rule halts at the end of segment {@code s} */
    public boolean halts(int s) {
        return rule.halts(qHalt(s), qContinue(s));
    }

    /** @return the segment numbers {@code 1..segments()} as x values */
    public double[] segmentNumbers() {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    /** @return q_halt of every segment (a copy) */
    public double[] qHalts() {
        return Arrays.copyOf(source.halt, size);
    }

    /** @return q_continue of every segment (a copy) */
    public double[] qContinues() {
        return Arrays.copyOf(source.cont, size);
    }

    private int check(int s) {
        if (s < 1 || s > size) {
            throw new IndexOutOfBoundsException("segment " + s + " of " + size);
        }
        return s - 1;
    }

    /** Appends the logits of each segment end in order; one per run. FX thread. */
    public static final class Builder {
        private final HaltRule rule;
        private double[] halt = new double[8];
        private double[] cont = new double[8];
        private int size;

        public Builder(HaltRule rule) {
            this.rule = rule;
        }

        /** Appends the next segment's logits. */
        public void add(double qHalt, double qContinue) {
            if (size == halt.length) {
                halt = Arrays.copyOf(halt, size * 2);
                cont = Arrays.copyOf(cont, size * 2);
            }
            halt[size] = qHalt;
            cont[size] = qContinue;
            size++;
        }

        /** The segments appended so far; later appends do not change it. */
        public SegmentQ snapshot() {
            return new SegmentQ(this);
        }
    }
}
