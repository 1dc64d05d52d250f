package org.hrmlab.app.inspector;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.engine.Verdict;
import org.hrmlab.viz.fx.TimelineMarker;

/**
 * Timeline marks from recorded frames: H-updates, segment ends, the halt and the first right answer. {@link #of} is
 * pure; a {@link Log} appends the marks of each new update in order and hands out immutable snapshots.
 */
public final class TimelineMarkers {
    private TimelineMarkers() {
    }

    public static List<TimelineMarker> of(List<LabFrame> timeline) {
        var log = new Log();
        timeline.forEach(log::add);
        return log.snapshot();
    }

    /** Index of the first frame whose decoded answer is right, or -1. */
    public static int firstCorrect(List<LabFrame> timeline) {
        for (var f : timeline) {
            if (f.verdict() == Verdict.RIGHT) {
                return f.index();
            }
        }
        return -1;
    }

    /** The marks of one run, appended update by update (constant work per update). Single-threaded. */
    public static final class Log {
        private TimelineMarker[] marks = new TimelineMarker[16];
        private int size;
        private boolean correctSeen;

        /** Appends the marks of {@code f}, the run's next update. */
        public void add(LabFrame f) {
            if (f.kind() == UpdateKind.H && !f.segmentEnd()) {
                append(new TimelineMarker(f.index(), TimelineMarker.Kind.H_UPDATE));
            }
            if (f.segmentEnd()) {
                append(new TimelineMarker(f.index(), TimelineMarker.Kind.SEGMENT_END));
            }
            if (f.halted()) {
                append(new TimelineMarker(f.index(), TimelineMarker.Kind.HALT));
            }
            if (!correctSeen && f.verdict() == Verdict.RIGHT) {
                correctSeen = true;
                append(new TimelineMarker(f.index(), TimelineMarker.Kind.FIRST_CORRECT));
            }
        }

        private void append(TimelineMarker m) {
            if (size == marks.length) {
                marks = Arrays.copyOf(marks, size * 2);
            }
            marks[size++] = m;
        }

        /** The marks so far, as an immutable list that later appends do not change. */
        public Snapshot snapshot() {
            return new Snapshot(this, size);
        }
    }

    /** The marks of a run up to some update: an immutable view of its {@link Log}. */
    public static final class Snapshot extends AbstractList<TimelineMarker> implements RandomAccess {
        private final Log log;
        private final int size;

        private Snapshot(Log log, int size) {
            this.log = log;
            this.size = size;
        }

        @Override
        public TimelineMarker get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return log.marks[index];
        }

        @Override
        public int size() {
            return size;
        }

        /** Whether this list is {@code earlier} with more marks of the same run appended. */
        public boolean continues(List<TimelineMarker> earlier) {
            return earlier instanceof Snapshot s && s.log == log && s.size <= size;
        }

        /**
         * As {@link List#equals}, in constant time against a snapshot of the same log (what a property holding the
         * marks compares on every update).
         */
        @Override
        public boolean equals(Object o) {
            if (o instanceof Snapshot s && s.log == log) {
                return s.size == size;
            }
            return super.equals(o);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
