package org.hrmlab.app.shell;

/** A message for the user: one line, with a severity. */
public record Notice(Level level, String message) {
    /** How serious a notice is. */
    public enum Level {
        INFO, ERROR
    }
}
