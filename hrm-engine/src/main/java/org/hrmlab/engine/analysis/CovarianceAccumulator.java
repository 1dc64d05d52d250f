package org.hrmlab.engine.analysis;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Streams samples into a D×D scatter matrix in float64 (one {@code dsyrk} per block of rows), so that any number of
 * samples costs O(D²) memory. Samples are shifted by the mean of the first block before accumulating and the exact
 * mean is removed at the end (C = (S − N·d̄d̄ᵀ) / (N − 1) with d = x − shift), which keeps the centring accurate.
 * With {@link Precision#MIXED} each block's product is formed in float32 and added to the float64 sums.
 */
public final class CovarianceAccumulator implements SampleStatistics {
    /** The most rows per {@code dsyrk} call. */
    public static final int MAX_BLOCK_ROWS = 4096;
    /** The most values buffered per block (bounds memory for large D). */
    private static final int BLOCK_VALUES = 1 << 22;

    private final int dim;
    private final int blockRows;
    private final double[] block;
    private final DoublePointer blockNative;
    private final DoublePointer scatter;
    private final Precision precision;
    private final FloatPointer blockFloat;
    private final FloatPointer blockScatter;
    private final float[] blockProduct;
    private final double[] sumDeviation;
    private final float[] pending;
    private int pendingRows;
    private double[] shift;
    private long count;

    /** @param dimension D, the length of one sample */
    public CovarianceAccumulator(int dimension) {
        this(dimension, Precision.FLOAT64);
    }

    /**
     * @param dimension D, the length of one sample
     * @param precision the arithmetic of the block products
     */
    public CovarianceAccumulator(int dimension, Precision precision) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        this.dim = dimension;
        this.blockRows = Math.max(1, Math.min(MAX_BLOCK_ROWS, BLOCK_VALUES / dimension));
        this.precision = precision;
        boolean mixed = precision == Precision.MIXED;
        this.block = mixed ? null : new double[blockRows * dimension];
        this.blockNative = mixed ? null : new DoublePointer((long) blockRows * dimension);
        this.blockFloat = mixed ? new FloatPointer((long) blockRows * dimension) : null;
        this.blockScatter = mixed ? new FloatPointer((long) dimension * dimension) : null;
        this.blockProduct = mixed ? new float[dimension * dimension] : null;
        this.scatter = new DoublePointer((long) dimension * dimension);
        this.scatter.fill(0);
        this.sumDeviation = new double[dimension];
        this.pending = new float[blockRows * dimension];
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
            int take = Math.min(rowCount - done, blockRows - pendingRows);
            System.arraycopy(rows, offset + done * dim, pending, pendingRows * dim, take * dim);
            pendingRows += take;
            done += take;
            if (pendingRows == blockRows) {
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
        if (blockNative != null) {
            blockNative.close();
        }
        if (blockFloat != null) {
            blockFloat.close();
            blockScatter.close();
        }
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
        if (precision == Precision.MIXED) {
            flushMixed();
        } else {
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
        }
        count += pendingRows;
        pendingRows = 0;
    }

    private void flushMixed() {
        for (int r = 0; r < pendingRows; r++) {
            int base = r * dim;
            for (int i = 0; i < dim; i++) {
                double d = pending[base + i] - shift[i];
                pending[base + i] = (float) d;
                sumDeviation[i] += d;
            }
        }
        blockFloat.put(pending, 0, pendingRows * dim);
        NativeLinearAlgebra.gramUpperFloat(blockFloat, pendingRows, dim, blockScatter);
        blockScatter.get(blockProduct);
        double[] s = new double[dim * dim];
        scatter.get(s);
        for (int i = 0; i < dim; i++) {
            for (int j = i; j < dim; j++) {
                s[i * dim + j] += blockProduct[i * dim + j];
            }
        }
        scatter.put(s);
    }
}
