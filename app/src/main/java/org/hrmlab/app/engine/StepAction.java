package org.hrmlab.app.engine;

/** How far one step goes: one L-update, up to and including the next H-update, or to the end of the segment. */
public enum StepAction {
    L_UPDATE, H_UPDATE, SEGMENT
}
