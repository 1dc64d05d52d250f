package org.hrmlab.engine.step;

/**
 * The order of updates in an ACT segment (hrm-reference.md §1.6): for each of N H-cycles, T L-updates then one
 * H-update. Update {@code i} (0-based, counted over all segments) maps to its segment, cycle and step.
 *
 * @param hCycles N, H-updates per segment
 * @param lCycles T, L-updates per H-cycle
 */
public record StepSchedule(int hCycles, int lCycles) {
    /** Checks the counts. */
    public StepSchedule {
        if (hCycles < 1 || lCycles < 1) {
            throw new IllegalArgumentException("H_cycles and L_cycles must be >= 1");
        }
    }

    /** @return updates in one segment, {@code N·(T+1)} */
    public int updatesPerSegment() {
        return hCycles * (lCycles + 1);
    }

    /** @return the kind of update {@code index} */
    public UpdateKind kind(int index) {
        return lStep(index) < 0 ? UpdateKind.H : UpdateKind.L;
    }

    /** @return the segment of update {@code index} */
    public int segment(int index) {
        return index / updatesPerSegment();
    }

    /** @return the H-cycle (0-based) of update {@code index} within its segment */
    public int hCycle(int index) {
        return (index % updatesPerSegment()) / (lCycles + 1);
    }

    /** @return the L-step (0-based) of update {@code index} within its cycle, or -1 for an H-update */
    public int lStep(int index) {
        int inCycle = (index % updatesPerSegment()) % (lCycles + 1);
        return inCycle == lCycles ? -1 : inCycle;
    }

    /** @return true if update {@code index} is the last of its segment (where Q is read) */
    public boolean endsSegment(int index) {
        return (index + 1) % updatesPerSegment() == 0;
    }
}
