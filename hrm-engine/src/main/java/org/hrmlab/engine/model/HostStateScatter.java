package org.hrmlab.engine.model;

import org.hrmlab.engine.HrmConfig;

/**
 * {@link StateScatter} on the host: copies each row's state out and sums about the first sample in float64. Any
 * backend can use it; a GPU backend keeps the sums on the device instead.
 */
final class HostStateScatter implements StateScatter {
    private final int[] positions;
    private final int hidden;
    private final int stateSize;
    private double[] shift;
    private final double[] sum;
    private final double[] products;
    private long count;

    HostStateScatter(HrmConfig config, int[] positions) {
        this.positions = positions.clone();
        this.hidden = config.hiddenSize();
        this.stateSize = config.totalSeqLen() * hidden;
        this.sum = new double[hidden];
        this.products = new double[hidden * hidden];
    }

    @Override
    public void add(HrmState state, boolean zH, int from, int to) {
        float[] zl = new float[stateSize];
        float[] zh = new float[stateSize];
        double[] d = new double[hidden];
        for (int b = from; b < to; b++) {
            state.copyRow(b, zl, zh);
            float[] z = zH ? zh : zl;
            for (int p : positions) {
                int o = p * hidden;
                if (shift == null) {
                    shift = new double[hidden];
                    for (int i = 0; i < hidden; i++) {
                        shift[i] = z[o + i];
                    }
                }
                for (int i = 0; i < hidden; i++) {
                    d[i] = z[o + i] - shift[i];
                    sum[i] += d[i];
                }
                for (int i = 0; i < hidden; i++) {
                    double di = d[i];
                    int row = i * hidden;
                    for (int j = i; j < hidden; j++) {
                        products[row + j] += di * d[j];
                    }
                }
                count++;
            }
        }
    }

    @Override
    public Moments moments() {
        double[] full = products.clone();
        for (int i = 0; i < hidden; i++) {
            for (int j = 0; j < i; j++) {
                full[i * hidden + j] = full[j * hidden + i];
            }
        }
        return Moments.ofShiftedSums(count, shift == null ? new double[hidden] : shift, sum, full);
    }

    @Override
    public void close() {
    }
}
