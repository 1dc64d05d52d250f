package org.hrmlab.engine.analysis;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trace directory that cannot be analysed: a missing file, inconsistent shapes, an unreadable step list.
 * The message is one line naming the file and the problem; the CLI prints it and exits with status 2.
 */
public final class TraceFormatException extends IOException {
    private final transient Path file;

    /**
     * @param file    the offending file or directory
     * @param problem what is wrong, in a few words
     */
    public TraceFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** @return the file or directory the problem was found in */
    public Path file() {
        return file;
    }
}
