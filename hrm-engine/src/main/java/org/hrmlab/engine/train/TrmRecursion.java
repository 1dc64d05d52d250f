package org.hrmlab.engine.train;

import java.util.Map;
import org.hrmlab.engine.HrmConfig;

/**
 * One TRM training segment (hrm-reference.md §6.1; {@code TinyRecursiveReasoningModel_ACTV1_Inner.forward}) with a
 * hand-written backward. With T = H_cycles and n = L_cycles, one recursion is n latent updates and one answer update
 * of the same network:
 * <pre>
 *   repeat n times:  z ← net(z + (y + x̃))          (z = zL, the latent)
 *   once:            y ← net(y + z)                  (y = zH, the answer)
 * </pre>
 * The first T − 1 recursions run without gradient; the last one keeps every activation, and the gradient flows through
 * all of its n + 1 calls of the network (not the HRM's 1-step approximation) into the shared weights and, through each
 * latent update, into x̃. The carry it starts from is detached. State, heads, embedding and the network are
 * {@link FinalStep}'s (its TRM section), on the CPU engine's blocks in both variants. Checked against the SameDiff
 * graph {@link FinalStepGraph} and the reference's own training steps. Not thread-safe.
 */
final class TrmRecursion implements SegmentPass {
    private final HrmConfig c;
    private final FinalStep step;

    TrmRecursion(HrmConfig config, int batch) {
        if (!config.sharedNetwork()) {
            throw new IllegalArgumentException("not a TRM: the HRM trains with FinalStep");
        }
        this.c = config;
        this.step = new FinalStep(config, batch);
    }

    @Override
    public void setWeights(Map<String, float[]> params) {
        step.setWeights(params);
    }

    @Override
    public float[] embedding(int[] tokenIds, float[] puzzleRows) {
        return step.embedding(tokenIds, puzzleRows);
    }

    /** The first T − 1 recursions. */
    @Override
    public void allButLastStep(float[][] carry, float[] x) {
        step.recursions(carry, x, c.hCycles() - 1);
    }

    /** The last recursion, keeping activations. */
    @Override
    public FinalStep.Output forward(float[] zL0, float[] zH0, float[] x) {
        return step.recursionForward(zL0, zH0, x);
    }

    @Override
    public Map<String, float[]> backward(float[] gLogits, float[] gQ) {
        return step.recursionBackward(gLogits, gQ);
    }

    /** All T recursions without gradient. */
    @Override
    public float[] segmentQ(float[] zL, float[] zH, float[] x) {
        float[][] carry = {zL, zH};
        step.recursions(carry, x, c.hCycles());
        return step.qLogits(carry[1]);
    }
}
