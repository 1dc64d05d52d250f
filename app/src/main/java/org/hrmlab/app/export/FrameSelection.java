package org.hrmlab.app.export;

import java.util.List;
import java.util.Objects;

import org.hrmlab.app.engine.LabFrame;

/**
 * The frames of an animation: the updates {@code from..to} (inclusive, by update index) that {@code filter} keeps.
 *
 * @param to the last update, or {@link #LAST} for the end of the run
 */
public record FrameSelection(FrameFilter filter, int from, int to) {
    /** Stands for the last recorded update. */
    public static final int LAST = Integer.MAX_VALUE;

    public FrameSelection {
        Objects.requireNonNull(filter, "filter");
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("the update range must satisfy 0 <= from <= to, got " + from + ".."
                    + to);
        }
    }

    /** Every update {@code filter} keeps. */
    public static FrameSelection of(FrameFilter filter) {
        return new FrameSelection(filter, 0, LAST);
    }

    /** The frames of {@code timeline} (in update order) that this selection keeps. */
    public List<LabFrame> select(List<LabFrame> timeline) {
        return timeline.stream().filter(f -> f.index() >= from && f.index() <= to && filter.keeps(f)).toList();
    }
}
