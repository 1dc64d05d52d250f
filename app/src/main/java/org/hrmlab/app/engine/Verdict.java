package org.hrmlab.app.engine;

/** Whether the decoded grid equals the known answer. */
public enum Verdict {
    RIGHT, WRONG, UNKNOWN
}
