package org.hrmlab.app.inspector;

import java.util.ArrayList;
import java.util.List;

import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.engine.Verdict;
import org.hrmlab.viz.fx.TimelineMarker;

/** Timeline marks from recorded frames: H-updates, segment ends, the halt and the first right answer. Pure. */
public final class TimelineMarkers {
    private TimelineMarkers() {
    }

    public static List<TimelineMarker> of(List<LabFrame> timeline) {
        var out = new ArrayList<TimelineMarker>();
        boolean correctSeen = false;
        for (var f : timeline) {
            if (f.kind() == UpdateKind.H && !f.segmentEnd()) {
                out.add(new TimelineMarker(f.index(), TimelineMarker.Kind.H_UPDATE));
            }
            if (f.segmentEnd()) {
                out.add(new TimelineMarker(f.index(), TimelineMarker.Kind.SEGMENT_END));
            }
            if (f.halted()) {
                out.add(new TimelineMarker(f.index(), TimelineMarker.Kind.HALT));
            }
            if (!correctSeen && f.verdict() == Verdict.RIGHT) {
                correctSeen = true;
                out.add(new TimelineMarker(f.index(), TimelineMarker.Kind.FIRST_CORRECT));
            }
        }
        return out;
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
}
