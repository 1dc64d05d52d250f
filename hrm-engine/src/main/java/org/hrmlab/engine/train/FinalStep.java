package org.hrmlab.engine.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The differentiable last L- and H-update of a segment with a hand-written backward pass, in float32 on ND4J GEMMs:
 * the same function as {@link FinalStepGraph} (which serves as its oracle in the tests) without SameDiff's per-op
 * overhead. {@link #forward} keeps what {@link #backward} needs; weights are {@code [out, in]} as in the reference.
 * Not thread-safe.
 */
final class FinalStep {
    private final HrmConfig c;
    private final int batch;
    private final int s;
    private final int d;
    private final int heads;
    private final int hd;
    private final int inter;
    private final int n;
    private final float[] cos;
    private final float[] sin;
    private final Block[] lLevel;
    private final Block[] hLevel;
    private final Cache[] lCache;
    private final Cache[] hCache;
    private INDArray lmHead;
    private INDArray qWeight;
    private float[] qBias;
    private int[] tokens;
    private float[] zH1;

    FinalStep(HrmConfig config, int batch) {
        this.c = config;
        this.batch = batch;
        this.s = config.totalSeqLen();
        this.d = config.hiddenSize();
        this.heads = config.numHeads();
        this.hd = config.headDim();
        this.inter = config.mlpInterSize();
        this.n = batch * s;
        double[][] rope = FinalStepGraph.rotary(config);
        cos = toFloats(rope[0]);
        sin = toFloats(rope[1]);
        lLevel = new Block[config.mlpT() ? 0 : config.lLayers()]; // TRM's MLP variant has its own (TokenMlpLevel)
        hLevel = new Block[config.hLayers()];
        lCache = new Cache[lLevel.length];
        hCache = new Cache[hLevel.length];
        for (int i = 0; i < lLevel.length; i++) {
            lLevel[i] = new Block("L_level.layers." + i + ".");
        }
        for (int i = 0; i < hLevel.length; i++) {
            hLevel[i] = new Block("H_level.layers." + i + ".");
        }
    }

    /** Takes the current parameter values (copied into ND4J arrays). */
    void setWeights(Map<String, float[]> p) {
        for (Block b : lLevel) {
            b.set(p);
        }
        for (Block b : hLevel) {
            b.set(p);
        }
        lmHead = refill(lmHead, p.get("lm_head.weight"), c.vocabSize(), d);
        qWeight = refill(qWeight, p.get("q_head.weight"), 2, d);
        qBias = p.get("q_head.bias").clone();
        tokenTable = p.get("embed_tokens.embedding_weight");
        positions = c.learnedPositions() ? p.get("embed_pos.embedding_weight") : null;
    }

    private float[] tokenTable;
    private float[] positions;

    /** Outputs of the differentiable step: new carry, logits {@code [B·seqLen·vocab]} and Q {@code [B·2]}. */
    record Output(float[] zL, float[] zH, float[] logits, float[] q) {
    }

    /**
     * The input embedding x̃ of a batch; remembers the tokens for the embedding gradient.
     *
     * @param tokenIds   {@code [B·seqLen]} (not modified)
     * @param puzzleRows {@code [B·puzzleEmbNdim]} the batch's puzzle-embedding rows, or null without a puzzle embedding
     * @return {@code [B·S·D]}
     */
    float[] embedding(int[] tokenIds, float[] puzzleRows) {
        tokens = tokenIds.clone();
        return embed(tokenIds, puzzleRows);
    }

    /** No-grad L-update. @return {@code L(zL + (zH + x))} (arguments not modified) */
    float[] lUpdate(float[] zL, float[] zH, float[] x) {
        float[] in = new float[n * d];
        for (int i = 0; i < in.length; i++) {
            in[i] = zL[i] + (zH[i] + x[i]);
        }
        for (Block b : lLevel) {
            in = b.forward(in).y;
        }
        return in;
    }

    /** No-grad H-update. @return {@code H(zH + zL)} (arguments not modified) */
    float[] hUpdate(float[] zH, float[] zL) {
        float[] in = new float[n * d];
        for (int i = 0; i < in.length; i++) {
            in[i] = zH[i] + zL[i];
        }
        for (Block b : hLevel) {
            in = b.forward(in).y;
        }
        return in;
    }

    /**
     * Runs every update of a segment but the last L- and H-update, without gradient.
     *
     * @param carry {@code {zL, zH}}, replaced by the new arrays
     */
    void allButLastStep(float[][] carry, float[] x) {
        for (int h = 0; h < c.hCycles(); h++) {
            for (int l = 0; l < c.lCycles(); l++) {
                if (h < c.hCycles() - 1 || l < c.lCycles() - 1) {
                    carry[0] = lUpdate(carry[0], carry[1], x);
                }
            }
            if (h < c.hCycles() - 1) {
                carry[1] = hUpdate(carry[1], carry[0]);
            }
        }
    }

    /** @return {@code [B·2]} Q logits (halt, continue) of a zH {@code [B·S·D]} (not modified) */
    float[] qLogits(float[] zH) {
        float[] q = arr(Nd4j.gemm(mat(firstRows(zH), batch, d), qWeight, false, true));
        for (int b = 0; b < batch; b++) {
            q[b * 2] += qBias[0];
            q[b * 2 + 1] += qBias[1];
        }
        return q;
    }

    /** The test entry: embedding and differentiable step in one call. */
    Output forward(float[] zL0, float[] zH0, int[] tokenIds, float[] puzzleRows) {
        return forward(zL0, zH0, embedding(tokenIds, puzzleRows));
    }

    /**
     * The differentiable last L- and H-update, keeping activations for {@link #backward}.
     *
     * @param zL0 {@code [B·S·D]} carry after the no-grad updates (not modified)
     * @param zH0 same shape (not modified)
     * @param x   the input embedding from {@link #embedding} (not modified)
     */
    Output forward(float[] zL0, float[] zH0, float[] x) {
        float[] in = new float[n * d];
        for (int i = 0; i < in.length; i++) {
            in[i] = zL0[i] + (zH0[i] + x[i]);
        }
        for (int i = 0; i < lLevel.length; i++) {
            lCache[i] = lLevel[i].forward(in);
            in = lCache[i].y;
        }
        float[] zL1 = in;
        float[] hIn = new float[n * d];
        for (int i = 0; i < hIn.length; i++) {
            hIn[i] = zH0[i] + zL1[i];
        }
        float[] zH = hIn;
        for (int i = 0; i < hLevel.length; i++) {
            hCache[i] = hLevel[i].forward(zH);
            zH = hCache[i].y;
        }
        zH1 = zH;
        float[] logits = arr(Nd4j.gemm(mat(gridRows(zH), batch * c.seqLen(), d), lmHead, false, true));
        return new Output(zL1, zH, logits, qLogits(zH));
    }

    /**
     * @param gLogits {@code [B·seqLen·vocab]} d loss / d logits (not modified)
     * @param gQ      {@code [B·2]} d loss / d Q (not modified)
     * @return gradients by reference key; {@link FinalStepGraph#PUZZLE_ROWS} holds {@code [B·puzzleEmbNdim]}
     */
    Map<String, float[]> backward(float[] gLogits, float[] gQ) {
        Map<String, float[]> g = new LinkedHashMap<>();
        int seq = c.seqLen();
        int p = c.puzzleEmbLen();
        INDArray gl = mat(gLogits, batch * seq, c.vocabSize());
        g.put("lm_head.weight", arr(Nd4j.gemm(gl, mat(gridRows(zH1), batch * seq, d), true, false)));
        INDArray gq = mat(gQ, batch, 2);
        g.put("q_head.weight", arr(Nd4j.gemm(gq, mat(firstRows(zH1), batch, d), true, false)));
        float[] gb = new float[2];
        for (int b = 0; b < batch; b++) {
            gb[0] += gQ[b * 2];
            gb[1] += gQ[b * 2 + 1];
        }
        g.put("q_head.bias", gb);
        float[] dz = new float[n * d];
        float[] dGrid = arr(Nd4j.gemm(gl, lmHead, false, false));
        float[] dFirst = arr(Nd4j.gemm(gq, qWeight, false, false));
        for (int b = 0; b < batch; b++) {
            System.arraycopy(dGrid, b * seq * d, dz, (b * s + p) * d, seq * d);
            for (int i = 0; i < d; i++) {
                dz[b * s * d + i] += dFirst[b * d + i];
            }
        }
        for (int i = hLevel.length - 1; i >= 0; i--) {
            dz = hLevel[i].backward(hCache[i], dz, g);
        }
        for (int i = lLevel.length - 1; i >= 0; i--) {
            dz = lLevel[i].backward(lCache[i], dz, g);
        }
        embedBackward(dz, g);
        return g;
    }

    private float[] embed(int[] tokenIds, float[] puzzleRows) {
        int p = c.puzzleEmbLen();
        int seq = c.seqLen();
        int ndim = c.puzzleEmbNdim();
        float scale = (float) Math.sqrt(d);
        float[] x = new float[n * d];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < s; t++) {
                int o = (b * s + t) * d;
                for (int i = 0; i < d; i++) {
                    float v;
                    if (t < p) {
                        int j = t * d + i;
                        v = j < ndim ? puzzleRows[b * ndim + j] : 0f;
                    } else {
                        v = tokenTable[tokenIds[b * seq + t - p] * d + i];
                    }
                    if (positions != null) {
                        v = 0.707106781f * (v + positions[t * d + i]);
                    }
                    x[o + i] = v * scale;
                }
            }
        }
        return x;
    }

    private void embedBackward(float[] dx, Map<String, float[]> g) {
        int p = c.puzzleEmbLen();
        int seq = c.seqLen();
        int ndim = c.puzzleEmbNdim();
        double scale = Math.sqrt(d) * (positions != null ? 0.707106781 : 1.0);
        float[] dTok = new float[c.vocabSize() * d];
        float[] dRows = ndim > 0 ? new float[batch * ndim] : null;
        float[] dPos = positions != null ? new float[s * d] : null;
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < s; t++) {
                int o = (b * s + t) * d;
                for (int i = 0; i < d; i++) {
                    float gv = (float) (dx[o + i] * scale);
                    if (t < p) {
                        int j = t * d + i;
                        if (j < ndim) {
                            dRows[b * ndim + j] += gv;
                        }
                    } else {
                        dTok[tokens[b * seq + t - p] * d + i] += gv;
                    }
                    if (dPos != null) {
                        dPos[t * d + i] += gv;
                    }
                }
            }
        }
        g.put("embed_tokens.embedding_weight", dTok);
        if (dRows != null) {
            g.put(FinalStepGraph.PUZZLE_ROWS, dRows);
        }
        if (dPos != null) {
            g.put("embed_pos.embedding_weight", dPos);
        }
    }

    private float[] gridRows(float[] z) {
        int p = c.puzzleEmbLen();
        int seq = c.seqLen();
        float[] out = new float[batch * seq * d];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(z, (b * s + p) * d, out, b * seq * d, seq * d);
        }
        return out;
    }

    private float[] firstRows(float[] z) {
        float[] out = new float[batch * d];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(z, b * s * d, out, b * d, d);
        }
        return out;
    }

    /** One post-norm block with its forward cache. */
    private final class Block {
        private final String prefix;
        private INDArray wQkv;
        private INDArray wO;
        private INDArray wGu;
        private INDArray wDown;

        Block(String prefix) {
            this.prefix = prefix;
        }

        void set(Map<String, float[]> p) {
            wQkv = refill(wQkv, p.get(prefix + "self_attn.qkv_proj.weight"), 3L * d, d);
            wO = refill(wO, p.get(prefix + "self_attn.o_proj.weight"), d, d);
            wGu = refill(wGu, p.get(prefix + "mlp.gate_up_proj.weight"), 2L * inter, d);
            wDown = refill(wDown, p.get(prefix + "mlp.down_proj.weight"), d, inter);
        }

        Cache forward(float[] in) {
            Cache k0 = new Cache();
            INDArray x = mat(in, n, d);
            k0.x = x;
            float[] qkv = arr(Nd4j.gemm(x, wQkv, false, true));
            int bh = batch * heads;
            float[] q = new float[bh * s * hd];
            float[] k = new float[bh * s * hd];
            float[] v = new float[bh * s * hd];
            float scale = (float) (1.0 / Math.sqrt(hd));
            int half = hd / 2;
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < s; t++) {
                    int row = (b * s + t) * 3 * d;
                    int ro = t * hd;
                    for (int hh = 0; hh < heads; hh++) {
                        int dst = ((b * heads + hh) * s + t) * hd;
                        int qo = row + hh * hd;
                        int ko = row + d + hh * hd;
                        for (int i = 0; i < half; i++) {
                            float c1 = cos[ro + i];
                            float s1 = sin[ro + i];
                            float c2 = cos[ro + i + half];
                            float s2 = sin[ro + i + half];
                            float q1 = qkv[qo + i];
                            float q2 = qkv[qo + i + half];
                            float k1 = qkv[ko + i];
                            float k2 = qkv[ko + i + half];
                            q[dst + i] = (q1 * c1 - q2 * s1) * scale;
                            q[dst + i + half] = (q2 * c2 + q1 * s2) * scale;
                            k[dst + i] = k1 * c1 - k2 * s1;
                            k[dst + i + half] = k2 * c2 + k1 * s2;
                        }
                        System.arraycopy(qkv, row + 2 * d + hh * hd, v, dst, hd);
                    }
                }
            }
            k0.qT = mat(q, bh, s, hd);
            k0.kT = mat(k, bh, s, hd);
            k0.vT = mat(v, bh, s, hd);
            INDArray probs = Nd4j.matmul(k0.qT, k0.kT, false, true, false);
            Nd4j.exec(new SoftMax(probs, probs, 2));
            k0.probs = probs;
            float[] o = arr(Nd4j.matmul(probs, k0.vT, false, false, false));
            float[] mergedF = new float[n * d];
            headsToRows(o, mergedF);
            k0.merged = mat(mergedF, n, d);
            float[] a = arr(Nd4j.gemm(k0.merged, wO, false, true));
            for (int i = 0; i < a.length; i++) {
                a[i] += in[i];
            }
            k0.inv1 = new float[n];
            float[] h = rmsNorm(a, k0.inv1);
            k0.h = h;
            float[] gu = arr(Nd4j.gemm(mat(h, n, d), wGu, false, true));
            k0.gu = gu;
            float[] mf = new float[n * inter];
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < inter; i++) {
                    float gv = gu[r * 2 * inter + i];
                    float sig = (float) (1.0 / (1.0 + Math.exp(-gv)));
                    mf[r * inter + i] = gv * sig * gu[r * 2 * inter + inter + i];
                }
            }
            k0.m = mat(mf, n, inter);
            float[] r2 = arr(Nd4j.gemm(k0.m, wDown, false, true));
            for (int i = 0; i < r2.length; i++) {
                r2[i] += h[i];
            }
            k0.inv2 = new float[n];
            k0.y = rmsNorm(r2, k0.inv2);
            return k0;
        }

        float[] backward(Cache k0, float[] dy, Map<String, float[]> g) {
            INDArray m = k0.m;
            float[] gu = k0.gu;
            float[] h = k0.h;
            INDArray probs = k0.probs;
            INDArray qT = k0.qT;
            INDArray kT = k0.kT;
            INDArray vT = k0.vT;
            float[] dr2 = rmsBackward(dy, k0.y, k0.inv2);
            INDArray dr2m = mat(dr2, n, d);
            g.put(prefix + "mlp.down_proj.weight", arr(Nd4j.gemm(dr2m, m, true, false)));
            float[] dm = arr(Nd4j.gemm(dr2m, wDown, false, false));
            float[] dgu = new float[n * 2 * inter];
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < inter; i++) {
                    float gv = gu[r * 2 * inter + i];
                    float up = gu[r * 2 * inter + inter + i];
                    float sig = (float) (1.0 / (1.0 + Math.exp(-gv)));
                    float dmi = dm[r * inter + i];
                    dgu[r * 2 * inter + i] = dmi * up * sig * (1 + gv * (1 - sig));
                    dgu[r * 2 * inter + inter + i] = dmi * gv * sig;
                }
            }
            INDArray dguM = mat(dgu, n, 2L * inter);
            g.put(prefix + "mlp.gate_up_proj.weight", arr(Nd4j.gemm(dguM, mat(h, n, d), true, false)));
            float[] dh = arr(Nd4j.gemm(dguM, wGu, false, false));
            for (int i = 0; i < dh.length; i++) {
                dh[i] += dr2[i];
            }
            float[] dr1 = rmsBackward(dh, h, k0.inv1);
            INDArray dr1m = mat(dr1, n, d);
            g.put(prefix + "self_attn.o_proj.weight", arr(Nd4j.gemm(dr1m, k0.merged, true, false)));
            float[] dMerged = arr(Nd4j.gemm(dr1m, wO, false, false));
            int bh = batch * heads;
            float[] dOf = new float[bh * s * hd];
            rowsToHeads(dMerged, dOf);
            INDArray dO = mat(dOf, bh, s, hd);
            float[] dP = arr(Nd4j.matmul(dO, vT, false, true, false));
            float[] dV = arr(Nd4j.matmul(probs, dO, true, false, false));
            float[] pf = arr(probs);
            for (int r = 0; r < bh * s; r++) {
                double dot = 0;
                for (int j = 0; j < s; j++) {
                    dot += dP[r * s + j] * pf[r * s + j];
                }
                for (int j = 0; j < s; j++) {
                    dP[r * s + j] = pf[r * s + j] * (float) (dP[r * s + j] - dot);
                }
            }
            INDArray dS = mat(dP, bh, s, s);
            float[] dQ = arr(Nd4j.matmul(dS, kT, false, false, false));
            float[] dK = arr(Nd4j.matmul(dS, qT, true, false, false));
            float[] dqkv = new float[n * 3 * d];
            float scale = (float) (1.0 / Math.sqrt(hd));
            int half = hd / 2;
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < s; t++) {
                    int row = (b * s + t) * 3 * d;
                    int ro = t * hd;
                    for (int hh = 0; hh < heads; hh++) {
                        int src = ((b * heads + hh) * s + t) * hd;
                        for (int i = 0; i < half; i++) {
                            float c1 = cos[ro + i];
                            float s1 = sin[ro + i];
                            float c2 = cos[ro + i + half];
                            float s2 = sin[ro + i + half];
                            float gq1 = dQ[src + i];
                            float gq2 = dQ[src + i + half];
                            float gk1 = dK[src + i];
                            float gk2 = dK[src + i + half];
                            dqkv[row + hh * hd + i] = (gq1 * c1 + gq2 * s2) * scale;
                            dqkv[row + hh * hd + i + half] = (gq2 * c2 - gq1 * s1) * scale;
                            dqkv[row + d + hh * hd + i] = gk1 * c1 + gk2 * s2;
                            dqkv[row + d + hh * hd + i + half] = gk2 * c2 - gk1 * s1;
                        }
                        System.arraycopy(dV, src, dqkv, row + 2 * d + hh * hd, hd);
                    }
                }
            }
            INDArray dqkvM = mat(dqkv, n, 3L * d);
            g.put(prefix + "self_attn.qkv_proj.weight", arr(Nd4j.gemm(dqkvM, k0.x, true, false)));
            float[] dx = arr(Nd4j.gemm(dqkvM, wQkv, false, false));
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dr1[i];
            }
            return dx;
        }

        private void headsToRows(float[] headsArr, float[] rows) {
            for (int b = 0; b < batch; b++) {
                for (int hh = 0; hh < heads; hh++) {
                    for (int t = 0; t < s; t++) {
                        System.arraycopy(headsArr, ((b * heads + hh) * s + t) * hd, rows, (b * s + t) * d + hh * hd,
                                hd);
                    }
                }
            }
        }

        private void rowsToHeads(float[] rows, float[] headsArr) {
            for (int b = 0; b < batch; b++) {
                for (int hh = 0; hh < heads; hh++) {
                    for (int t = 0; t < s; t++) {
                        System.arraycopy(rows, (b * s + t) * d + hh * hd, headsArr, ((b * heads + hh) * s + t) * hd,
                                hd);
                    }
                }
            }
        }
    }

    /** What a block's backward needs from its forward. */
    private static final class Cache {
        INDArray x;
        INDArray qT;
        INDArray kT;
        INDArray vT;
        INDArray probs;
        INDArray merged;
        float[] inv1;
        float[] h;
        float[] gu;
        INDArray m;
        float[] inv2;
        float[] y;
    }

    /** Weightless RMSNorm of {@code [n, d]} rows as the forward model computes it; records {@code 1/rms} per row. */
    private float[] rmsNorm(float[] r, float[] inv) {
        float eps = (float) c.rmsNormEps();
        float[] out = new float[r.length];
        for (int row = 0; row < n; row++) {
            int o = row * d;
            double sum = 0;
            for (int i = 0; i < d; i++) {
                float v = r[o + i];
                sum += v * v;
            }
            float iv = (float) (1.0 / Math.sqrt((float) (sum / d) + eps));
            inv[row] = iv;
            for (int i = 0; i < d; i++) {
                out[o + i] = r[o + i] * iv;
            }
        }
        return out;
    }

    /** {@code dr = inv · (dy − y · mean(dy ⊙ y))} for {@code y = r · inv}. */
    private float[] rmsBackward(float[] dy, float[] y, float[] inv) {
        float[] dr = new float[dy.length];
        for (int row = 0; row < n; row++) {
            int o = row * d;
            double dot = 0;
            for (int i = 0; i < d; i++) {
                dot += dy[o + i] * y[o + i];
            }
            float mean = (float) (dot / d);
            for (int i = 0; i < d; i++) {
                dr[o + i] = inv[row] * (dy[o + i] - y[o + i] * mean);
            }
        }
        return dr;
    }

    /** Puts new values into an existing array of the same shape, or makes one. */
    private static INDArray refill(INDArray old, float[] a, long... shape) {
        if (old == null || old.length() != a.length) {
            return mat(a, shape);
        }
        old.data().asNioFloat().put(0, a);
        return old;
    }

    /** @return a new C-order array holding {@code a} (bulk copy; ND4J's own float[] constructors copy per element) */
    private static INDArray mat(float[] a, long... shape) {
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        out.data().asNioFloat().put(0, a);
        return out;
    }

    private static float[] arr(INDArray a) {
        INDArray c = a.isView() || a.ordering() != 'c' || a.offset() != 0 ? a.dup('c') : a;
        float[] out = new float[(int) c.length()];
        c.data().asNioFloat().get(0, out);
        return out;
    }

    private static float[] toFloats(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    // ---- For TrmRecursion, which applies the L level L_cycles + 1 times per differentiable recursion. ----

    /** The kept activations of one application of the L level ({@link #lLevelForward}). */
    static final class LevelTape {
        private final Cache[] caches;

        private LevelTape(Cache[] caches) {
            this.caches = caches;
        }

        /** @return the level's output {@code [B·S·D]} */
        float[] output() {
            return caches[caches.length - 1].y;
        }
    }

    /** @return the attention blocks of the L level applied to {@code in} {@code [B·S·D]} (not modified), activations kept */
    LevelTape lLevelForward(float[] in) {
        Cache[] caches = new Cache[lLevel.length];
        for (int i = 0; i < lLevel.length; i++) {
            caches[i] = lLevel[i].forward(in);
            in = caches[i].y;
        }
        return new LevelTape(caches);
    }

    /**
     * Back-propagates {@code dy} through one recorded application of the L level.
     *
     * @param g the gradients so far by key; the blocks' parameter gradients are added in (arrays created as needed)
     * @return d loss / d the level's input
     */
    float[] lLevelBackward(LevelTape tape, float[] dy, Map<String, float[]> g) {
        Map<String, float[]> local = new LinkedHashMap<>();
        for (int i = lLevel.length - 1; i >= 0; i--) {
            dy = lLevel[i].backward(tape.caches[i], dy, local);
        }
        local.forEach((k, v) -> g.merge(k, v, FinalStep::addInto));
        return dy;
    }

    /** @return the logits {@code [B·seqLen·vocab]} of a zH {@code [B·S·D]} (not modified) */
    float[] logits(float[] zH) {
        return arr(Nd4j.gemm(mat(gridRows(zH), batch * c.seqLen(), d), lmHead, false, true));
    }

    /**
     * The heads' backward: puts the gradients of {@code lm_head.weight}, {@code q_head.weight} and {@code q_head.bias}
     * into {@code g}.
     *
     * @param zH the state the heads read {@code [B·S·D]} (not modified)
     * @return d loss / d zH
     */
    float[] headsBackward(float[] zH, float[] gLogits, float[] gQ, Map<String, float[]> g) {
        int seq = c.seqLen();
        int p = c.puzzleEmbLen();
        INDArray gl = mat(gLogits, batch * seq, c.vocabSize());
        g.put("lm_head.weight", arr(Nd4j.gemm(gl, mat(gridRows(zH), batch * seq, d), true, false)));
        INDArray gq = mat(gQ, batch, 2);
        g.put("q_head.weight", arr(Nd4j.gemm(gq, mat(firstRows(zH), batch, d), true, false)));
        float[] gb = new float[2];
        for (int b = 0; b < batch; b++) {
            gb[0] += gQ[b * 2];
            gb[1] += gQ[b * 2 + 1];
        }
        g.put("q_head.bias", gb);
        float[] dz = new float[n * d];
        float[] dGrid = arr(Nd4j.gemm(gl, lmHead, false, false));
        float[] dFirst = arr(Nd4j.gemm(gq, qWeight, false, false));
        for (int b = 0; b < batch; b++) {
            System.arraycopy(dGrid, b * seq * d, dz, (b * s + p) * d, seq * d);
            for (int i = 0; i < d; i++) {
                dz[b * s * d + i] += dFirst[b * d + i];
            }
        }
        return dz;
    }

    /** Puts the gradients of the token table, learned positions and puzzle rows for d loss / d x̃ into {@code g}. */
    void embeddingBackward(float[] dx, Map<String, float[]> g) {
        embedBackward(dx, g);
    }

    private static float[] addInto(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }
}
