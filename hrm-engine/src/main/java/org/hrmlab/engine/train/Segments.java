package org.hrmlab.engine.train;

import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.model.HrmState;

/** The update order of one ACT segment on the fast forward model (hrm-reference.md §1.6). */
final class Segments {
    private Segments() {
    }

    /** Every update of a segment except the last L- and the last H-update (the no-grad part). */
    static void allButLastStep(HrmModel model, HrmState st) {
        var c = model.config();
        for (int h = 0; h < c.hCycles(); h++) {
            for (int l = 0; l < c.lCycles(); l++) {
                if (h < c.hCycles() - 1 || l < c.lCycles() - 1) {
                    model.lUpdate(st);
                }
            }
            if (h < c.hCycles() - 1) {
                model.hUpdate(st);
            }
        }
    }

    /** A whole segment: {@code N·T} L-updates and {@code N} H-updates. */
    static void full(HrmModel model, HrmState st) {
        allButLastStep(model, st);
        model.lUpdate(st);
        model.hUpdate(st);
    }
}
