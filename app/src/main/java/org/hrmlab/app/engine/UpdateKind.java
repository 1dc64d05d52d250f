package org.hrmlab.app.engine;

/** What produced a frame: the initial state, one L-module update or one H-module update. */
public enum UpdateKind {
    INIT, L, H
}
