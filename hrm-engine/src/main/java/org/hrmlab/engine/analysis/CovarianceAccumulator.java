package org.hrmlab.engine.analysis;

import org.bytedeco.javacpp.DoublePointer;

/**
 * Streams samples into a D×D scatter matrix in float64 (one {@code dsyrk} per block of rows), so that any number of
 * samples costs O(D²) memory. Samples are shifted by the mean of the first block before accumulating and the exact
 * mean is removed at the end (C = (S − N·d̄d̄ᵀ) / (N − 1) with d = x − shift), which keeps the centring accurate.
 */
public final class CovarianceAccumulator implements SampleStatistics {
    /** Rows per {@code dsyrk} call. */
    public static final int BLOCK_ROWS = 4096;

    private final int dim;
    private final double[] block;
    private final DoublePointer blockNative;
    private final DoublePointer scatter;
    private final double[] sumDeviation;
    private final float[] pending;
    private int pendingRows;
    private double[] shift;
    private long count;

    /** @param dimension D, the length of one sample */
    public CovarianceAccumulator(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        this.dim = dimension;
        this.block = new double[BLOCK_ROWS * dimension];
        this.blockNative = new DoublePointer((long) BLOCK_ROWS * dimension);
        this.scatter = new DoublePointer((long) dimension * dimension);
        this.scatter.fill(0);
        this.sumDeviation = new double[dimension];
        this.pending = new float[BLOCK_ROWS * dimension];
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public long count() {
        return count + pendingRows;
    }

    @Override
    public void add(float[] rows, int offset, int rowCount) {
        int done = 0;
        while (done < rowCount) {
            int take = Math.min(rowCount - done, BLOCK_ROWS - pendingRows);
            System.arraycopy(rows, offset + done * dim, pending, pendingRows * dim, take * dim);
            pendingRows += take;
            done += take;
            if (pendingRows == BLOCK_ROWS) {
                flush();
            }
        }
    }

    /** @return the sample mean {@code [D]} */
    public double[] mean() {
        flush();
        double[] m = new double[dim];
        for (int i = 0; i < dim; i++) {
            m[i] = shift[i] + sumDeviation[i] / count;
        }
        return m;
    }

    /** @return the sample covariance {@code [D, D]} row-major, full symmetric, divisor N − 1 */
    public double[] covariance() {
        flush();
        if (count < 2) {
            throw new IllegalStateException("the covariance needs at least two samples, have " + count);
        }
        double[] s = new double[dim * dim];
        scatter.get(s);
        double[] mean = new double[dim];
        for (int i = 0; i < dim; i++) {
            mean[i] = sumDeviation[i] / count;
        }
        double scale = 1.0 / (count - 1);
        for (int i = 0; i < dim; i++) {
            for (int j = i; j < dim; j++) {
                double c = (s[i * dim + j] - count * mean[i] * mean[j]) * scale;
                s[i * dim + j] = c;
                s[j * dim + i] = c;
            }
        }
        return s;
    }

    @Override
    public ParticipationRatio participationRatio() {
        double[] c = covariance();
        double trace = 0;
        double frob = 0;
        for (int i = 0; i < dim; i++) {
            trace += c[i * dim + i];
            for (int j = 0; j < dim; j++) {
                frob += c[i * dim + j] * c[i * dim + j];
            }
        }
        return ParticipationRatio.ofMoments(trace, frob, count, dim);
    }

    @Override
    public double[] eigenvalues() {
        return NativeLinearAlgebra.eigenvalues(covariance(), dim);
    }

    @Override
    public PcaFit fitPca(int components, String label) {
        if (components < 1 || components > dim) {
            throw new IllegalArgumentException("components must be 1.." + dim + ", got " + components);
        }
        double[] c = covariance();
        double trace = 0;
        for (int i = 0; i < dim; i++) {
            trace += c[i * dim + i];
        }
        NativeLinearAlgebra.Eigenpairs pairs = NativeLinearAlgebra.largestEigenpairs(c, dim, components);
        double[][] axes = pairs.vectors();
        PcaFit.fixSignsInPlace(axes);
        return new PcaFit(label, mean(), axes, pairs.values(), trace, count);
    }

    @Override
    public void close() {
        blockNative.close();
        scatter.close();
    }

    private void flush() {
        if (pendingRows == 0) {
            return;
        }
        if (shift == null) {
            shift = new double[dim];
            for (int r = 0; r < pendingRows; r++) {
                for (int i = 0; i < dim; i++) {
                    shift[i] += pending[r * dim + i];
                }
            }
            for (int i = 0; i < dim; i++) {
                shift[i] /= pendingRows;
            }
        }
        for (int r = 0; r < pendingRows; r++) {
            int base = r * dim;
            for (int i = 0; i < dim; i++) {
                double d = pending[base + i] - shift[i];
                block[base + i] = d;
                sumDeviation[i] += d;
            }
        }
        blockNative.put(block, 0, pendingRows * dim);
        NativeLinearAlgebra.addGramUpper(blockNative, pendingRows, dim, true, scatter);
        count += pendingRows;
        pendingRows = 0;
    }
}
