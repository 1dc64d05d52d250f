package org.hrmlab.engine.analysis;

import java.util.List;

/**
 * PCA trajectories of one latent.
 *
 * @param latent       which state
 * @param scope        pooled or per-trajectory fits
 * @param pooledFit    the pooled fit (null for per-trajectory fits)
 * @param trajectories every trajectory's projection
 */
public record PcaTrajectories(Latent latent, PcaScope scope, PcaFit pooledFit,
        List<TrajectoryProjection> trajectories) {
}
