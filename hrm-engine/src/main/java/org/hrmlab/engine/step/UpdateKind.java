package org.hrmlab.engine.step;

/** Which module an update applies: the fast low-level L or the slow high-level H. */
public enum UpdateKind {
    /** {@code zL ← L(zL + zH + x̃)}. */
    L,
    /** {@code zH ← H(zH + zL)}. */
    H
}
