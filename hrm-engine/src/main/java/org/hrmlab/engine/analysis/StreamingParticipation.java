package org.hrmlab.engine.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.model.HrmState;
import org.hrmlab.engine.model.Moments;
import org.hrmlab.engine.model.StateScatter;

/**
 * Participation ratios and pooled PCA of zL and zH over many trajectories without writing a trace: the model runs
 * the puzzles in batches (every segment, no early halt, as a trace does) and each selected update's per-token vectors
 * at the grid positions go straight into float64 moments kept where the states live ({@link StateScatter}: device
 * memory on a GPU). Same definitions as {@link ParticipationAnalysis} — per-token samples, prefix excluded, zL and zH
 * at the same updates (equal N), PR versus the number of trajectories in the seeded order — for puzzles without PAD
 * positions (Sudoku, mazes).
 */
public final class StreamingParticipation {
    /** The reference's PAD token, excluded from every statistic. */
    static final int PAD = 0;

    private StreamingParticipation() {
    }

    /**
     * @param pr       participation ratios, the curve and the order
     * @param fits     pooled PCA of each latent on the same samples
     * @param seconds  wall time of the model's updates and the accumulation
     * @param samples  N per latent
     */
    public record Result(PrSummary pr, Map<Latent, PcaFit> fits, double seconds, long samples) {
    }

    /**
     * @param model      the model, its config's cycles and {@code haltMaxSteps} define the run
     * @param tokens     one {@code [seqLen]} input per puzzle
     * @param puzzleIds  one identifier per puzzle
     * @param updates    which updates give samples
     * @param batch      puzzles run at once
     * @param counts     trajectory counts of the PR curve (those below the number of puzzles; the total is added)
     * @param seed       the order's seed (as {@link ParticipationAnalysis})
     * @param components PCA components to fit (0: none)
     */
    public static Result run(HrmModel model, List<int[]> tokens, int[] puzzleIds, UpdateSelection updates, int batch,
                             List<Integer> counts, long seed, int components) {
        return run(model, tokens, puzzleIds, updates, batch, counts, seed, components, false);
    }

    /** As above; with {@code onHost} the statistics are summed on the host whatever the backend (for checks). */
    public static Result run(HrmModel model, List<int[]> tokens, int[] puzzleIds, UpdateSelection updates, int batch,
                             List<Integer> counts, long seed, int components, boolean onHost) {
        int n = tokens.size();
        if (n == 0 || puzzleIds.length != n) {
            throw new IllegalArgumentException("need one puzzle identifier per puzzle, and at least one puzzle");
        }
        HrmConfig c = model.config();
        List<Integer> order = IntStream.range(0, n).boxed().collect(Collectors.toList());
        Collections.shuffle(order, new Random(seed));
        List<Integer> bounds = new ArrayList<>();
        for (int k : counts) {
            if (k < n && !bounds.contains(k)) {
                bounds.add(k);
            }
        }
        Collections.sort(bounds);
        bounds.add(n);
        int[] positions = IntStream.range(c.puzzleEmbLen(), c.totalSeqLen()).toArray();
        long start = System.nanoTime();
        int rows = Math.max(1, Math.min(batch, n));
        List<Map<Latent, StateScatter>> scatters = new ArrayList<>();
        List<Map<Latent, Moments>> parts = new ArrayList<>();
        try (HrmState st = model.newState(rows)) {
            for (int i = 0; i < bounds.size(); i++) {
                Map<Latent, StateScatter> m = new EnumMap<>(Latent.class);
                for (Latent latent : Latent.values()) {
                    m.put(latent, onHost ? StateScatter.onHost(c, positions) : model.newScatter(positions));
                }
                scatters.add(m);
            }
            for (int from = 0; from < n; from += rows) {
                runBatch(model, st, rows, tokens, puzzleIds, order, from, bounds, scatters, updates);
            }
            for (Map<Latent, StateScatter> m : scatters) {
                Map<Latent, Moments> part = new EnumMap<>(Latent.class);
                m.forEach((latent, scatter) -> part.put(latent, scatter.moments()));
                parts.add(part);
            }
        } finally {
            scatters.forEach(m -> m.values().forEach(StateScatter::close));
        }
        model.finish();
        double seconds = (System.nanoTime() - start) / 1e9;

        List<PrCurvePoint> curve = new ArrayList<>();
        Map<Latent, Moments> total = new EnumMap<>(Latent.class);
        for (int i = 0; i < parts.size(); i++) {
            for (Latent latent : Latent.values()) {
                Moments m = parts.get(i).get(latent);
                total.merge(latent, m, Moments::merge);
                curve.add(new PrCurvePoint(bounds.get(i), latent, pr(total.get(latent))));
            }
        }
        Map<Latent, ParticipationRatio> overall = new EnumMap<>(Latent.class);
        Map<Latent, PcaFit> fits = new EnumMap<>(Latent.class);
        for (Latent latent : Latent.values()) {
            overall.put(latent, pr(total.get(latent)));
            if (components > 0) {
                fits.put(latent, fit(total.get(latent), components, "pooled fit, " + n + " trajectories, "
                        + SampleUnit.PER_TOKEN.description() + ", " + updates.description()));
            }
        }
        return new Result(new PrSummary(overall, List.copyOf(curve), n, List.copyOf(order)), fits, seconds,
                total.get(Latent.Z_H).count());
    }

