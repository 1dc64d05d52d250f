package org.hrmlab.engine.cpu;

/**
 * Per-worker scratch of one engine thread for blocks of one shape: two Java staging arrays (an element-wise pass
 * copies a chunk of rows in, works on it, copies it back) and native attention-score matrices {@code [S, S]} for the
 * heads a worker is processing. Not shared between engine threads.
 */
public final class Scratch {
    /** Floats per staging array: a chunk of rows stays in the core's L2 cache. */
    static final int STAGE = 1 << 15;
    /** Passes over at most this many values (about 0.05 ms) run on the calling thread: handing them over costs more. */
    static final int SMALL = 1 << 16;

    final Workers workers;
    final float[][] a;
    final float[][] b;
    final NativeArray[] scores;
    final NativeArray[] scoreGrads;

    /**
     * @param workers  the threads that will use it
     * @param shape    the blocks' shape (positions fix the score matrices; none without attention)
     * @param backward true to hold the backward pass's score gradients too
     */
    public Scratch(Workers workers, BlockShape shape, boolean backward) {
        this.workers = workers;
        int n = workers.count();
        int s = shape.positions();
        int width = Math.max(Math.max(3 * shape.hidden(), 2 * shape.inter()), s);
        int size = Math.max(STAGE, width);
        a = new float[n][size];
        b = new float[n][size];
        scores = new NativeArray[n];
        scoreGrads = new NativeArray[n];
        for (int w = 0; w < n && shape.attention(); w++) {
            scores[w] = new NativeArray((long) s * s);
            scoreGrads[w] = backward ? new NativeArray((long) s * s) : null;
        }
    }

    /** A pass over rows {@code [from, to)} on one worker. */
    @FunctionalInterface
    interface Chunk {
        void run(int from, int to, int worker);
    }

    /**
     * Runs a pass over {@code rows} rows of width {@code width} in chunks that fit a staging array, spread over the
     * workers.
     */
    void rows(int rows, int width, Chunk body) {
        int fit = Math.max(1, a[0].length / Math.max(1, width));
        if ((long) rows * width <= SMALL && rows <= fit) {
            body.run(0, rows, 0);
            return;
        }
        int perWorker = (rows + workers.count() - 1) / workers.count();
        int chunk = Math.max(1, Math.min(fit, perWorker));
        int tasks = (rows + chunk - 1) / chunk;
        workers.run(tasks, (t, w) -> body.run(t * chunk, Math.min(rows, (t + 1) * chunk), w));
    }

    /** @return rows of {@code width} that fit one staging array */
    int fit(int width) {
        return Math.max(1, a[0].length / Math.max(1, width));
    }
}
