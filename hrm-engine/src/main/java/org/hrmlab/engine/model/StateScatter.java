package org.hrmlab.engine.model;

/**
 * Per-token samples drawn from a batch's states (zL or zH at chosen positions of chosen rows), summarised in float64
 * where the states live: on the host for the CPU engine, in device memory on a GPU, so that statistics over thousands
 * of trajectories never copy the states themselves. Made by {@link HrmModel#newScatter}; one thread.
 */
public interface StateScatter extends AutoCloseable {
    /**
     * Adds the vectors of zL (or zH) at the scatter's positions for batch rows {@code from ≤ b < to}.
     *
     * @param state a state of the model that made this scatter
     */
    void add(HrmState state, boolean zH, int from, int to);

    /** @return the moments of everything added so far */
    Moments moments();

    /**
     * @param positions the positions (prefix included in the numbering) whose vectors are the samples
     * @return a scatter on the host, for any backend (it copies each row's state out)
     */
    static StateScatter onHost(org.hrmlab.engine.HrmConfig config, int[] positions) {
        return new HostStateScatter(config, positions);
    }

    /** Releases device memory; idempotent. */
    @Override
    void close();
}
