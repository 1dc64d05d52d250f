package org.hrmlab.engine.analysis;

/**
 * One point of PR versus the number of trajectories.
 *
 * @param trajectories how many trajectories the samples came from
 * @param latent       which state
 * @param pr           the participation ratio (with N and D)
 */
public record PrCurvePoint(int trajectories, Latent latent, ParticipationRatio pr) {
}
