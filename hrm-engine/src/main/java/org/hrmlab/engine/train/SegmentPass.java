package org.hrmlab.engine.train;

import java.util.Map;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.HrmConfig;

/**
 * One training segment of a model family, split as its reference trains it: the updates that run without gradient,
 * then the differentiable part, whose activations are kept for a hand-written backward pass: the HRM's last L- and
 * H-update (the "1-step gradient"), TRM's whole last recursion ({@code model.ModelForward} holds both orders;
 * {@link FinalStep} runs them on the CPU). Weights are {@code [out, in]} as in the reference; arrays are row-major float32. Not thread-safe.
 */
interface SegmentPass extends AutoCloseable {
    /** Takes the current parameter values (copied). */
    void setWeights(Map<String, float[]> params);

    /**
     * The input embedding x̃ of a batch; remembers the tokens for the embedding gradient.
     *
     * @param tokenIds   {@code [B·seqLen]} (not modified)
     * @param puzzleRows {@code [B·puzzleEmbNdim]} the batch's puzzle-embedding rows, or null without a puzzle embedding
     * @return {@code [B·S·D]}
     */
    float[] embedding(int[] tokenIds, float[] puzzleRows);

    /**
     * Runs the updates of a segment that come before the differentiable part, without gradient.
     *
     * @param carry {@code {zL, zH}}, replaced by the new arrays
     */
    void allButLastStep(float[][] carry, float[] x);

    /**
     * The differentiable part of the segment, keeping activations for {@link #backward}.
     *
     * @param zL0 {@code [B·S·D]} carry after {@link #allButLastStep} (not modified; no gradient flows into it)
     * @param zH0 same shape (not modified; no gradient flows into it)
     * @param x   the input embedding from {@link #embedding} (not modified)
     * @return the new carry, logits {@code [B·seqLen·vocab]} and Q logits {@code [B·2]}
     */
    FinalStep.Output forward(float[] zL0, float[] zH0, float[] x);

    /**
     * @param gLogits {@code [B·seqLen·vocab]} d loss / d logits of the last {@link #forward} (not modified)
     * @param gQ      {@code [B·2]} d loss / d Q (not modified)
     * @return gradients by reference key; {@link org.hrmlab.engine.compute.ModelOps#PUZZLE_ROWS} holds {@code [B·puzzleEmbNdim]}
     */
    Map<String, float[]> backward(float[] gLogits, float[] gQ);

    /**
     * A whole segment from a carry without gradient (the continue target's second forward); the kept activations of
     * {@link #forward} are not disturbed.
     *
     * @return {@code [B·2]} the Q logits after it (arguments not modified)
     */
    float[] segmentQ(float[] zL, float[] zH, float[] x);

    /** Releases what the device holds for this pass; idempotent. */
    @Override
    void close();

    /** @return the family's segment for {@code batch} rows on the CPU (one class for both: {@link FinalStep}) */
    static SegmentPass of(HrmConfig config, int batch) {
        return of(config, batch, ComputeDevice.CPU);
    }

    /** @return the family's segment for {@code batch} rows on {@code device} */
    static SegmentPass of(HrmConfig config, int batch, ComputeDevice device) {
        return new FinalStep<>(config, batch, device);
    }
}
