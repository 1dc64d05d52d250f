package org.hrmlab.engine.train;

import java.util.Arrays;
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
import org.hrmlab.engine.cpu.TokenMlpActivations;
import org.hrmlab.engine.cpu.TokenMlpBlock;
import org.hrmlab.engine.cpu.TokenMlpWeights;
import org.hrmlab.engine.cpu.Workers;
import org.hrmlab.engine.model.RotaryTable;

/**
 * A segment's updates for the trainer on the CPU: the no-grad ones, and the differentiable last L- and H-update with
 * a hand-written backward pass, in float32 on the inference engine's blocks ({@link AttentionBlock}): the same
 * function as {@link FinalStepGraph} (which serves as its oracle in the tests) without SameDiff's per-op overhead.
 * {@link #forward} keeps every block's activations for {@link #backward}; all buffers are allocated once for the
 * batch size. Weights are {@code [out, in]} as in the reference.
 *
 * <p>TRM's segment ({@link TrmRecursion}) runs on the same state, heads and embedding through the section at the end
 * of this class: its one network (the L level: attention blocks, or {@link TokenMlpBlock}s in the MLP variant) is
 * applied L_cycles + 1 times in the differentiable recursion, so the network keeps one set of activations per
 * application and sums its weight gradients over them. Not thread-safe.
 */
final class FinalStep {
    private final HrmConfig c;
    private final int batch;
    private final int s;
    private final int d;
    private final int n;
    private final int vocab;
    private final Workers workers = Workers.shared();
    private final Scratch scratch;
    private final BackwardBuffers backwardBuffers;
    private final BlockActivations passing;
    /** The L level (TRM: its one network, attention or MLP-variant blocks) and the H level (TRM: empty). */
    private final Network lLevel;
    private final Network hLevel;
    /** {@code [B·S, D]}: carry, input embedding, the module being run, the gradient flowing back. */
    private final NativeArray zL;
    private final NativeArray zH;
    private final NativeArray x;
    private final NativeArray work;
    private final NativeArray grad;
    /** {@code [B·S, D]}: zH after the differentiable step (the no-grad updates reuse the others in between). */
    private final NativeArray finalZH;
    /** {@code [B·S, D]}: TRM's d loss / d x̃, summed over the latent updates. */
    private final NativeArray inputGrad;
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

    /**
     * A level's network applied in place to a residual stream {@code [B·S, D]} in native memory, able to keep the
     * activations of several applications (TRM applies its one network L_cycles + 1 times per recursion).
     */
    interface Network {
        /** Takes the current parameter values (copied). */
        void setWeights(Map<String, float[]> params);

        /**
         * Applies the network to {@code x} in place.
         *
         * @param x           {@code [B·S, D]} (modified)
         * @param application the slot that keeps the activations for {@link #backward}, or {@code -1} to keep none
         */
        void forward(NativeArray x, int application);

        /**
         * Back-propagates through one kept application.
         *
         * @param dy          {@code [B·S, D]} d loss / d output; replaced by d loss / d input
         * @param accumulate  true to add the weight gradients to those of earlier calls, false to start them afresh
         */
        void backward(NativeArray dy, int application, boolean accumulate);

        /** Copies the weight gradients into {@code out} under the reference keys. */
        void gradientsTo(Map<String, float[]> out);
    }

    /** One module's attention blocks with their weights, kept activations per application and weight gradients. */
    private final class Level implements Network {
        final String name;
        final AttentionBlock[] blocks;
        /** {@code [application][layer]}. */
        final BlockActivations[][] kept;
        final BlockWeights[] grads;

        Level(String name, int layers, int applications, BlockShape shape, float[] cos, float[] sin, double eps) {
            this.name = name;
            blocks = new AttentionBlock[layers];
            kept = new BlockActivations[applications][layers];
            grads = new BlockWeights[layers];
            for (int i = 0; i < layers; i++) {
                blocks[i] = new AttentionBlock(new BlockWeights(shape), cos, sin, eps);
                grads[i] = new BlockWeights(shape);
                for (BlockActivations[] app : kept) {
                    app[i] = new BlockActivations(shape, true);
                }
            }
        }

