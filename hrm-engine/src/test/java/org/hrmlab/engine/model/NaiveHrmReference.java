package org.hrmlab.engine.model;

import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;

/**
 * A deliberately naive HRM forward pass in double precision on plain arrays, written from hrm-reference.md §1.3-1.7
 * and sharing no computation with the engine: it derives the prefix length and SwiGLU width itself, builds its own
 * rotary table, and checks every weight's shape against those derived sizes. One instance evaluates one example;
 * batches are independent rows in the reference, so a batch is simply several instances.
 *
 * <p>States are {@code [S_total][hidden]} with {@code S_total = prefix + seqLen}.
 */
public final class NaiveHrmReference {
    private final int seqLen;
    private final int hidden;
    private final int heads;
    private final int headDim;
    private final int inter;
    private final int prefix;
    private final int positions;
    private final int vocab;
    private final int puzzleNdim;
    private final boolean learnedPositions;
    private final boolean rotaryPositions;
    private final double eps;
    private final Block[] hLevel;
    private final Block[] lLevel;
    private final double[][] tokenTable;
    private final double[][] puzzleTable;
    private final double[][] positionTable;
    private final double[] hInit;
    private final double[] lInit;
    private final double[][] lmHead;
    private final double[][] qHead;
    private final double[] qBias;
    private final double[][] cos;
    private final double[][] sin;

    private record Block(double[][] qkv, double[][] o, double[][] gateUp, double[][] down) {
    }

    /**
     * @param config  the architecture (seqLen &gt; 0); only its plain numbers are read
     * @param weights tensors under the reference key names, {@code [out, in]} for projections (not modified)
     */
    public NaiveHrmReference(HrmConfig config, Map<String, HostTensor> weights) {
        seqLen = config.seqLen();
        hidden = config.hiddenSize();
        heads = config.numHeads();
        headDim = hidden / heads;
        inter = swiGluWidth(config.expansion(), hidden);
        puzzleNdim = config.puzzleEmbNdim();
        prefix = (int) Math.ceil(puzzleNdim / (double) hidden);
        positions = prefix + seqLen;
        vocab = config.vocabSize();
        learnedPositions = config.posEncodings().startsWith("learned");
        rotaryPositions = !config.posEncodings().equals("learned");
        eps = config.rmsNormEps();
        hLevel = new Block[config.hLayers()];
        lLevel = new Block[config.lLayers()];
        for (int i = 0; i < hLevel.length; i++) {
            hLevel[i] = block(weights, "H_level.layers." + i + ".");
        }
        for (int i = 0; i < lLevel.length; i++) {
            lLevel[i] = block(weights, "L_level.layers." + i + ".");
        }
        tokenTable = matrix(weights, "embed_tokens.embedding_weight", vocab, hidden);
        puzzleTable = puzzleNdim > 0
                ? matrix(weights, "puzzle_emb.weights", config.numPuzzleIdentifiers(), puzzleNdim) : null;
        positionTable = learnedPositions ? matrix(weights, "embed_pos.embedding_weight", positions, hidden) : null;
        hInit = matrix(weights, "H_init", 1, hidden)[0];
        lInit = matrix(weights, "L_init", 1, hidden)[0];
        lmHead = matrix(weights, "lm_head.weight", vocab, hidden);
        qHead = matrix(weights, "q_head.weight", 2, hidden);
        qBias = matrix(weights, "q_head.bias", 1, 2)[0];
        cos = new double[positions][headDim];
        sin = new double[positions][headDim];
        int half = headDim / 2;
        for (int t = 0; t < positions; t++) {
            for (int k = 0; k < half; k++) {
                double angle = t * Math.pow(config.ropeTheta(), -2.0 * k / headDim);
                cos[t][k] = Math.cos(angle);
                cos[t][k + half] = Math.cos(angle);
                sin[t][k] = Math.sin(angle);
                sin[t][k + half] = Math.sin(angle);
            }
        }
    }

    /**
     * The reference's SwiGLU width: Python's {@code round} (half to even) of {@code expansion·hidden·2/3}, then up to
     * a multiple of 256.
     */
    static int swiGluWidth(double expansion, int hidden) {
        long rounded = (long) Math.rint(expansion * hidden * 2 / 3);
        return (int) (((rounded + 255) / 256) * 256);
    }

