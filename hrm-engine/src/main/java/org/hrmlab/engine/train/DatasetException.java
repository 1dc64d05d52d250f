package org.hrmlab.engine.train;

import java.io.IOException;
import java.nio.file.Path;

/** A dataset folder or training config that cannot be used; the one-line message names the file and the problem. */
public final class DatasetException extends IOException {
    /**
     * @param file    the offending file
     * @param problem what is wrong
     */
    public DatasetException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
