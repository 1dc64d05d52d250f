package org.hrmlab.engine.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that cannot be loaded: truncated, hostile, inconsistent with its config, or missing a part.
 * The message is one line naming the file and the problem; the CLI prints it and exits with status 2.
 */
public final class CheckpointException extends IOException {
    private final transient Path file;
    private final String problem;

    /**
     * @param file    the offending file
     * @param problem what is wrong, in a few words
     */
    public CheckpointException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /**
     * @param file    the offending file
     * @param problem what is wrong, in a few words
     * @param cause   the underlying error
     */
    public CheckpointException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** @return what is wrong, without the file name */
    public String problem() {
        return problem;
    }

    /** @return the file the problem was found in */
    public Path file() {
        return file;
    }
}
