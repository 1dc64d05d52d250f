package org.hrmlab.engine.model;

import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.ModelOps;
import org.hrmlab.engine.compute.Network;

/**
 * The model's update order, written once for every backend ({@link ModelOps}) and for both families: stepping,
 * evaluation and analysis call the single updates; training runs a segment's no-grad part, then its differentiable
 * part keeping activations, then {@link #backward}.
 * <pre>
 *   L-update: zL ← L(zL + (zH + x̃))
 *   H-update: zH ← H(zH + zL)            (TRM: H is L, the same network)
 *   segment:  H_cycles × (L_cycles L-updates, one H-update)
 * </pre>
 * The differentiable part: for the HRM its last L- and H-update (the 1-step gradient); for TRM its whole last
 * recursion (L_cycles latent updates and one answer update), whose gradient flows through every application of the
 * network and, through each latent update, into x̃. The carry it starts from is detached. Not thread-safe.
 *
 * @param <A> the backend's array type
 */
public final class ModelForward<A> {
    private final HrmConfig c;
    private final ModelOps<A> ops;

    /**
     * The streams an update reads and writes, each {@code [B·S, D]}: carry, input embedding and the module's work
     * stream (which holds the preliminary H-update of {@link #previewH}).
     */
    public record Carry<A>(A zL, A zH, A x, A work) {
        /** @return four new streams of {@code ops} */
        public static <A> Carry<A> of(ModelOps<A> ops) {
            return new Carry<>(ops.newStream(), ops.newStream(), ops.newStream(), ops.newStream());
        }
    }

    public ModelForward(HrmConfig config, ModelOps<A> ops) {
        this.c = config;
        this.ops = ops;
    }

    /** @return the operations this forward runs on */
    public ModelOps<A> ops() {
        return ops;
    }

    /**
     * {@code zL ← L(zL + (zH + x̃))}.
     *
     * @param keep the L network's slot that keeps the activations, or {@link Network#NO_GRAD}
     */
    public void lUpdate(Carry<A> s, int keep) {
        ops.sum(s.work(), s.zL(), s.zH(), s.x());
        ops.lNetwork().forward(s.work(), keep);
        ops.copy(s.zL(), s.work());
    }

    /**
     * {@code zH ← H(zH + zL)}.
     *
     * @param keep the H network's slot that keeps the activations, or {@link Network#NO_GRAD}
     */
    public void hUpdate(Carry<A> s, int keep) {
        previewH(s, keep);
        ops.copy(s.zH(), s.work());
    }

    /** The preliminary H-update {@code work ← H(zH + zL)} without gradient; the carry is not modified. */
    public void previewH(Carry<A> s) {
        previewH(s, Network.NO_GRAD);
    }

    private void previewH(Carry<A> s, int keep) {
        ops.sum(s.work(), s.zH(), s.zL());
        ops.hNetwork().forward(s.work(), keep);
    }

    /** A whole segment without gradient. */
    public void segment(Carry<A> s) {
        for (int h = 0; h < c.hCycles(); h++) {
            for (int l = 0; l < c.lCycles(); l++) {
                lUpdate(s, Network.NO_GRAD);
            }
            hUpdate(s, Network.NO_GRAD);
        }
    }

    /**
     * The updates of a segment before its differentiable part, without gradient: HRM all but the last L- and
     * H-update; TRM the first H_cycles − 1 recursions.
     */
    public void segmentBeforeGradient(Carry<A> s) {
        for (int h = 0; h < c.hCycles(); h++) {
            boolean lastCycle = h == c.hCycles() - 1;
            if (lastCycle && c.sharedNetwork()) {
                return;
            }
            for (int l = 0; l < c.lCycles(); l++) {
                if (!lastCycle || l < c.lCycles() - 1) {
                    lUpdate(s, Network.NO_GRAD);
                }
            }
            if (!lastCycle) {
                hUpdate(s, Network.NO_GRAD);
            }
        }
    }

    /** The segment's differentiable part after {@link #segmentBeforeGradient}, keeping activations. */
    public void differentiablePart(Carry<A> s) {
        if (c.sharedNetwork()) {
            for (int l = 0; l < c.lCycles(); l++) {
                lUpdate(s, l);
            }
            hUpdate(s, c.lCycles());
        } else {
            lUpdate(s, 0);
            hUpdate(s, 0);
        }
    }

    /**
     * Back-propagates the heads and the differentiable part, then the embedding.
     *
     * @param z          {@code [B·S, D]} the state the heads saw (zH after {@link #differentiablePart}; not modified)
     * @param gLogits    {@code [B·seqLen·V]} d loss / d logits (not modified)
     * @param gQ         {@code [B·2]} d loss / d Q (not modified)
     * @param grad       {@code [B·S, D]} work stream (overwritten)
     * @param inputGrad  {@code [B·S, D]} work stream for TRM's d loss / d x̃ (overwritten; unused by the HRM)
     * @param gradients  receives every gradient by reference key ({@link ModelOps#PUZZLE_ROWS} for the batch's
     *                   puzzle rows), overwritten
     */
    public void backward(A z, float[] gLogits, float[] gQ, A grad, A inputGrad, Map<String, float[]> gradients) {
        ops.headsBackward(z, gLogits, gQ, grad, gradients);
        A dx;
        if (c.sharedNetwork()) {
            // the answer update y ← net(y + z): y was detached, the gradient flows on into the last latent
            Network<A> net = ops.lNetwork();
            int cycles = c.lCycles();
            net.backward(grad, cycles, false);
            for (int l = cycles - 1; l >= 0; l--) {
                // z ← net(z + (y + x̃)): the input's gradient goes to the previous latent and to x̃
                net.backward(grad, l, true);
                if (l == cycles - 1) {
                    ops.copy(inputGrad, grad);
                } else {
                    ops.sum(inputGrad, inputGrad, grad);
                }
            }
            dx = inputGrad;
        } else {
            ops.hNetwork().backward(grad, 0, false);
            ops.lNetwork().backward(grad, 0, false);
            dx = grad;
        }
        if (ops.hNetwork() != ops.lNetwork()) {
            ops.hNetwork().gradientsTo(gradients);
        }
        ops.lNetwork().gradientsTo(gradients);
        ops.embeddingBackward(dx, gradients);
    }
}
