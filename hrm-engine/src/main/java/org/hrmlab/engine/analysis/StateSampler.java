package org.hrmlab.engine.analysis;

/**
 * Turns one recorded state {@code [positions, hidden]} into sample rows for a {@link SampleUnit}, keeping only the
 * given positions.
 */
public final class StateSampler {
    private final SampleUnit unit;
    private final int[] kept;
    private final int hidden;

    /**
     * @param unit   what a sample is
     * @param kept   the kept position indices (not modified)
     * @param hidden the hidden size
     */
    public StateSampler(SampleUnit unit, int[] kept, int hidden) {
        if (kept.length == 0) {
            throw new IllegalArgumentException("no positions kept");
        }
        this.unit = unit;
        this.kept = kept.clone();
        this.hidden = hidden;
    }

    /** @return rows produced per state */
    public int rowsPerState() {
        return unit == SampleUnit.PER_TOKEN ? kept.length : 1;
    }

    /** @return the dimension D of one row */
    public int dimension() {
        return unit == SampleUnit.FLATTENED ? kept.length * hidden : hidden;
    }

    /**
     * Writes the rows of one state.
     *
     * @param state  {@code [positions, hidden]} starting at {@code offset}; not modified
     * @param out    receives {@code [rowsPerState, dimension]} at {@code outOffset}; modified
     */
    public void rows(float[] state, int offset, float[] out, int outOffset) {
        switch (unit) {
            case PER_TOKEN, FLATTENED -> {
                for (int k = 0; k < kept.length; k++) {
                    System.arraycopy(state, offset + kept[k] * hidden, out, outOffset + k * hidden, hidden);
                }
            }
            case MEAN_POOLED -> {
                double[] mean = meanPooled(state, offset);
                for (int i = 0; i < hidden; i++) {
                    out[outOffset + i] = (float) mean[i];
                }
            }
            default -> throw new IllegalStateException(unit.name());
        }
    }

    /**
     * @param state {@code [positions, hidden]} starting at {@code offset}; not modified
     * @return the mean over kept positions {@code [hidden]}
     */
    public double[] meanPooled(float[] state, int offset) {
        double[] mean = new double[hidden];
        for (int p : kept) {
            int base = offset + p * hidden;
            for (int i = 0; i < hidden; i++) {
                mean[i] += state[base + i];
            }
        }
        for (int i = 0; i < hidden; i++) {
            mean[i] /= kept.length;
        }
        return mean;
    }
}
