package org.hrmlab.app.engine;

/**
 * What the PCA panel draws: both latents' trajectories on their first two principal components, from one fit per
 * latent on all recorded updates of the run. Immutable: arrays are copied in and out.
 *
 * @param generation  the run (see {@link PooledTrajectory#generation()})
 * @param updates     recorded updates, counting the initial state (the number of points of each trajectory)
 * @param samples     N, the number of fitted samples (every L- and H-update; the initial state is projected only)
 * @param zL          zL's projection, null when there are too few samples to fit
 * @param zH          zH's projection, null likewise
 * @param segmentEnds the update indices that end an ACT segment, ascending
 * @param fitLabel    what was fitted, for captions and exports
 */
public record TrajectoryPca(long generation, int updates, int samples, Projection zL, Projection zH,
        int[] segmentEnds, String fitLabel) {

    /** The smallest number of fitted updates for a two-component fit. */
    public static final int MIN_SAMPLES = 3;

    /**
     * One latent's trajectory on its first two principal components.
     *
     * @param pc1      PC1 coordinate of every update {@code [updates]}, index = update index
     * @param pc2      PC2 coordinate likewise (0 everywhere when the states span only one direction)
     * @param variance explained variance of PC1 and PC2 {@code [2]} (covariance eigenvalues, divisor N − 1)
     * @param ratio    their shares of the total variance {@code [2]}
     */
    public record Projection(double[] pc1, double[] pc2, double[] variance, double[] ratio) {
        public Projection {
            if (pc1.length != pc2.length || variance.length != 2 || ratio.length != 2) {
                throw new IllegalArgumentException("pc1/pc2 lengths differ or not two components");
            }
            pc1 = pc1.clone();
            pc2 = pc2.clone();
            variance = variance.clone();
            ratio = ratio.clone();
        }

        @Override
        public double[] pc1() {
            return pc1.clone();
        }

        @Override
        public double[] pc2() {
            return pc2.clone();
        }

        @Override
        public double[] variance() {
            return variance.clone();
        }

        @Override
        public double[] ratio() {
            return ratio.clone();
        }
    }

    public TrajectoryPca {
        segmentEnds = segmentEnds.clone();
    }

    /** Nothing to draw yet: {@code updates} recorded, too few to fit. */
    public static TrajectoryPca notFitted(long generation, int updates, int[] segmentEnds) {
        return new TrajectoryPca(generation, updates, Math.max(0, updates - 1), null, null, segmentEnds, "");
    }

    /** @return whether both projections are there */
    public boolean fitted() {
        return zL != null && zH != null;
    }

    /** @return one latent's projection by its short name, {@code "zL"} or {@code "zH"} */
    public Projection projection(String latent) {
        return switch (latent) {
            case "zL" -> zL;
            case "zH" -> zH;
            default -> throw new IllegalArgumentException("no latent " + latent);
        };
    }

    @Override
    public int[] segmentEnds() {
        return segmentEnds.clone();
    }
}
