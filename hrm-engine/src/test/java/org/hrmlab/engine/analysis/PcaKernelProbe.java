package org.hrmlab.engine.analysis;

import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Run in a child JVM by {@link PcaKernelIndependenceTest}, with {@code OPENBLAS_CORETYPE} naming the OpenBLAS kernels
 * to load (they are chosen once, when the library loads). Fits the same data by both routes and prints, one line per
 * axis, {@code <case> <route> <component> <loadings…>} for the covariance route, the Gram route and a reference
 * computed in Java (commons-math, no native code) from the same covariance matrix, signs fixed by the same rule.
 */
final class PcaKernelProbe {
    /** Components fitted per case. */
    static final int COMPONENTS = 3;
    /** The cases, each {D, N, seed}: D ≫ N as where the Gram route is used, and D &lt; N. */
    static final int[][] CASES = {{300, 80, 15}, {200, 260, 21}};

    private PcaKernelProbe() {
    }

    public static void main(String[] args) {
        for (int[] c : CASES) {
            int d = c[0];
            int n = c[1];
            double[] sd = new double[d];
            for (int i = 0; i < d; i++) {
                sd[i] = 1.0 / Math.sqrt(1 + i);
            }
            float[] x = SyntheticData.samples(n, sd, null, 1.0, c[2]);
            String name = d + "x" + n;
            try (CovarianceAccumulator cov = new CovarianceAccumulator(d); GramAccumulator gram = new GramAccumulator(d)) {
                cov.add(x, 0, n);
                gram.add(x, 0, n);
                print(name, "covariance", cov.fitPca(COMPONENTS, "cov").components());
                print(name, "gram", gram.fitPca(COMPONENTS, "gram").components());
                print(name, "reference", reference(cov.covariance(), d));
            }
        }
        System.out.println("done");
    }

    private static double[][] reference(double[] covariance, int d) {
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(covariance, i * d, a[i], 0, d);
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
        double[][] axes = new double[COMPONENTS][];
        for (int j = 0; j < COMPONENTS; j++) {
            axes[j] = eigen.getEigenvector(j).toArray();
        }
        PcaFit.fixSignsInPlace(axes);
        return axes;
    }

    private static void print(String name, String route, double[][] axes) {
        for (int c = 0; c < axes.length; c++) {
            StringBuilder line = new StringBuilder(name).append(' ').append(route).append(' ').append(c);
            for (double v : axes[c]) {
                line.append(' ').append(String.format(Locale.ROOT, "%.17g", v));
            }
            System.out.println(line);
        }
    }
}
