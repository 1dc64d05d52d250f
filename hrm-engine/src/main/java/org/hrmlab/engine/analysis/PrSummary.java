package org.hrmlab.engine.analysis;

import java.util.List;
import java.util.Map;

/**
 * Participation ratios of zL and zH over a set of trajectories, at equal N, with PR versus the number of
 * trajectories.
 *
 * @param overall      the PR of each latent over all trajectories
 * @param curve        PR at each trajectory count (ascending; the last uses all trajectories)
 * @param trajectories the number of trajectories
 * @param order        the trajectory order used for the curve (indices into the input list)
 */
public record PrSummary(Map<Latent, ParticipationRatio> overall, List<PrCurvePoint> curve, int trajectories,
        List<Integer> order) {

    /** @return PR(zH) / PR(zL), naive estimates */
    public double ratio() {
        return overall.get(Latent.Z_H).naive() / overall.get(Latent.Z_L).naive();
    }

    /** @return PR(zH) / PR(zL), corrected estimates */
    public double correctedRatio() {
        return overall.get(Latent.Z_H).corrected() / overall.get(Latent.Z_L).corrected();
    }
}
