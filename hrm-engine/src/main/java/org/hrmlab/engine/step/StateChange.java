package org.hrmlab.engine.step;

/**
 * How much a latent state moved at one update, position by position: the L2 norm over the hidden axis of
 * {@code z_t − z_{t−1}}. Where the relative change of {@link StepSnapshot#changeL()} is one number per update, this is
 * one number per grid position, so a board can show where in the grid the model is working. Pure.
 */
public final class StateChange {
    private StateChange() {
    }

    /**
     * Per-position change of a state, the puzzle-embedding prefix left out. Summed in double precision.
     *
     * @param now            {@code [positions·hidden]} the state after the update (not modified)
     * @param before         {@code [positions·hidden]} the state before it (not modified)
     * @param hidden         the state width
     * @param prefixPositions leading positions to leave out (the puzzle-embedding prefix)
     * @return {@code [positions − prefixPositions]}: {@code ‖now_p − before_p‖₂} for each grid position {@code p}
     * @throws IllegalArgumentException if the shapes disagree
     */
    public static float[] perPosition(float[] now, float[] before, int hidden, int prefixPositions) {
        if (hidden < 1 || now.length != before.length || now.length % hidden != 0) {
            throw new IllegalArgumentException("states of " + now.length + " and " + before.length
                    + " values are not [positions, " + hidden + "]");
        }
        int positions = now.length / hidden;
        if (prefixPositions < 0 || prefixPositions > positions) {
            throw new IllegalArgumentException("prefix of " + prefixPositions + " positions in a state of "
                    + positions);
        }
        float[] out = new float[positions - prefixPositions];
        for (int p = 0; p < out.length; p++) {
            int o = (p + prefixPositions) * hidden;
            double sum = 0;
            for (int k = o; k < o + hidden; k++) {
                double d = now[k] - before[k];
                sum += d * d;
            }
            out[p] = (float) Math.sqrt(sum);
        }
        return out;
    }
}