    private static void runBatch(HrmModel model, HrmState st, int rows, List<int[]> tokens, int[] puzzleIds,
                                 List<Integer> order, int from, List<Integer> bounds,
                                 List<Map<Latent, StateScatter>> scatters, UpdateSelection updates) {
        HrmConfig c = model.config();
        int seq = c.seqLen();
        int count = Math.min(rows, order.size() - from);
        int[] in = new int[rows * seq];
        int[] ids = new int[rows];
        for (int r = 0; r < rows; r++) {
            int p = order.get(from + Math.min(r, count - 1));
            int[] t = tokens.get(p);
            if (t.length != seq) {
                throw new IllegalArgumentException("puzzle " + p + " has " + t.length + " tokens, the model takes "
                        + seq);
            }
            for (int token : t) {
                if (token == PAD) {
                    throw new IllegalArgumentException("puzzle " + p + " has PAD positions: streamed statistics "
                            + "take puzzles without padding (Sudoku, mazes); analyse padded puzzles from traces");
                }
            }
            System.arraycopy(t, 0, in, r * seq, seq);
            ids[r] = puzzleIds[p];
        }
        model.embed(st, in, ids);
        for (int r = 0; r < rows; r++) {
            model.resetCarry(st, r);
        }
        for (int segment = 0; segment < c.haltMaxSteps(); segment++) {
            for (int h = 0; h < c.hCycles(); h++) {
                for (int l = 0; l < c.lCycles(); l++) {
                    model.lUpdate(st);
                    if (updates == UpdateSelection.ALL_UPDATES) {
                        add(scatters, bounds, st, from, count);
                    }
                }
                model.hUpdate(st);
                if (updates != UpdateSelection.SEGMENT_ENDS || h == c.hCycles() - 1) {
                    add(scatters, bounds, st, from, count);
                }
            }
        }
    }

    /** Adds rows {@code [0, count)} of the batch (puzzles from..from+count in the order) to their intervals. */
    private static void add(List<Map<Latent, StateScatter>> scatters, List<Integer> bounds, HrmState st, int from,
                            int count) {
        int lower = 0;
        for (int i = 0; i < bounds.size(); i++) {
            int lo = Math.max(lower, from) - from;
            int hi = Math.min(bounds.get(i), from + count) - from;
            if (lo < hi) {
                scatters.get(i).get(Latent.Z_L).add(st, false, lo, hi);
                scatters.get(i).get(Latent.Z_H).add(st, true, lo, hi);
            }
            lower = bounds.get(i);
        }
    }

    private static ParticipationRatio pr(Moments m) {
        double[] cov = m.covariance();
        int d = m.dimension();
        double trace = 0;
        double frob = 0;
        for (int i = 0; i < d; i++) {
            trace += cov[i * d + i];
        }
        for (double v : cov) {
            frob += v * v;
        }
        return ParticipationRatio.ofMoments(trace, frob, m.count(), d);
    }

    /** The top components of the covariance, by a pure-Java eigen decomposition (runs where no BLAS is loaded). */
    static PcaFit fit(Moments m, int components, String label) {
        int d = m.dimension();
        double[] cov = m.covariance();
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += cov[i * d + i];
        }
        NativeLinearAlgebra.Eigenpairs pairs = JavaEigen.largestEigenpairs(cov, d, Math.min(components, d));
        double[][] axes = pairs.vectors();
        double[] variance = pairs.values();
        PcaFit.fixSignsInPlace(axes);
        return new PcaFit(label, m.mean(), axes, variance, trace, m.count());
    }
}
