package org.hrmlab.engine.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.compute.ModelOps;
import org.hrmlab.engine.model.ModelForward;

/**
 * A training segment for both families on any device, on the same forward as the stepping model
 * ({@link ModelForward} on the device's {@link ModelOps}): its no-grad updates, its differentiable part with
 * activations kept (HRM: the last L- and H-update, the 1-step gradient; TRM: its whole last recursion,
 * hrm-reference.md §6.1), and the hand-written backward of that part, the heads and the embedding. This class only
 * moves the trainer's host arrays in and out of the device's streams. {@link FinalStepGraph} (SameDiff) is its oracle
 * in the tests; all buffers are allocated once for the batch size. Weights are {@code [out, in]} as in the reference.
 * Not thread-safe.
 *
 * @param <A> the device's array type
 */
final class FinalStep<A> implements SegmentPass {
    private final HrmConfig c;
    private final int batch;
    private final ComputeDevice device;
    private final Map<String, float[]> gradients = new LinkedHashMap<>();
    /** Made by the first {@link #setWeights}. */
    private ModelOps<A> ops;
    private ModelForward<A> forward;
    /** {@code [B·S, D]} each: carry, x̃ and the work stream. */
    private ModelForward.Carry<A> carry;
    /** {@code [B·S, D]}: zH after the differentiable part (the heads' input, kept for the backward). */
    private A finalZH;
    /** {@code [B·S, D]}: the gradient flowing back, and TRM's d loss / d x̃. */
    private A grad;
    private A inputGrad;
    /** {@code [B·S·D]}: the host side of every stream read. */
    private final int streamLength;

    FinalStep(HrmConfig config, int batch, ComputeDevice device) {
        this.c = config;
        this.batch = batch;
        this.device = device;
        this.streamLength = batch * config.totalSeqLen() * config.hiddenSize();
    }

    /** Outputs of the differentiable step: new carry, logits {@code [B·seqLen·vocab]} and Q {@code [B·2]}. */
    record Output(float[] zL, float[] zH, float[] logits, float[] q) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setWeights(Map<String, float[]> p) {
        if (ops != null) {
            ops.refreshWeights(p);
            return;
        }
        ops = (ModelOps<A>) device.trainingOps(c, p, batch);
        forward = new ModelForward<>(c, ops);
        carry = ModelForward.Carry.of(ops);
        finalZH = ops.newStream();
        grad = ops.newStream();
        inputGrad = c.sharedNetwork() ? ops.newStream() : null;
    }

    @Override
    public float[] embedding(int[] tokenIds, float[] puzzleRows) {
        ops.embed(tokenIds, puzzleRows, carry.x());
        return read(carry.x());
    }

    @Override
    public void allButLastStep(float[][] state, float[] x) {
        load(state[0], state[1], x);
        forward.segmentBeforeGradient(carry);
        state[0] = read(carry.zL());
        state[1] = read(carry.zH());
    }

    /** The test entry: embedding and differentiable step in one call. */
    Output forward(float[] zL0, float[] zH0, int[] tokenIds, float[] puzzleRows) {
        return forward(zL0, zH0, embedding(tokenIds, puzzleRows));
    }

    @Override
    public Output forward(float[] zL0, float[] zH0, float[] x) {
        load(zL0, zH0, x);
        forward.differentiablePart(carry);
        ops.copy(finalZH, carry.zH());
        float[] logits = new float[batch * c.seqLen() * c.vocabSize()];
        float[] q = new float[batch * 2];
        ops.heads(finalZH, logits, q);
        return new Output(read(carry.zL()), read(carry.zH()), logits, q);
    }

    /** @return gradients by reference key, as {@link SegmentPass#backward}; the arrays are reused by the next call */
    @Override
    public Map<String, float[]> backward(float[] gLogits, float[] gQ) {
        forward.backward(finalZH, gLogits, gQ, grad, inputGrad, gradients);
        return gradients;
    }

    @Override
    public float[] segmentQ(float[] zL, float[] zH, float[] x) {
        load(zL, zH, x);
        forward.segment(carry);
        float[] q = new float[batch * 2];
        ops.heads(carry.zH(), null, q);
        return q;
    }

    @Override
    public void close() {
        if (ops != null) {
            ops.close();
        }
    }

    /** Carry and input embedding (each {@code [B·S·D]}, not modified) into the device's streams. */
    private void load(float[] zL, float[] zH, float[] x) {
        ops.put(carry.zL(), zL);
        ops.put(carry.zH(), zH);
        ops.put(carry.x(), x);
    }

    private float[] read(A stream) {
        float[] out = new float[streamLength];
        ops.get(stream, out);
        return out;
    }
}
