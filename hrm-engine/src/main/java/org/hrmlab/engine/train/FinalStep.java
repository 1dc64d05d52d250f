package org.hrmlab.engine.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.cpu.AttentionBlock;
import org.hrmlab.engine.cpu.BackwardBuffers;
import org.hrmlab.engine.cpu.BlockActivations;
import org.hrmlab.engine.cpu.BlockShape;
import org.hrmlab.engine.cpu.BlockWeights;
import org.hrmlab.engine.cpu.Gemm;
import org.hrmlab.engine.cpu.NativeArray;
import org.hrmlab.engine.cpu.Scratch;
import org.hrmlab.engine.cpu.Streams;
import org.hrmlab.engine.cpu.Workers;
import org.hrmlab.engine.model.RotaryTable;

/**
 * A segment's updates for the trainer on the CPU: the no-grad ones, and the differentiable last L- and H-update with
 * a hand-written backward pass, in float32 on the inference engine's blocks ({@link AttentionBlock}): the same
 * function as {@link FinalStepGraph} (which serves as its oracle in the tests) without SameDiff's per-op overhead.
 * {@link #forward} keeps every block's activations for {@link #backward}; all buffers are allocated once for the
 * batch size. Weights are {@code [out, in]} as in the reference. Not thread-safe.
 */
final class FinalStep {
    private final HrmConfig c;
    private final int batch;
    private final int s;
    private final int d;
    private final int n;
    private final int vocab;
    private final Workers workers = Workers.shared();
    private final BlockShape shape;
    private final Scratch scratch;
    private final BackwardBuffers backwardBuffers;
    private final BlockActivations passing;
    private final Level lLevel;
    private final Level hLevel;
    /** {@code [B·S, D]}: carry, input embedding, the module being run, the gradient flowing back. */
    private final NativeArray zL;
    private final NativeArray zH;
    private final NativeArray x;
    private final NativeArray work;
    private final NativeArray grad;
    /** {@code [B·S, D]}: zH after the differentiable step (the no-grad updates reuse the others in between). */
    private final NativeArray finalZH;
    /** {@code [V, D]} and the logits / their gradient {@code [B·seqLen, V]}. */
    private final NativeArray lmHead;
    private final NativeArray logits;
    private final NativeArray lmHeadGrad;
    private final float[] hostState;
    private final Map<String, float[]> gradients = new LinkedHashMap<>();
    private float[] qWeight;
    private float[] qBias;
    private int[] tokens;
    private float[] zH1;
    private float[] tokenTable;
    private float[] positions;

    /** One module's blocks with their weights, kept activations and weight gradients. */
    private static final class Level {
        final String name;
        final AttentionBlock[] blocks;
        final BlockActivations[] kept;
        final BlockWeights[] grads;

        Level(String name, int layers, BlockShape shape, float[] cos, float[] sin, double eps) {
            this.name = name;
            blocks = new AttentionBlock[layers];
            kept = new BlockActivations[layers];
            grads = new BlockWeights[layers];
            for (int i = 0; i < layers; i++) {
                blocks[i] = new AttentionBlock(new BlockWeights(shape), cos, sin, eps);
                kept[i] = new BlockActivations(shape, true);
                grads[i] = new BlockWeights(shape);
            }
        }

        String prefix(int i) {
            return name + ".layers." + i + ".";
        }
    }

    FinalStep(HrmConfig config, int batch) {
        this.c = config;
        this.batch = batch;
        this.s = config.totalSeqLen();
        this.d = config.hiddenSize();
        this.n = batch * s;
        this.vocab = config.vocabSize();
        RotaryTable rope = RotaryTable.of(config);
        float[] cos = rope.cosines();
        float[] sin = rope.sines();
        shape = BlockShape.of(config, batch);
        scratch = new Scratch(workers, shape, true);
        backwardBuffers = new BackwardBuffers(shape);
        passing = new BlockActivations(shape, false);
        lLevel = new Level("L_level", config.lLayers(), shape, cos, sin, config.rmsNormEps());
        hLevel = new Level("H_level", config.hLayers(), shape, cos, sin, config.rmsNormEps());
        long state = (long) n * d;
        zL = new NativeArray(state);
        zH = new NativeArray(state);
        x = new NativeArray(state);
        work = new NativeArray(state);
        grad = new NativeArray(state);
        finalZH = new NativeArray(state);
        lmHead = new NativeArray((long) vocab * d);
        logits = new NativeArray((long) batch * config.seqLen() * vocab);
        lmHeadGrad = new NativeArray((long) vocab * d);
        hostState = new float[n * d];
    }

