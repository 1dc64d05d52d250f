package org.hrmlab.app.compare;

import org.hrmlab.app.inspector.PlotSet;

/**
 * What one slot's plots draw, as an immutable snapshot that grows with its run: the forward residuals (against the
 * update index; {@link PlotSet#continues} tells what is new), the Q logits per segment, and the run's schedule.
 *
 * @param plots             residuals of every recorded update
 * @param q                 the Q logits per segment
 * @param updatesPerSegment H_cycles × (L_cycles + 1) of this run; 1 without a run
 * @param maxSegments       the run's segment limit
 * @param recorded          updates recorded, counting the initial state
 * @param halted            whether the run is over
 */
public record SlotTrace(PlotSet plots, SegmentQ q, int updatesPerSegment, int maxSegments, int recorded,
                        boolean halted) {
    /** No run. */
    public static final SlotTrace EMPTY = new SlotTrace(PlotSet.EMPTY, SegmentQ.EMPTY, 1, 0, 0, false);

    /** @return the segments the run spans on the plots: what it recorded once halted, its limit while it runs */
    public int spanSegments() {
        int done = recorded <= 1 ? 0 : (recorded - 2) / updatesPerSegment + 1;
        return halted ? done : Math.max(done, maxSegments);
    }
}
