package org.hrmlab.engine.analysis;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/** Streams chosen steps of a trace, reading runs of consecutive steps at once (at most {@link #MAX_RUN}). */
final class StateStream {
    /** The most steps read in one go. */
    static final int MAX_RUN = 16;

    /** Receives each chosen step's states. */
    interface Visitor {
        /**
         * @param step   the step index
         * @param states per latent, a buffer holding {@code [run, positions, hidden]}; not to be kept or modified
         * @param offset where this step's state starts in each buffer
         */
        void visit(int step, Map<Latent, float[]> states, int offset) throws IOException;
    }

    private StateStream() {
    }

    static void forEach(TraceReader trace, int[] steps, Visitor visitor) throws IOException {
        int stateSize = trace.positions() * trace.hidden();
        int i = 0;
        while (i < steps.length) {
            int j = i + 1;
            while (j < steps.length && j - i < MAX_RUN && steps[j] == steps[j - 1] + 1) {
                j++;
            }
            Map<Latent, float[]> states = new EnumMap<>(Latent.class);
            for (Latent latent : Latent.values()) {
                states.put(latent, trace.states(latent, steps[i], j - i));
            }
            for (int k = i; k < j; k++) {
                visitor.visit(steps[k], states, (k - i) * stateSize);
            }
            i = j;
        }
    }
}