    /** Takes the current parameter values (copied into the blocks' native weights). */
    void setWeights(Map<String, float[]> p) {
        for (Level level : new Level[] {lLevel, hLevel}) {
            for (int i = 0; i < level.blocks.length; i++) {
                level.blocks[i].weights().set(p, level.prefix(i));
            }
        }
        lmHead.put(p.get("lm_head.weight"));
        qWeight = p.get("q_head.weight").clone();
        qBias = p.get("q_head.bias").clone();
        tokenTable = p.get("embed_tokens.embedding_weight");
        positions = c.learnedPositions() ? p.get("embed_pos.embedding_weight") : null;
    }

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
    float[] lUpdate(float[] zLIn, float[] zHIn, float[] xIn) {
        zL.put(zLIn);
        zH.put(zHIn);
        x.put(xIn);
        Gemm.useEngineThreads();
        lUpdateNative();
        return copy(zL);
    }

    /** No-grad H-update. @return {@code H(zH + zL)} (arguments not modified) */
    float[] hUpdate(float[] zHIn, float[] zLIn) {
        zL.put(zLIn);
        zH.put(zHIn);
        Gemm.useEngineThreads();
        hUpdateNative();
        return copy(zH);
    }

    /**
     * Runs every update of a segment but the last L- and H-update, without gradient.
     *
     * @param carry {@code {zL, zH}}, replaced by the new arrays
     */
    void allButLastStep(float[][] carry, float[] xIn) {
        zL.put(carry[0]);
        zH.put(carry[1]);
        x.put(xIn);
        Gemm.useEngineThreads();
        for (int h = 0; h < c.hCycles(); h++) {
            for (int l = 0; l < c.lCycles(); l++) {
                if (h < c.hCycles() - 1 || l < c.lCycles() - 1) {
                    lUpdateNative();
                }
            }
            if (h < c.hCycles() - 1) {
                hUpdateNative();
            }
        }
        carry[0] = copy(zL);
        carry[1] = copy(zH);
    }

    private void lUpdateNative() {
        Streams.sum(work, zL, zH, x, scratch);
        for (AttentionBlock b : lLevel.blocks) {
            b.forward(work, passing, scratch);
        }
        zL.copyFrom(work);
    }

    private void hUpdateNative() {
        Streams.sum(work, zH, zL, scratch);
        for (AttentionBlock b : hLevel.blocks) {
            b.forward(work, passing, scratch);
        }
        zH.copyFrom(work);
    }