    /** @return the number of prefix positions carrying the puzzle embedding */
    public int prefix() {
        return prefix;
    }

    /** @return {@code S_total} */
    public int positions() {
        return positions;
    }

    /**
     * The scaled input embedding x̃ (hrm-reference.md §1.4).
     *
     * @param tokens   {@code [seqLen]} token ids
     * @param puzzleId the example's puzzle identifier
     * @return {@code [S_total][hidden]}
     */
    public double[][] embed(int[] tokens, int puzzleId) {
        double[][] x = new double[positions][hidden];
        for (int t = 0; t < prefix; t++) {
            for (int i = 0; i < hidden; i++) {
                int j = t * hidden + i;
                x[t][i] = j < puzzleNdim ? puzzleTable[puzzleId][j] : 0.0;
            }
        }
        for (int t = 0; t < seqLen; t++) {
            x[prefix + t] = tokenTable[tokens[t]].clone();
        }
        if (learnedPositions) {
            for (int t = 0; t < positions; t++) {
                for (int i = 0; i < hidden; i++) {
                    x[t][i] = (x[t][i] + positionTable[t][i]) / Math.sqrt(2.0);
                }
            }
        }
        double scale = Math.sqrt(hidden);
        for (double[] row : x) {
            for (int i = 0; i < hidden; i++) {
                row[i] *= scale;
            }
        }
        return x;
    }

    /** @return H_init broadcast over every position */
    public double[][] initialH() {
        return broadcast(hInit);
    }

    /** @return L_init broadcast over every position */
    public double[][] initialL() {
        return broadcast(lInit);
    }

    /** L-update: the L module applied to {@code zL + zH + x̃}. */
    public double[][] lUpdate(double[][] zL, double[][] zH, double[][] x) {
        double[][] h = new double[positions][hidden];
        for (int t = 0; t < positions; t++) {
            for (int i = 0; i < hidden; i++) {
                h[t][i] = zL[t][i] + (zH[t][i] + x[t][i]);
            }
        }
        for (Block b : lLevel) {
            h = apply(b, h);
        }
        return h;
    }

    /** H-update: the H module applied to {@code zH + zL}. */
    public double[][] hUpdate(double[][] zH, double[][] zL) {
        double[][] h = new double[positions][hidden];
        for (int t = 0; t < positions; t++) {
            for (int i = 0; i < hidden; i++) {
                h[t][i] = zH[t][i] + zL[t][i];
            }
        }
        for (Block b : hLevel) {
            h = apply(b, h);
        }
        return h;
    }

    /** @return {@code [seqLen][vocab]}: lm_head on zH with the prefix dropped */
    public double[][] logits(double[][] zH) {
        double[][] out = new double[seqLen][];
        for (int t = 0; t < seqLen; t++) {
            out[t] = linear(zH[prefix + t], lmHead);
        }
        return out;
    }

    /** @return (halt, continue) logits of the Q head on zH position 0 */
    public double[] q(double[][] zH) {
        double[] out = linear(zH[0], qHead);
        out[0] += qBias[0];
        out[1] += qBias[1];
        return out;
    }

    private double[][] apply(Block b, double[][] h) {
        double[][] attn = attention(b, h);
        double[][] mid = new double[positions][];
        for (int t = 0; t < positions; t++) {
            mid[t] = rmsNorm(add(h[t], attn[t]));
        }
        double[][] out = new double[positions][];
        for (int t = 0; t < positions; t++) {
            out[t] = rmsNorm(add(mid[t], swiGlu(b, mid[t])));
        }
        return out;
    }

