package org.hrmlab.engine.model;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;

/**
 * Runs the engine ({@link HrmModel}, float32, batched) and {@link NaiveHrmReference} (double, one row at a time) side
 * by side through whole ACT segments in the reference's evaluation order (carry kept across segments), and measures
 * how far apart zL, zH, logits and Q values are after every update.
 */
public final class ReferenceComparison {
    /** Allowed max abs difference between the float32 engine and the double reference. */
    public static final double TOLERANCE = 1e-4;
    /** Logit gap below which the reference's top two classes count as tied, so their order is not compared. */
    static final double TIE_GAP = 1e-3;

    private ReferenceComparison() {
    }

    /**
     * A batch row that gets a new example (ACT slot replacement): after segment {@code afterSegment} its carry is
     * reset to H_init/L_init and its input replaced; the other rows carry on.
     */
    public record Replacement(int afterSegment, int row, int[] tokens, int puzzleId) {
    }

    /**
     * What the comparison found.
     *
     * @param maxStateDiff   largest |engine − reference| over zL and zH, every update, row, position, channel
     * @param maxLogitDiff   the same over logits
     * @param maxQDiff       the same over Q (halt, continue) logits
     * @param worst          where the largest state difference was
     * @param argmaxCompared positions whose argmax was compared (reference gap at least {@link #TIE_GAP})
     * @param argmaxDiffers  of those, positions where the engine's argmax differs
     * @param nearTies       positions skipped as ties
     * @param updates        updates per row
     * @param rowSpread      largest difference between the reference's final logits of row 0 and row 1 (0 for one
     *                       row): shows that the output depends on the input
     * @param logitRange     max minus min of the reference's final logits of row 0
     * @param distinctArgmax how many different classes the reference predicts over all updates, rows and positions
     */
    public record Result(double maxStateDiff, double maxLogitDiff, double maxQDiff, String worst, int argmaxCompared,
                         int argmaxDiffers, int nearTies, int updates, double rowSpread, double logitRange,
                         int distinctArgmax) {
    }

    /**
     * @param config           the architecture, {@code seqLen > 0}
     * @param engineWeights    weights for the engine
     * @param referenceWeights weights for the reference (usually the same map)
     * @param tokens           {@code [B][seqLen]} inputs
     * @param puzzleIds        {@code [B]}
     * @param segments         ACT segments to run
     * @param replacement      a row to replace between segments, or null
     */
    public static Result run(HrmConfig config, Map<String, HostTensor> engineWeights,
                             Map<String, HostTensor> referenceWeights, int[][] tokens, int[] puzzleIds, int segments,
                             Replacement replacement) {
        return run(org.hrmlab.engine.compute.ComputeDevice.CPU, config, engineWeights, referenceWeights, tokens,
                puzzleIds, segments, replacement);
    }

