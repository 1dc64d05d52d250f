package org.hrmlab.cuda;

import org.hrmlab.engine.model.HrmState;
import org.hrmlab.engine.model.Moments;
import org.hrmlab.engine.model.StateScatter;

/**
 * {@link StateScatter} in device memory: the samples of each call are gathered, shifted and widened to float64 on the
 * GPU in chunks, their sums added by a kernel and their products by {@code cublasDsyrk}; only the D + D² sums come back
 * to the host, when the moments are asked for.
 */
final class CudaStateScatter implements StateScatter {
    /** Samples gathered per chunk (bounds the float64 buffer: 32,768 × 512 × 8 bytes = 128 MiB). */
    static final int CHUNK_SAMPLES = 1 << 15;

    private final CudaContext ctx;
    private final int hidden;
    private final int seq;
    private final int nPositions;
    private final DeviceArray positions;
    private final DeviceArray shift;
    private final DeviceArray sum;
    private final DeviceArray products;
    private final DeviceArray samples;
    private final int chunkRows;
    private final int firstPosition;
    private double[] shiftHost;
    private long count;
    private boolean closed;

    CudaStateScatter(CudaContext ctx, int seq, int hidden, int[] positions) {
        this.ctx = ctx;
        this.hidden = hidden;
        this.seq = seq;
        this.nPositions = positions.length;
        this.chunkRows = Math.max(1, CHUNK_SAMPLES / Math.max(1, positions.length));
        this.firstPosition = positions.length > 0 ? positions[0] : 0;
        DeviceArray p = null;
        DeviceArray sh = null;
        DeviceArray su = null;
        DeviceArray pr = null;
        DeviceArray sa = null;
        try {
            p = ctx.uploadInts(positions);
            sh = ctx.allocateDoubles(hidden);
            su = ctx.allocateDoubles(hidden);
            pr = ctx.allocateDoubles((long) hidden * hidden);
            sa = ctx.allocateDoubles((long) chunkRows * positions.length * hidden);
            ctx.driver.fill32(su.pointer(), 0, su.length());
            ctx.driver.fill32(pr.pointer(), 0, pr.length());
        } catch (CudaException e) {
            for (DeviceArray a : new DeviceArray[] {p, sh, su, pr, sa}) {
                ctx.free(a);
            }
            throw e;
        }
        this.positions = p;
        this.shift = sh;
        this.sum = su;
        this.products = pr;
        this.samples = sa;
    }

    @Override
    public void add(HrmState state, boolean zH, int from, int to) {
        if (closed) {
            throw new IllegalStateException("this scatter was closed");
        }
        if (!(state instanceof CudaHrmState st) || st.ctx != ctx) {
            throw new IllegalArgumentException("the state is not on this GPU");
        }
        ctx.enter();
        DeviceArray z = zH ? st.zH() : st.zL();
        if (shiftHost == null && from < to) {
            float[] first = new float[hidden];
            ctx.download(z.at(((long) from * seq + firstPosition) * hidden), first, 0, hidden);
            shiftHost = new double[hidden];
            for (int i = 0; i < hidden; i++) {
                shiftHost[i] = first[i];
            }
            ctx.uploadDoubles(shiftHost, shift.pointer());
        }
        for (int r0 = from; r0 < to; r0 += chunkRows) {
            int rows = Math.min(chunkRows, to - r0);
            long n = (long) rows * nPositions;
            ctx.kernels.elementwise("gather_shifted", n * hidden, z.pointer(), samples.pointer(), positions.pointer(),
                    nPositions, r0, rows, seq, hidden, shift.pointer());
            ctx.kernels.launch("column_sums_add", (hidden + Kernels.THREADS - 1) / Kernels.THREADS, Kernels.THREADS,
                    samples.pointer(), n, hidden, sum.pointer());
            ctx.blas.addGram(samples.pointer(), n, hidden, products.pointer());
            count += n;
        }
    }

    @Override
    public Moments moments() {
        ctx.enter();
        double[] s = new double[hidden];
        double[] c = new double[hidden * hidden];
        ctx.downloadDoubles(sum.pointer(), s);
        ctx.downloadDoubles(products.pointer(), c);
        for (int i = 0; i < hidden; i++) {
            for (int j = i + 1; j < hidden; j++) {
                c[i * hidden + j] = c[j * hidden + i];
            }
        }
        return Moments.ofShiftedSums(count, shiftHost == null ? new double[hidden] : shiftHost, s, c);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            ctx.enter();
            for (DeviceArray a : new DeviceArray[] {positions, shift, sum, products, samples}) {
                ctx.free(a);
            }
        }
    }
}