        String prefix(int i) {
            return name + ".layers." + i + ".";
        }

        @Override
        public void setWeights(Map<String, float[]> p) {
            for (int i = 0; i < blocks.length; i++) {
                blocks[i].weights().set(p, prefix(i));
            }
        }

        @Override
        public void forward(NativeArray in, int application) {
            for (int i = 0; i < blocks.length; i++) {
                blocks[i].forward(in, application < 0 ? passing : kept[application][i], scratch);
            }
        }

        @Override
        public void backward(NativeArray dy, int application, boolean accumulate) {
            for (int i = blocks.length - 1; i >= 0; i--) {
                blocks[i].backward(dy, kept[application][i], grads[i], accumulate, backwardBuffers, scratch);
            }
        }

        @Override
        public void gradientsTo(Map<String, float[]> out) {
            for (int i = 0; i < blocks.length; i++) {
                grads[i].copyTo(out, prefix(i));
            }
        }
    }

    /** TRM's MLP-variant blocks (its one network) with their weights, kept activations per application and gradients. */
    private final class TokenMlpLevel implements Network {
        final TokenMlpBlock[] blocks;
        /** {@code [application][layer]}. */
        final TokenMlpActivations[][] kept;
        final TokenMlpWeights[] grads;
        final TokenMlpActivations passing;

        TokenMlpLevel(int layers, int applications, BlockShape shape, int interT, double eps) {
            blocks = new TokenMlpBlock[layers];
            kept = new TokenMlpActivations[applications][layers];
            grads = new TokenMlpWeights[layers];
            passing = new TokenMlpActivations(shape, interT, false);
            for (int i = 0; i < layers; i++) {
                blocks[i] = new TokenMlpBlock(new TokenMlpWeights(shape, interT), eps);
                grads[i] = new TokenMlpWeights(shape, interT);
                for (TokenMlpActivations[] app : kept) {
                    app[i] = new TokenMlpActivations(shape, interT, true);
                }
            }
        }

        @Override
        public void setWeights(Map<String, float[]> p) {
            for (int i = 0; i < blocks.length; i++) {
                blocks[i].weights().set(p, "L_level.layers." + i + ".");
            }
        }

        @Override
        public void forward(NativeArray in, int application) {
            for (int i = 0; i < blocks.length; i++) {
                blocks[i].forward(in, application < 0 ? passing : kept[application][i], scratch);
            }
        }

        @Override
        public void backward(NativeArray dy, int application, boolean accumulate) {
            for (int i = blocks.length - 1; i >= 0; i--) {
                blocks[i].backward(dy, kept[application][i], grads[i], accumulate, backwardBuffers, scratch);
            }
        }

        @Override
        public void gradientsTo(Map<String, float[]> out) {
            for (int i = 0; i < blocks.length; i++) {
                grads[i].copyTo(out, "L_level.layers." + i + ".");
            }
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
        BlockShape shape = BlockShape.of(config, batch);
        scratch = new Scratch(workers, shape, true);
        backwardBuffers = new BackwardBuffers(shape, config.mlpT() ? config.mlpTInterSize() : 0);
        passing = new BlockActivations(shape, false);
        // TRM keeps the L network's activations for each of its L_cycles + 1 applications in the last recursion
        int applications = config.sharedNetwork() ? config.lCycles() + 1 : 1;
        lLevel = config.mlpT()
                ? new TokenMlpLevel(config.lLayers(), applications, shape, config.mlpTInterSize(), config.rmsNormEps())
                : new Level("L_level", config.lLayers(), applications, shape, cos, sin, config.rmsNormEps());
        hLevel = new Level("H_level", config.hLayers(), 1, shape, cos, sin, config.rmsNormEps());
        long state = (long) n * d;
        zL = new NativeArray(state);
        zH = new NativeArray(state);
        x = new NativeArray(state);
        work = new NativeArray(state);
        grad = new NativeArray(state);
        finalZH = new NativeArray(state);
        inputGrad = config.sharedNetwork() ? new NativeArray(state) : null;
        lmHead = new NativeArray((long) vocab * d);
        logits = new NativeArray((long) batch * config.seqLen() * vocab);
        lmHeadGrad = new NativeArray((long) vocab * d);
        hostState = new float[n * d];
    }

