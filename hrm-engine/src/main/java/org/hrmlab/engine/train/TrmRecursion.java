package org.hrmlab.engine.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * latent update, into x̃. The carry it starts from is detached. Heads and embedding are the HRM's ({@link FinalStep});
 * the network is FinalStep's attention blocks, or {@link TokenMlpLevel} in the MLP variant. Checked against the
 * SameDiff graph {@link FinalStepGraph} and the reference's own training steps. Not thread-safe.
 */
final class TrmRecursion implements SegmentPass {
    private final HrmConfig c;
    private final int size;
    private final FinalStep io;
    private final TokenMlpLevel mlp;
    private final List<Object> latentTapes = new ArrayList<>();
    private Object answerTape;
    private float[] y;

    TrmRecursion(HrmConfig config, int batch) {
        if (!config.sharedNetwork()) {
            throw new IllegalArgumentException("not a TRM: the HRM trains with FinalStep");
        }
        this.c = config;
        this.size = batch * config.totalSeqLen() * config.hiddenSize();
        this.io = new FinalStep(config, batch);
        this.mlp = config.mlpT() ? new TokenMlpLevel(config, batch) : null;
    }

    @Override
    public void setWeights(Map<String, float[]> params) {
        io.setWeights(params);
        if (mlp != null) {
            mlp.setWeights(params);
        }
    }

    @Override
    public float[] embedding(int[] tokenIds, float[] puzzleRows) {
        return io.embedding(tokenIds, puzzleRows);
    }

    /** The first T − 1 recursions. */
    @Override
    public void allButLastStep(float[][] carry, float[] x) {
        for (int h = 0; h < c.hCycles() - 1; h++) {
            recursion(carry, x);
        }
    }

    /** The last recursion, keeping activations. */
    @Override
    public FinalStep.Output forward(float[] zL0, float[] zH0, float[] x) {
        latentTapes.clear();
        float[] z = zL0;
        for (int l = 0; l < c.lCycles(); l++) {
            Object tape = netForward(latentInput(z, zH0, x));
            latentTapes.add(tape);
            z = output(tape);
        }
        answerTape = netForward(sum(zH0, z));
        y = output(answerTape);
        return new FinalStep.Output(z, y, io.logits(y), io.qLogits(y));
    }

    @Override
    public Map<String, float[]> backward(float[] gLogits, float[] gQ) {
        Map<String, float[]> g = new LinkedHashMap<>();
        float[] dy = io.headsBackward(y, gLogits, gQ, g);
        // y' = net(y + z_n): the carry's y is detached, so only z_n takes this gradient
        float[] dz = netBackward(answerTape, dy, g);
        float[] dx = new float[size];
        for (int l = c.lCycles() - 1; l >= 0; l--) {
            // z_{l+1} = net(z_l + (y + x̃)): z_l and x̃ both take the input's gradient; z_0 is detached
            dz = netBackward(latentTapes.get(l), dz, g);
            for (int i = 0; i < size; i++) {
                dx[i] += dz[i];
            }
        }
        io.embeddingBackward(dx, g);
        return g;
    }

    /** All T recursions without gradient. */
    @Override
    public float[] segmentQ(float[] zL, float[] zH, float[] x) {
        float[][] carry = {zL, zH};
        for (int h = 0; h < c.hCycles(); h++) {
            recursion(carry, x);
        }
        return io.qLogits(carry[1]);
    }

    /** One recursion without gradient on {@code {zL, zH}} (replaced by new arrays). */
    private void recursion(float[][] carry, float[] x) {
        for (int l = 0; l < c.lCycles(); l++) {
            carry[0] = output(netForward(latentInput(carry[0], carry[1], x)));
        }
        carry[1] = output(netForward(sum(carry[1], carry[0])));
    }

    private Object netForward(float[] in) {
        return mlp != null ? mlp.forward(in) : io.lLevelForward(in);
    }

    private static float[] output(Object tape) {
        return tape instanceof TokenMlpLevel.Tape t ? t.output() : ((FinalStep.LevelTape) tape).output();
    }

    private float[] netBackward(Object tape, float[] dy, Map<String, float[]> g) {
        return mlp != null ? mlp.backward((TokenMlpLevel.Tape) tape, dy, g)
                : io.lLevelBackward((FinalStep.LevelTape) tape, dy, g);
    }

    /** @return {@code z + (y + x)}, the reference's order of the two additions */
    private float[] latentInput(float[] z, float[] yState, float[] x) {
        float[] in = new float[size];
        for (int i = 0; i < size; i++) {
            in[i] = z[i] + (yState[i] + x[i]);
        }
        return in;
    }

    private float[] sum(float[] a, float[] b) {
        float[] in = new float[size];
        for (int i = 0; i < size; i++) {
            in[i] = a[i] + b[i];
        }
        return in;
    }
}
