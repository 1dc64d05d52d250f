package org.hrmlab.engine.analysis;

/**
 * One recorded update of a trace.
 *
 * @param index   the global update index (0-based, the row in zL.npy/zH.npy)
 * @param kind    {@code 'L'} or {@code 'H'}: which module was updated
 * @param segment the ACT segment (0-based)
 * @param hCycle  the H cycle inside the segment (0-based)
 * @param lStep   the L step inside the cycle (0-based; -1 for an H update)
 */
public record TraceStep(int index, char kind, int segment, int hCycle, int lStep) {
    /** @return whether this step updated the given latent */
    public boolean updates(Latent latent) {
        return kind == latent.updateKind();
    }
}
