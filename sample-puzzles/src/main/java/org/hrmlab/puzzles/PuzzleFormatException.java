package org.hrmlab.puzzles;

import java.io.IOException;

/**
 * Input that is not a well-formed puzzle. The one-line message names the source (a file, or {@code bundled:NAME}),
 * where in it (line, row or JSON path) and what is wrong, e.g.
 * {@code tasks/x.json: $.train[0].input[3]: ragged row (5 cells, row 0 has 6)}.
 */
public final class PuzzleFormatException extends IOException {
    private final String source;
    private final String location;
    private final String problem;

    /**
     * @param source   the file or resource, as the user named it
     * @param location where in it (line, row, JSON path), or {@code null} when it is the whole source
     * @param problem  what is wrong, in a few words
     */
    public PuzzleFormatException(String source, String location, String problem) {
        super(source + (location == null || location.isEmpty() ? "" : ": " + location) + ": " + problem);
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    /** @return the file or resource that is wrong */
    public String source() {
        return source;
    }

    /** @return where in the source, or {@code null} */
    public String location() {
        return location;
    }

    /** @return what is wrong */
    public String problem() {
        return problem;
    }
}
