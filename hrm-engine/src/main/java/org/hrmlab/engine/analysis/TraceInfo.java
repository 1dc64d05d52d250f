package org.hrmlab.engine.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * What an analysis records about each trace it read (for figures and export manifests).
 *
 * @param name         the display name
 * @param directory    the trace directory
 * @param steps        the number of recorded updates
 * @param segmentEnds  the last step of each segment
 * @param prefixLength prefix positions
 * @param seqLen       puzzle positions
 * @param hidden       the hidden size
 * @param manifest     the trace's own manifest (checkpoint SHA-256, config, puzzle), or null
 */
public record TraceInfo(String name, Path directory, int steps, int[] segmentEnds, int prefixLength, int seqLen,
        int hidden, JsonNode manifest) {

    /** @return the information of an opened trace under a display name */
    public static TraceInfo of(String name, TraceReader r) {
        return new TraceInfo(name, r.directory(), r.stepCount(), r.segmentEnds(), r.prefixLength(), r.seqLen(),
                r.hidden(), r.manifest().orElse(null));
    }
}
