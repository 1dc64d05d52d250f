package org.hrmlab.engine.model;

import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;

/**
 * The Hierarchical Reasoning Model's forward computation (Wang et al., "Hierarchical Reasoning Model",
 * arXiv 2506.21734; the reference implementation's {@code HierarchicalReasoningModel_ACTV1_Inner}), in float32: the
 * one stepping interface behind which every backend (the CPU engine, CUDA on an NVIDIA GPU) runs the same math. The
 * CPU model runs the forward that training also runs ({@link ModelForward} on {@code compute.ModelOps}); see the
 * package description for the CUDA model's port onto it.
 *
 * <p>Updates, with {@code x̃} the scaled input embedding and both modules stacks of post-norm blocks:
 * <pre>
 *   L-update: zL ← L(zL + (zH + x̃))
 *   H-update: zH ← H(zH + zL)
 *   logits   = lm_head(zH)[prefix dropped],  Q = q_head(zH[position 0])  (halt, continue)
 * </pre>
 * The same output head can also read the low state ({@link #lowStateLogits}): TRM's {@code lm_head(z)}, which its
 * paper says decodes to nothing sensible. Shapes use {@code B} for the batch, {@code S = config().totalSeqLen()} for all positions (puzzle prefix plus grid),
 * {@code seqLen} for grid positions, {@code D} for the hidden size and {@code V} for the vocabulary. Weights are shared
 * by all states and change only through {@link #refreshWeights}; all other mutable data lives in an {@link HrmState}
 * made by the same model. A model and its states are used from one thread. {@link #close()} releases what the backend
 * holds (device memory); states of a closed model must not be used.
 */
public interface HrmModel extends AutoCloseable {

    /**
     * @param config  the architecture with {@code seqLen > 0}
     * @param weights tensors under the reference key names, shapes as {@code WeightLayout.expected(config)}
     * @return the model on the CPU ({@link CpuHrmModel})
     */
    static HrmModel onCpu(HrmConfig config, Map<String, HostTensor> weights) {
        return new CpuHrmModel(config, weights);
    }

    /** @return the architecture this model runs */
    HrmConfig config();

    /** @return where the model runs, for people: {@code "cpu"}, {@code "cuda:0 (NVIDIA H200)"} */
    String device();

    /** @return fresh carry and work buffers for {@code batch} examples (carry uninitialised: embed and reset) */
    HrmState newState(int batch);

    /**
     * Computes the input embedding x̃ of every row (hrm-reference.md §1.3): puzzle-embedding prefix, token embeddings,
     * learned positions (then ×1/√2) when configured, all scaled by √D.
     *
     * @param tokens    {@code [B·seqLen]} token ids in {@code [0, V)} (not modified)
     * @param puzzleIds {@code [B]} puzzle identifiers in {@code [0, numPuzzleIdentifiers)} (not modified)
     */
    void embed(HrmState st, int[] tokens, int[] puzzleIds);

    /** Resets one batch row's carry to H_init / L_init broadcast over every position. */
    void resetCarry(HrmState st, int row);

    /** One L-update on every row: {@code zL ← L(zL + (zH + x̃))}. */
    void lUpdate(HrmState st);

    /** One H-update on every row: {@code zH ← H(zH + zL)}. */
    void hUpdate(HrmState st);

    /**
     * The paper's Fig. 7 read-out: one preliminary H-update {@code z̄H = H(zH + zL)} whose logits are returned;
     * the carry is not modified.
     *
     * @param out {@code [B·seqLen·V]} (modified)
     */
    void previewLogits(HrmState st, float[] out);

    /** Output head on zH with prefix positions dropped. @param out {@code [B·seqLen·V]} (modified) */
    void logits(HrmState st, float[] out);

    /**
     * The output head on the low state instead: {@code lm_head(zL)} with prefix positions dropped, exactly as
     * {@link #logits} reads zH (for a TRM, {@code lm_head(z)}: the latent through the answer's head). The carry is not
     * modified.
     *
     * @param out {@code [B·seqLen·V]}: row {@code b}, grid position {@code t}, token {@code v} at
     *            {@code (b·seqLen + t)·V + v} (modified)
     */
    void lowStateLogits(HrmState st, float[] out);

    /** Q head on zH position 0 of each row. @param out {@code [B·2]}: halt, continue logits (modified) */
    void qLogits(HrmState st, float[] out);

    /**
     * Overwrites every weight in place with new values (states stay valid): the way a trainer keeps a fast no-grad
     * copy of its parameters after each optimiser step.
     *
     * @param params flat row-major tensors under the reference key names, shapes as
     *               {@code WeightLayout.expected(config)} ({@code [out, in]} for projections; not modified)
     */
    void refreshWeights(Map<String, float[]> params);

    /**
     * @param positions the positions (prefix included in the numbering) whose vectors are the samples
     * @return a float64 summary of per-token samples of this model's states, kept where the states live
     */
    default StateScatter newScatter(int[] positions) {
        return new HostStateScatter(config(), positions);
    }

    /** Waits until all work queued on the device is done (a no-op where calls complete synchronously). */
    default void finish() {
    }

    /** Releases the backend's resources; idempotent. */
    @Override
    void close();
}
