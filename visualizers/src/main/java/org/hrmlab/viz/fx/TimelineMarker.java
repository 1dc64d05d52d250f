package org.hrmlab.viz.fx;

/** A mark on a {@link TimelineScrubber} at update {@code index}. */
public record TimelineMarker(int index, Kind kind) {
    /** What happened at the marked update. */
    public enum Kind {
        H_UPDATE, SEGMENT_END, HALT, FIRST_CORRECT
    }
}
