package org.hrmlab.app.compare;

/**
 * The Compare screen's one cursor, aligned by ACT segment: a segment and a position within it, the fraction
 * {@code step / steps} of the segment's updates (in the schedule of the model that drives the cursor, A). Segment 0
 * is the initial state. Each model shows its latest update at or before the aligned point: in a schedule of {@code n}
 * updates per segment (H_cycles × (L_cycles + 1)) that is update {@code (segment - 1)·n + ⌊step·n / steps⌋}, so two
 * models with different schedules meet at every segment end. Pure and immutable; every method is a few integer
 * operations.
 *
 * @param segment ACT segment from 1; 0 for the initial state
 * @param step    updates of the segment done, {@code 1..steps} (0 in segment 0)
 * @param steps   updates per segment of the driving schedule, at least 1
 */
public record AlignedCursor(int segment, int step, int steps) implements Comparable<AlignedCursor> {
    /** The initial state. */
    public static final AlignedCursor START = new AlignedCursor(0, 0, 1);

    public AlignedCursor {
        if (steps < 1 || segment < 0 || step < 0 || step > steps || (segment == 0) != (step == 0)) {
            throw new IllegalArgumentException("no aligned point: segment " + segment + ", step " + step + "/"
                    + steps);
        }
        if (segment == 0) {
            steps = 1;
        }
    }

    /** The end of segment {@code segment} (the initial state for 0). */
    public static AlignedCursor endOf(int segment) {
        return segment <= 0 ? START : new AlignedCursor(segment, 1, 1);
    }

    /**
     * The point of update {@code index} in a schedule of {@code updatesPerSegment}: where that update is shown.
     */
    public static AlignedCursor ofUpdate(int index, int updatesPerSegment) {
        if (index <= 0) {
            return START;
        }
        int segment = (index - 1) / updatesPerSegment + 1;
        return new AlignedCursor(segment, index - (segment - 1) * updatesPerSegment, updatesPerSegment);
    }

    /**
     * @return the update a model with {@code updatesPerSegment} shows here (before clamping to what it recorded):
     *         its latest update at or before this point
     */
    public int updateIndex(int updatesPerSegment) {
        if (segment == 0) {
            return 0;
        }
        long within = (long) step * updatesPerSegment / steps;
        return (int) Math.min(Integer.MAX_VALUE, (long) (segment - 1) * updatesPerSegment + within);
    }

    /**
     * @return the update shown by a model with {@code updatesPerSegment} that recorded {@code recorded} updates
     *         (counting the initial state): {@link #updateIndex} clamped to the last one; -1 when none is recorded
     */
    public int shownIndex(int updatesPerSegment, int recorded) {
        return recorded <= 0 ? -1 : Math.min(updateIndex(updatesPerSegment), recorded - 1);
    }

    /** @return the position in segments: 0 at the initial state, {@code s} at the end of segment {@code s} */
    public double position() {
        return segment == 0 ? 0 : segment - 1 + step / (double) steps;
    }

    /** @return whether this point ends a segment (or is the initial state) */
    public boolean atSegmentEnd() {
        return segment == 0 || step == steps;
    }

    /** @return the next update of a schedule of {@code updatesPerSegment} after this point */
    public AlignedCursor nextUpdate(int updatesPerSegment) {
        if (segment == 0) {
            return new AlignedCursor(1, 1, updatesPerSegment);
        }
        int done = (int) ((long) step * updatesPerSegment / steps);
        return done >= updatesPerSegment ? new AlignedCursor(segment + 1, 1, updatesPerSegment)
                : new AlignedCursor(segment, done + 1, updatesPerSegment);
    }

    /** @return the last update of a schedule of {@code updatesPerSegment} before this point */
    public AlignedCursor previousUpdate(int updatesPerSegment) {
        if (segment == 0) {
            return START;
        }
        long scaled = (long) step * updatesPerSegment;
        int before = (int) (scaled / steps) - (scaled % steps == 0 ? 1 : 0);
        if (before >= 1) {
            return new AlignedCursor(segment, before, updatesPerSegment);
        }
        return endOf(segment - 1);
    }

    /** @return the next segment end after this point */
    public AlignedCursor nextSegmentEnd() {
        return endOf(atSegmentEnd() ? segment + 1 : segment);
    }

    /** @return the last segment end before this point (the initial state from the first segment) */
    public AlignedCursor previousSegmentEnd() {
        return endOf(segment - 1);
    }

    /** @return the earlier of the two points */
    public static AlignedCursor min(AlignedCursor a, AlignedCursor b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** @return the later of the two points */
    public static AlignedCursor max(AlignedCursor a, AlignedCursor b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Orders points in time: by segment, then by fraction of the segment (schedules may differ). */
    @Override
    public int compareTo(AlignedCursor o) {
        if (segment != o.segment) {
            return Integer.compare(segment, o.segment);
        }
        return Long.compare((long) step * o.steps, (long) o.step * steps);
    }

    /** Equal points in time compare equal even in other schedules ({@code 3/6} is {@code 4/8}). */
    public boolean sameTime(AlignedCursor o) {
        return compareTo(o) == 0;
    }
}
