package org.hrmlab.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Keeps the samples (float32, as recorded) and works with the N×N Gram matrix of the centred samples, for D ≫ N
 * (e.g. flattened states): the non-zero eigenvalues of the covariance are those of the centred Gram matrix divided
 * by N − 1, so no D×D matrix is ever formed. Memory: N·D floats plus N² doubles.
 */
public final class GramAccumulator implements SampleStatistics {
    /** Columns per {@code dsyrk} call. */
    private static final int COLUMN_BLOCK = 2048;

    private final int dim;
    private final List<float[]> rows = new ArrayList<>();

    /** @param dimension D, the length of one sample */
    public GramAccumulator(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        this.dim = dimension;
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public long count() {
        return rows.size();
    }

    @Override
    public void add(float[] data, int offset, int count) {
        for (int r = 0; r < count; r++) {
            float[] row = new float[dim];
            System.arraycopy(data, offset + r * dim, row, 0, dim);
            rows.add(row);
        }
    }

    /** @return the sample mean {@code [D]} */
    public double[] mean() {
        double[] m = new double[dim];
        for (float[] row : rows) {
            for (int i = 0; i < dim; i++) {
                m[i] += row[i];
            }
        }
        for (int i = 0; i < dim; i++) {
            m[i] /= rows.size();
        }
        return m;
    }

    /** @return the Gram matrix of the centred samples {@code [N, N]} row-major, full symmetric */
    public double[] centredGram() {
        int n = rows.size();
        if (n < 2) {
            throw new IllegalStateException("the covariance needs at least two samples, have " + n);
        }
        double[] mean = mean();
        double[] g = new double[n * n];
        try (DoublePointer gram = new DoublePointer((long) n * n);
                DoublePointer block = new DoublePointer((long) n * Math.min(COLUMN_BLOCK, dim))) {
            gram.fill(0);
            double[] chunk = new double[n * Math.min(COLUMN_BLOCK, dim)];
            for (int start = 0; start < dim; start += COLUMN_BLOCK) {
                int width = Math.min(COLUMN_BLOCK, dim - start);
                for (int r = 0; r < n; r++) {
                    float[] row = rows.get(r);
                    for (int j = 0; j < width; j++) {
                        chunk[r * width + j] = row[start + j] - mean[start + j];
                    }
                }
                block.put(chunk, 0, n * width);
                NativeLinearAlgebra.addGramUpper(block, n, width, false, gram);
            }
            gram.get(g);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                g[j * n + i] = g[i * n + j];
            }
        }
        return g;
    }

    @Override
    public ParticipationRatio participationRatio() {
        int n = rows.size();
        double[] g = centredGram();
        double trace = 0;
        double frob = 0;
        for (int i = 0; i < n; i++) {
            trace += g[i * n + i];
            for (int j = 0; j < n; j++) {
                frob += g[i * n + j] * g[i * n + j];
            }
        }
        return ParticipationRatio.ofMoments(trace, frob, n, dim);
    }

    @Override
    public double[] eigenvalues() {
        int n = rows.size();
        double[] all = NativeLinearAlgebra.eigenvalues(centredGram(), n);
        int keep = Math.min(n - 1, dim);
        double[] out = new double[keep];
        for (int i = 0; i < keep; i++) {
            out[i] = Math.max(0, all[i]) / (n - 1);
        }
        return out;
    }

    @Override
    public PcaFit fitPca(int components, String label) {
        int n = rows.size();
        if (components < 1 || components > Math.min(n - 1, dim)) {
            throw new IllegalArgumentException("components must be 1.." + Math.min(n - 1, dim) + ", got " + components);
        }
        double[] mean = mean();
        double[] g = centredGram();
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += g[i * n + i];
        }
        NativeLinearAlgebra.Eigenpairs pairs = NativeLinearAlgebra.largestEigenpairs(g, n, components);
        double[][] axes = new double[components][dim];
        double[] variance = new double[components];
        for (int c = 0; c < components; c++) {
            double[] u = pairs.vectors()[c];
            for (int r = 0; r < n; r++) {
                float[] row = rows.get(r);
                double w = u[r];
                for (int i = 0; i < dim; i++) {
                    axes[c][i] += w * (row[i] - mean[i]);
                }
            }
            double norm = 0;
            for (double v : axes[c]) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < dim; i++) {
                axes[c][i] /= norm;
            }
            variance[c] = pairs.values()[c] / (n - 1);
        }
        PcaFit.fixSignsInPlace(axes);
        return new PcaFit(label, mean, axes, variance, trace / (n - 1), n);
    }

    @Override
    public void close() {
        rows.clear();
    }
}