    private double[][] attention(Block b, double[][] h) {
        double[][][] q = new double[heads][positions][];
        double[][][] k = new double[heads][positions][];
        double[][][] v = new double[heads][positions][];
        for (int t = 0; t < positions; t++) {
            double[] qkv = linear(h[t], b.qkv);
            for (int head = 0; head < heads; head++) {
                q[head][t] = rotate(slice(qkv, head * headDim), t);
                k[head][t] = rotate(slice(qkv, hidden + head * headDim), t);
                v[head][t] = slice(qkv, 2 * hidden + head * headDim);
            }
        }
        double scale = 1.0 / Math.sqrt(headDim);
        double[][] merged = new double[positions][hidden];
        double[] weights = new double[positions];
        for (int head = 0; head < heads; head++) {
            for (int t = 0; t < positions; t++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int u = 0; u < positions; u++) {
                    weights[u] = dot(q[head][t], k[head][u]) * scale;
                    max = Math.max(max, weights[u]);
                }
                double total = 0;
                for (int u = 0; u < positions; u++) {
                    weights[u] = Math.exp(weights[u] - max);
                    total += weights[u];
                }
                for (int u = 0; u < positions; u++) {
                    double p = weights[u] / total;
                    for (int i = 0; i < headDim; i++) {
                        merged[t][head * headDim + i] += p * v[head][u][i];
                    }
                }
            }
        }
        double[][] out = new double[positions][];
        for (int t = 0; t < positions; t++) {
            out[t] = linear(merged[t], b.o);
        }
        return out;
    }

    /**
     * RoPE, rotate-half convention: {@code x·cos + rotate_half(x)·sin} with
     * {@code rotate_half(x1, x2) = (−x2, x1)}; the identity when the positions are learned only (the reference
     * passes no cos/sin then).
     */
    private double[] rotate(double[] x, int t) {
        if (!rotaryPositions) {
            return x;
        }
        int half = headDim / 2;
        double[] out = new double[headDim];
        for (int i = 0; i < headDim; i++) {
            double rotated = i < half ? -x[i + half] : x[i - half];
            out[i] = x[i] * cos[t][i] + rotated * sin[t][i];
        }
        return out;
    }

    private double[] swiGlu(Block b, double[] x) {
        double[] gateUp = linear(x, b.gateUp);
        double[] hiddenAct = new double[inter];
        for (int i = 0; i < inter; i++) {
            double gate = gateUp[i];
            hiddenAct[i] = gate / (1 + Math.exp(-gate)) * gateUp[inter + i];
        }
        return linear(hiddenAct, b.down);
    }

    private double[] rmsNorm(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        double inv = 1.0 / Math.sqrt(sum / x.length + eps);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * inv;
        }
        return out;
    }

    /** @return {@code W·x} for a {@code [out][in]} weight */
    private static double[] linear(double[] x, double[][] w) {
        double[] y = new double[w.length];
        for (int o = 0; o < w.length; o++) {
            y[o] = dot(w[o], x);
        }
        return y;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] add(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    private double[] slice(double[] x, int from) {
        double[] out = new double[headDim];
        System.arraycopy(x, from, out, 0, headDim);
        return out;
    }

    private double[][] broadcast(double[] row) {
        double[][] out = new double[positions][];
        for (int t = 0; t < positions; t++) {
            out[t] = row.clone();
        }
        return out;
    }

    private Block block(Map<String, HostTensor> w, String p) {
        return new Block(matrix(w, p + "self_attn.qkv_proj.weight", 3 * hidden, hidden),
                matrix(w, p + "self_attn.o_proj.weight", hidden, hidden),
                matrix(w, p + "mlp.gate_up_proj.weight", 2 * inter, hidden),
                matrix(w, p + "mlp.down_proj.weight", hidden, inter));
    }

    /** @return the tensor as {@code [rows][cols]} doubles, after checking it holds exactly that many values */
    private static double[][] matrix(Map<String, HostTensor> w, String key, int rows, int cols) {
        HostTensor t = w.get(key);
        if (t == null) {
            throw new IllegalArgumentException("missing weight '" + key + "'");
        }
        if (t.data().length != rows * cols || t.shape()[0] != (t.shape().length == 1 ? rows * cols : rows)) {
            throw new IllegalArgumentException("weight '" + key + "' has shape " + t.shapeText() + ", the reference"
                    + " sizes need " + rows + "x" + cols);
        }
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r][c] = t.data()[r * cols + c];
            }
        }
        return m;
    }
}
