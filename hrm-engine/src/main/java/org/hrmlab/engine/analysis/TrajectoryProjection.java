package org.hrmlab.engine.analysis;

/**
 * One trajectory projected on a PCA fit: one point per chosen step.
 *
 * @param name   the trajectory's name (its trace directory)
 * @param steps  the step index of each point {@code [points]}
 * @param points the coordinates {@code [points][k]}
 * @param fit    the fit the points are projected on (shared by all trajectories of a pooled fit)
 */
public record TrajectoryProjection(String name, int[] steps, double[][] points, PcaFit fit) {
}
