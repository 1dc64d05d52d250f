package org.hrmlab.puzzles.io;

import java.io.IOException;
import java.nio.file.Path;

/** A {@code .npy} file that cannot be read: the message names the file and what is wrong with it. */
public final class NpyFormatException extends IOException {
    /**
     * @param file    the offending file
     * @param problem what is wrong, in a few words
     */
    public NpyFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