    /** @return {@code [B·2]} Q logits (halt, continue) of a zH {@code [B·S·D]} (not modified) */
    float[] qLogits(float[] zHState) {
        float[] q = new float[batch * 2];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < 2; j++) {
                float acc = 0;
                for (int i = 0; i < d; i++) {
                    acc += zHState[b * s * d + i] * qWeight[j * d + i];
                }
                q[b * 2 + j] = acc + qBias[j];
            }
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
     * @param xIn the input embedding from {@link #embedding} (not modified)
     */
    Output forward(float[] zL0, float[] zH0, float[] xIn) {
        zL.put(zL0);
        zH.put(zH0);
        x.put(xIn);
        int seq = c.seqLen();
        int p = c.puzzleEmbLen();
        Gemm.useEngineThreads();
        Streams.sum(work, zL, zH, x, scratch);
        for (int i = 0; i < lLevel.blocks.length; i++) {
            lLevel.blocks[i].forward(work, lLevel.kept[i], scratch);
        }
        zL.copyFrom(work);
        Streams.sum(work, zH, zL, scratch);
        for (int i = 0; i < hLevel.blocks.length; i++) {
            hLevel.blocks[i].forward(work, hLevel.kept[i], scratch);
        }
        zH.copyFrom(work);
        finalZH.copyFrom(work);
        for (int b = 0; b < batch; b++) {
            Gemm.single(false, true, seq, vocab, d, 1f, finalZH.at(((long) b * s + p) * d, d), lmHead.matrix(d), 0f,
                    logits.at((long) b * seq * vocab, vocab));
        }
        zH1 = copy(zH);
        float[] out = new float[batch * seq * vocab];
        logits.get(out);
        return new Output(copy(zL), zH1, out, qLogits(zH1));
    }

    /**
     * @param gLogits {@code [B·seqLen·vocab]} d loss / d logits (not modified)
     * @param gQ      {@code [B·2]} d loss / d Q (not modified)
     * @return gradients by reference key; {@link FinalStepGraph#PUZZLE_ROWS} holds {@code [B·puzzleEmbNdim]}; the
     *         arrays are reused by the next call
     */
    Map<String, float[]> backward(float[] gLogits, float[] gQ) {
        int seq = c.seqLen();
        int p = c.puzzleEmbLen();
        logits.put(gLogits);
        float[] gqw = buffer("q_head.weight", 2 * d);
        java.util.Arrays.fill(gqw, 0f);
        float[] gb = buffer("q_head.bias", 2);
        java.util.Arrays.fill(gb, 0f);
        float[] dz = hostState;
        java.util.Arrays.fill(dz, 0f);
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < 2; j++) {
                float g = gQ[b * 2 + j];
                gb[j] += g;
                for (int i = 0; i < d; i++) {
                    gqw[j * d + i] += g * zH1[b * s * d + i];
                    dz[b * s * d + i] += g * qWeight[j * d + i];
                }
            }
        }
        grad.put(dz);
        Gemm.useEngineThreads();
        for (int b = 0; b < batch; b++) {
            long rows = (long) b * s + p;
            Gemm.parallel(workers, true, false, vocab, d, seq, 1f, logits.at((long) b * seq * vocab, vocab),
                    finalZH.at(rows * d, d), b == 0 ? 0f : 1f, lmHeadGrad.matrix(d));
            Gemm.parallel(workers, false, false, seq, d, vocab, 1f, logits.at((long) b * seq * vocab, vocab),
                    lmHead.matrix(d), 1f, grad.at(rows * d, d));
        }
        for (int i = hLevel.blocks.length - 1; i >= 0; i--) {
            hLevel.blocks[i].backward(grad, hLevel.kept[i], hLevel.grads[i], backwardBuffers, scratch);
        }
        for (int i = lLevel.blocks.length - 1; i >= 0; i--) {
            lLevel.blocks[i].backward(grad, lLevel.kept[i], lLevel.grads[i], backwardBuffers, scratch);
        }
        lmHeadGrad.get(buffer("lm_head.weight", vocab * d));
        for (Level level : new Level[] {hLevel, lLevel}) {
            for (int i = 0; i < level.blocks.length; i++) {
                level.grads[i].copyTo(gradients, level.prefix(i));
            }
        }
        grad.get(dz);
        embedBackward(dz);
        return gradients;
    }

    /** @return the reused gradient array of a key, made on first use */
    private float[] buffer(String key, int length) {
        return gradients.computeIfAbsent(key, k -> new float[length]);
    }

    private float[] copy(NativeArray a) {
        float[] out = new float[a.length()];
        a.get(out);
        return out;
    }

    private float[] embed(int[] tokenIds, float[] puzzleRows) {
        int p = c.puzzleEmbLen();
        int seq = c.seqLen();
        int ndim = c.puzzleEmbNdim();
        float scale = (float) Math.sqrt(d);
        float[] out = new float[n * d];
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
                    out[o + i] = v * scale;
                }
            }
        }
        return out;
    }

    private void embedBackward(float[] dx) {
        int p = c.puzzleEmbLen();
        int seq = c.seqLen();
        int ndim = c.puzzleEmbNdim();
        double scale = Math.sqrt(d) * (positions != null ? 0.707106781 : 1.0);
        float[] dTok = buffer("embed_tokens.embedding_weight", vocab * d);
        java.util.Arrays.fill(dTok, 0f);
        float[] dRows = ndim > 0 ? buffer(FinalStepGraph.PUZZLE_ROWS, batch * ndim) : null;
        float[] dPos = positions != null ? buffer("embed_pos.embedding_weight", s * d) : null;
        if (dRows != null) {
            java.util.Arrays.fill(dRows, 0f);
        }
        if (dPos != null) {
            java.util.Arrays.fill(dPos, 0f);
        }
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
    }
}
