package org.hrmlab.engine.compute;

import java.util.Map;

/**
 * The model's math on one backend for a fixed batch size {@code B}: everything the update order
 * ({@code org.hrmlab.engine.model.ModelForward}) needs, and the backward of each part, so that stepping, evaluation,
 * analysis and training run one forward written once. Arrays of the backend's type {@code A} hold a residual stream
 * {@code [B·S, D]} ({@code S} all positions: puzzle prefix plus grid; {@code D} the hidden size); host arrays are
 * row-major float32 ({@code seqLen} grid positions, {@code V} the vocabulary).
 *
 * <p>The CPU implementation is {@code org.hrmlab.engine.model.CpuModelOps} (native memory, OpenBLAS, the engine's
 * workers). A GPU backend provides the same operations on device memory: its forward kernels (already in its
 * model) plus backward kernels for the blocks, the heads and the embedding; it needs no second model, since the
 * update order, the heads' placement and the gradient flow live above this interface.
 *
 * <p>Boundary: the sums and copies of the residual streams, the networks, the input embedding and the two heads are
 * the backend's; which update runs when, which activations are kept, and how gradients flow between updates are
 * the caller's. Gradients are keyed like the reference's parameters, with the batch's puzzle-embedding rows under
 * {@link #PUZZLE_ROWS}. Not thread-safe.
 *
 * @param <A> the backend's array type
 */
public interface ModelOps<A> extends AutoCloseable {
    /** Gradient key of the batch's puzzle-embedding rows {@code [B·puzzleEmbNdim]} (the trainer's sparse update). */
    String PUZZLE_ROWS = "puzzle_emb.local_weights";

    /** @return the batch size B these operations are sized for */
    int batch();

    /** @return a new zeroed residual stream {@code [B·S, D]} */
    A newStream();

    /** @return the L network (TRM: its one network) */
    Network<A> lNetwork();

    /** @return the H network (TRM: the same object as {@link #lNetwork}) */
    Network<A> hNetwork();

    /** {@code out ← a + b}, element-wise over {@code [B·S, D]} ({@code out} may be one of the inputs). */
    void sum(A out, A a, A b);

    /** {@code out ← a + (b + c)}, element-wise, in that order of summation. */
    void sum(A out, A a, A b, A c);

    /** {@code dst ← src}. */
    void copy(A dst, A src);

    /** Writes a host array {@code [B·S·D]} (not modified) into {@code dst}. */
    void put(A dst, float[] src);

    /** Reads {@code src} into a host array {@code [B·S·D]}. */
    void get(A src, float[] dst);

    /**
     * The input embedding x̃ (hrm-reference.md §1.3): puzzle-embedding prefix, token embeddings, learned positions
     * (then ×1/√2) when configured, all scaled by √D. Remembers the tokens for {@link #embeddingBackward}.
     *
     * @param tokens     {@code [B·seqLen]} ids in {@code [0, V)} (not modified)
     * @param prefixRows {@code [B·puzzleEmbNdim]} the batch's puzzle-embedding rows, or null without a puzzle
     *                   embedding (not modified)
     * @param out        {@code [B·S, D]} x̃ (modified)
     */
    void embed(int[] tokens, float[] prefixRows, A out);

    /**
     * The embedding's gradient for the tokens of the last {@link #embed}: token table {@code [V, D]}, learned
     * positions {@code [S, D]} when configured, and the prefix rows {@code [B·puzzleEmbNdim]} under
     * {@link #PUZZLE_ROWS}.
     *
     * @param dx    {@code [B·S, D]} d loss / d x̃ (not modified)
     * @param grads receives the gradients (overwritten, not added to)
     */
    void embeddingBackward(A dx, Map<String, float[]> grads);

    /**
     * The heads on one state: {@code logits = lm_head(z)} with the prefix positions dropped, and
     * {@code Q = q_head(z[position 0])} (halt, continue).
     *
     * @param z      {@code [B·S, D]} (not modified)
     * @param logits {@code [B·seqLen·V]} (modified), or null to skip
     * @param q      {@code [B·2]} (modified), or null to skip
     */
    void heads(A z, float[] logits, float[] q);

    /**
     * The heads' backward at the state {@code z} of the last {@link #heads} call that computed logits.
     *
     * @param z       {@code [B·S, D]} the state the heads were applied to (not modified)
     * @param gLogits {@code [B·seqLen·V]} d loss / d logits (not modified)
     * @param gQ      {@code [B·2]} d loss / d Q (not modified)
     * @param dz      {@code [B·S, D]} receives d loss / d z (overwritten)
     * @param grads   receives {@code lm_head.weight [V, D]}, {@code q_head.weight [2, D]}, {@code q_head.bias [2]}
     *                (overwritten)
     */
    void headsBackward(A z, float[] gLogits, float[] gQ, A dz, Map<String, float[]> grads);

    /**
     * Overwrites the parameters these operations run on (a trainer's values after each optimiser step).
     *
     * @param params flat row-major tensors under the reference key names, shapes as {@code WeightLayout.expected}
     *               ({@code [out, in]} for projections; not modified)
     */
    void refreshWeights(Map<String, float[]> params);

    /** Releases what the backend holds for these operations (device memory); idempotent. */
    @Override
    default void close() {
    }
}
