package org.hrmlab.app.engine;

import java.util.List;

/**
 * The mean-pooled zL and zH of every recorded update of one run, prefix positions excluded: the samples behind the
 * inspector's PCA trajectories. Immutable; the state vectors are shared between snapshots of the same run and never
 * modified (do not modify them either).
 *
 * @param generation  which run: every start (puzzle, model or override change) makes a new generation
 * @param zL          zL mean-pooled over kept positions, one {@code [hidden]} vector per update; index = update index
 *                    (0 = the initial state)
 * @param zH          zH, same layout
 * @param segmentEnds the update indices that end an ACT segment, ascending
 * @param prefix      the leading (puzzle-embedding) positions left out of the mean
 */
public record PooledTrajectory(long generation, List<double[]> zL, List<double[]> zH, int[] segmentEnds,
        int prefix) {

    /** Copies the lists (not the vectors) and checks that both latents cover the same updates. */
    public PooledTrajectory {
        zL = List.copyOf(zL);
        zH = List.copyOf(zH);
        if (zL.size() != zH.size()) {
            throw new IllegalArgumentException("zL has " + zL.size() + " updates, zH " + zH.size());
        }
        segmentEnds = segmentEnds.clone();
    }

    /** An empty trajectory of run {@code generation} (no model or puzzle yet). */
    public static PooledTrajectory empty(long generation) {
        return new PooledTrajectory(generation, List.of(), List.of(), new int[0], 0);
    }

    /** @return the number of recorded updates, counting the initial state */
    public int updates() {
        return zL.size();
    }

    /** @return the hidden size, 0 when empty */
    public int hidden() {
        return zL.isEmpty() ? 0 : zL.get(0).length;
    }

    @Override
    public int[] segmentEnds() {
        return segmentEnds.clone();
    }
}