    /** Takes the current parameter values (copied into the blocks' native weights). */
    void setWeights(Map<String, float[]> p) {
        lLevel.setWeights(p);
        hLevel.setWeights(p);
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

    /** No-grad L-update. @return {@code L(zL + (zH + x))} {@code [B·S·D]} (arguments not modified) */
    float[] lUpdate(float[] zLIn, float[] zHIn, float[] xIn) {
        load(zLIn, zHIn, xIn);
        lUpdateNative(-1);
        return copy(zL);
    }

    /** No-grad H-update. @return {@code H(zH + zL)} {@code [B·S·D]} (arguments not modified) */
    float[] hUpdate(float[] zHIn, float[] zLIn) {
        zL.put(zLIn);
        zH.put(zHIn);
        Gemm.useEngineThreads();
        hUpdateNative(-1);
        return copy(zH);
    }

    /**
     * Runs every update of a segment but the last L- and H-update, without gradient.
     *
     * @param carry {@code {zL, zH}} each {@code [B·S·D]}, replaced by the new arrays
     * @param xIn   {@code [B·S·D]} the input embedding (not modified)
     */
    void allButLastStep(float[][] carry, float[] xIn) {
        load(carry[0], carry[1], xIn);
        for (int h = 0; h < c.hCycles(); h++) {
            for (int l = 0; l < c.lCycles(); l++) {
                if (h < c.hCycles() - 1 || l < c.lCycles() - 1) {
                    lUpdateNative(-1);
                }
            }
            if (h < c.hCycles() - 1) {
                hUpdateNative(-1);
            }
        }
        carry[0] = copy(zL);
        carry[1] = copy(zH);
    }

    /** Carry and input embedding (each {@code [B·S·D]}, not modified) into the native state. */
    private void load(float[] zLIn, float[] zHIn, float[] xIn) {
        zL.put(zLIn);
        zH.put(zHIn);
        x.put(xIn);
        Gemm.useEngineThreads();
    }

    /** {@code zL ← L(zL + (zH + x))} on the native state, keeping activations in {@code application} (or none: -1). */
    private void lUpdateNative(int application) {
        Streams.sum(work, zL, zH, x, scratch);
        lLevel.forward(work, application);
        zL.copyFrom(work);
    }

    /** {@code zH ← H(zH + zL)} on the native state (TRM: {@code zH ← L(zH + zL)}). */
    private void hUpdateNative(int application) {
        Streams.sum(work, zH, zL, scratch);
        (c.sharedNetwork() ? lLevel : hLevel).forward(work, application);
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
        load(zL0, zH0, xIn);
        lUpdateNative(0);
        hUpdateNative(0);
        return outputs();
    }

    /** The heads on the native zH (kept for the backward pass): the new carry, logits and Q. */
    private Output outputs() {
        int seq = c.seqLen();
        int p = c.puzzleEmbLen();
        finalZH.copyFrom(zH);
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
        headsBackward(gLogits, gQ);
        hLevel.backward(grad, 0, false);
        lLevel.backward(grad, 0, false);
        return blockAndEmbeddingGradients(grad);
    }

    /** The heads' backward: their weight gradients into the map, d loss / d zH' into {@link #grad}. */
    private void headsBackward(float[] gLogits, float[] gQ) {
        int seq = c.seqLen();
        int p = c.puzzleEmbLen();
        logits.put(gLogits);
        float[] gqw = buffer("q_head.weight", 2 * d);
        Arrays.fill(gqw, 0f);
        float[] gb = buffer("q_head.bias", 2);
        Arrays.fill(gb, 0f);
        float[] dz = hostState;
        Arrays.fill(dz, 0f);
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
        lmHeadGrad.get(buffer("lm_head.weight", vocab * d));
    }

    /** The levels' weight gradients and the embedding's for d loss / d x̃ {@code dx} into the map, which it returns. */
    private Map<String, float[]> blockAndEmbeddingGradients(NativeArray dx) {
        hLevel.gradientsTo(gradients);
        lLevel.gradientsTo(gradients);
        dx.get(hostState);
        embedBackward(hostState);
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
        Arrays.fill(dTok, 0f);
        float[] dRows = ndim > 0 ? buffer(FinalStepGraph.PUZZLE_ROWS, batch * ndim) : null;
        float[] dPos = positions != null ? buffer("embed_pos.embedding_weight", s * d) : null;
        if (dRows != null) {
            Arrays.fill(dRows, 0f);
        }
        if (dPos != null) {
            Arrays.fill(dPos, 0f);
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

    // ---- TRM (TrmRecursion): one network, applied L_cycles + 1 times per recursion, on the same state. ----

    /**
     * TRM recursions without gradient: per recursion, L_cycles latent updates {@code zL ← L(zL + (zH + x̃))} and one
     * answer update {@code zH ← L(zH + zL)}.
     *
     * @param carry      {@code {zL, zH}} each {@code [B·S·D]}, replaced by the new arrays
     * @param xIn        {@code [B·S·D]} the input embedding (not modified)
     * @param recursions how many
     */
    void recursions(float[][] carry, float[] xIn, int recursions) {
        load(carry[0], carry[1], xIn);
        for (int r = 0; r < recursions; r++) {
            for (int l = 0; l < c.lCycles(); l++) {
                lUpdateNative(-1);
            }
            hUpdateNative(-1);
        }
        carry[0] = copy(zL);
        carry[1] = copy(zH);
    }

    /**
     * TRM's differentiable last recursion, keeping the activations of all L_cycles + 1 applications of the network
     * for {@link #recursionBackward}.
     *
     * @param zL0 {@code [B·S·D]} carry after the no-grad recursions (not modified; detached)
     * @param zH0 same shape (not modified; detached)
     * @param xIn the input embedding from {@link #embedding} (not modified)
     */
    Output recursionForward(float[] zL0, float[] zH0, float[] xIn) {
        load(zL0, zH0, xIn);
        for (int l = 0; l < c.lCycles(); l++) {
            lUpdateNative(l);
        }
        hUpdateNative(c.lCycles());
        return outputs();
    }

    /**
     * Back-propagates TRM's last recursion: through the answer update into the last latent, then through every latent
     * update (each passes its input's gradient on to the previous latent and adds it to x̃'s); the carry it started
     * from is detached.
     *
     * @param gLogits {@code [B·seqLen·vocab]} d loss / d logits of the last {@link #recursionForward} (not modified)
     * @param gQ      {@code [B·2]} d loss / d Q (not modified)
     * @return gradients by reference key, as {@link #backward}; the arrays are reused by the next call
     */
    Map<String, float[]> recursionBackward(float[] gLogits, float[] gQ) {
        headsBackward(gLogits, gQ);
        int cycles = c.lCycles();
        lLevel.backward(grad, cycles, false);
        for (int l = cycles - 1; l >= 0; l--) {
            lLevel.backward(grad, l, true);
            if (l == cycles - 1) {
                inputGrad.copyFrom(grad);
            } else {
                Streams.sum(inputGrad, inputGrad, grad, scratch);
            }
        }
        return blockAndEmbeddingGradients(inputGrad);
    }
}
