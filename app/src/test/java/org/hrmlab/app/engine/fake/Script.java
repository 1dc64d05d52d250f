package org.hrmlab.app.engine.fake;

import org.hrmlab.app.puzzle.CellGrid;

/** What a scripted model "decodes" at script time {@code s}, measured in segments from the start. */
interface Script {
    /** The decoded grid and its per-cell confidence at script time {@code s >= 0}. */
    Decoded decode(double s);

    /** Script time at which the decoded grid first equals the answer (infinity if never). */
    double solvedAt();

    /** The grid a right answer decodes to, or {@link CellGrid#EMPTY} when unknown. */
    CellGrid answer();

    /** A decoded grid with confidence. */
    record Decoded(CellGrid grid, float[] confidence) {
    }
}