    /** As {@link #run(HrmConfig, Map, Map, int[][], int[], int, Replacement)}, with the engine on {@code device}. */
    public static Result run(org.hrmlab.engine.compute.ComputeDevice device, HrmConfig config,
                             Map<String, HostTensor> engineWeights,
                             Map<String, HostTensor> referenceWeights, int[][] tokens, int[] puzzleIds, int segments,
                             Replacement replacement) {
        int batch = tokens.length;
        int seq = config.seqLen();
        int vocab = config.vocabSize();
        HrmModel model = device.open(config, engineWeights);
        NaiveHrmReference ref = new NaiveHrmReference(config, referenceWeights);
        int s = ref.positions();
        int d = config.hiddenSize();

        int[][] rowTokens = tokens.clone();
        int[] ids = puzzleIds.clone();
        HrmState st = model.newState(batch);
        model.embed(st, flatten(rowTokens), ids);
        double[][][] x = new double[batch][][];
        double[][][] zL = new double[batch][][];
        double[][][] zH = new double[batch][][];
        for (int b = 0; b < batch; b++) {
            model.resetCarry(st, b);
            x[b] = ref.embed(rowTokens[b], ids[b]);
            zL[b] = ref.initialL();
            zH[b] = ref.initialH();
        }

        Tracker t = new Tracker();
        float[] engineState = new float[batch * s * d];
        float[] engineLogits = new float[batch * seq * vocab];
        float[] engineQ = new float[batch * 2];
        int update = 0;
        for (int seg = 0; seg < segments; seg++) {
            for (int h = 0; h < config.hCycles(); h++) {
                for (int l = 0; l <= config.lCycles(); l++) {
                    boolean isL = l < config.lCycles();
                    if (isL) {
                        model.lUpdate(st);
                    } else {
                        model.hUpdate(st);
                    }
                    for (int b = 0; b < batch; b++) {
                        if (isL) {
                            zL[b] = ref.lUpdate(zL[b], zH[b], x[b]);
                        } else {
                            zH[b] = ref.hUpdate(zH[b], zL[b]);
                        }
                    }
                    st.copyZL(engineState);
                    t.state(engineState, zL, "zL", update);
                    st.copyZH(engineState);
                    t.state(engineState, zH, "zH", update);
                    model.logits(st, engineLogits);
                    model.qLogits(st, engineQ);
                    for (int b = 0; b < batch; b++) {
                        t.logits(engineLogits, b * seq * vocab, ref.logits(zH[b]), vocab);
                        double[] q = ref.q(zH[b]);
                        t.q(Math.max(Math.abs(engineQ[2 * b] - q[0]), Math.abs(engineQ[2 * b + 1] - q[1])));
                    }
                    update++;
                }
            }
            if (replacement != null && replacement.afterSegment() == seg) {
                int r = replacement.row();
                rowTokens[r] = replacement.tokens();
                ids[r] = replacement.puzzleId();
                model.embed(st, flatten(rowTokens), ids);
                model.resetCarry(st, r);
                x[r] = ref.embed(rowTokens[r], ids[r]);
                zL[r] = ref.initialL();
                zH[r] = ref.initialH();
            }
        }

        double[][] last0 = ref.logits(zH[0]);
        double rowSpread = 0;
        if (batch > 1) {
            double[][] last1 = ref.logits(zH[1]);
            for (int p = 0; p < seq; p++) {
                for (int v = 0; v < vocab; v++) {
                    rowSpread = Math.max(rowSpread, Math.abs(last0[p][v] - last1[p][v]));
                }
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
                for (double[] row : last0) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }

        model.close();
        return new Result(t.maxState, t.maxLogit, t.maxQ, t.worst, t.compared, t.differs, t.ties,
                update, rowSpread, max - min, t.classes.size());
    }

    private static final class Tracker {
        double maxState;
        double maxLogit;
        double maxQ;
        String worst = "none";
        int compared;
        int differs;
        int ties;
        final Set<Integer> classes = new HashSet<>();

        void state(float[] engine, double[][][] ref, String name, int update) {
            int s = ref[0].length;
            int d = ref[0][0].length;
            for (int b = 0; b < ref.length; b++) {
                for (int p = 0; p < s; p++) {
                    for (int i = 0; i < d; i++) {
                        double diff = Math.abs(engine[(b * s + p) * d + i] - ref[b][p][i]);
                        if (!(diff <= maxState)) {
                            maxState = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
                            worst = name + " after update " + update + ", row " + b + ", position " + p
                                    + ", channel " + i;
                        }
                    }
                }
            }
        }

        void logits(float[] engine, int offset, double[][] ref, int vocab) {
            for (int p = 0; p < ref.length; p++) {
                int best = argmax(ref[p]);
                classes.add(best);
                double second = Double.NEGATIVE_INFINITY;
                int engineBest = 0;
                for (int v = 0; v < vocab; v++) {
                    float e = engine[offset + p * vocab + v];
                    double diff = Math.abs(e - ref[p][v]);
                    maxLogit = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : Math.max(maxLogit, diff);
                    if (v != best) {
                        second = Math.max(second, ref[p][v]);
                    }
                    if (e > engine[offset + p * vocab + engineBest]) {
                        engineBest = v;
                    }
                }
                if (ref[p][best] - second < TIE_GAP) {
                    ties++;
                } else {
                    compared++;
                    if (engineBest != best) {
                        differs++;
                    }
                }
            }
        }

        void q(double diff) {
            maxQ = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : Math.max(maxQ, diff);
        }
    }

    static int argmax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int[] flatten(int[][] rows) {
        int n = rows[0].length;
        int[] out = new int[rows.length * n];
        for (int b = 0; b < rows.length; b++) {
            System.arraycopy(rows[b], 0, out, b * n, n);
        }
        return out;
    }
}
