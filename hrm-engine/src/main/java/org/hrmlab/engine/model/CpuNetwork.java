package org.hrmlab.engine.model;

import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.Network;
import org.hrmlab.engine.cpu.BackwardBuffers;
import org.hrmlab.engine.cpu.BlockActivations;
import org.hrmlab.engine.cpu.BlockShape;
import org.hrmlab.engine.cpu.BlockWeights;
import org.hrmlab.engine.cpu.Gemm;
import org.hrmlab.engine.cpu.NativeArray;

/**
 * A module's blocks (shared {@link CpuWeights}) applied to a residual stream {@code [B·S, D]} in native memory, with
 * the buffers of one batch size: the no-grad forward runs every block on the workspace's reused buffers (nothing is
 * allocated per call); a kept forward stores each attention block's activations in its application's slot, and the
 * backward runs {@link org.hrmlab.engine.cpu.AttentionBlock#backward} block by block. TRM's MLP variant keeps and
 * back-propagates on the heap ({@link TokenMlpTape}). Not thread-safe.
 */
final class CpuNetwork implements Network<NativeArray> {
    private final String module;
    private final List<ModelBlock> blocks;
    private final BlockWorkspace ws;
    /** {@code [application][layer]}; empty when nothing is kept. */
    private final BlockActivations[][] kept;
    /** Attention variant with slots: the weight gradients per layer and the backward's buffers. */
    private final BlockWeights[] grads;
    private final BackwardBuffers backwardBuffers;
    /** TRM's MLP variant with slots: the heap forward and backward. */
    private final TokenMlpTape tape;

    /**
     * @param module       {@code L_level} or {@code H_level}: the gradients' key prefix
     * @param blocks       the module's blocks
     * @param ws           work buffers of the batch (their scratch serving backward passes when {@code applications > 0})
     * @param applications slots of kept activations; 0 for a no-grad network
     */
    CpuNetwork(HrmConfig config, String module, List<ModelBlock> blocks, BlockWorkspace ws, int applications) {
        this.module = module;
        this.blocks = blocks;
        this.ws = ws;
        boolean tokenMlp = !blocks.isEmpty() && blocks.get(0) instanceof TokenMlpBlock;
        boolean keeps = applications > 0 && !tokenMlp;
        BlockShape shape = BlockShape.of(config, ws.batch);
        kept = new BlockActivations[keeps ? applications : 0][blocks.size()];
        grads = keeps ? new BlockWeights[blocks.size()] : null;
        for (int i = 0; keeps && i < blocks.size(); i++) {
            grads[i] = new BlockWeights(shape);
            for (BlockActivations[] slot : kept) {
                slot[i] = new BlockActivations(shape, true);
            }
        }
        backwardBuffers = keeps ? new BackwardBuffers(shape) : null;
        tape = applications > 0 && tokenMlp ? new TokenMlpTape(config, ws.batch, applications) : null;
    }

    /** Takes the parameter values the kept forward needs apart from the shared blocks (the MLP variant's tape). */
    void setTapeWeights(Map<String, float[]> params) {
        if (tape != null) {
            tape.setWeights(params);
        }
    }

    @Override
    public void forward(NativeArray x, int application) {
        Gemm.useEngineThreads();
        if (application == NO_GRAD) {
            for (ModelBlock block : blocks) {
                block.forwardInPlace(x, ws);
            }
        } else if (tape != null) {
            tape.forward(x, application);
        } else {
            for (int i = 0; i < blocks.size(); i++) {
                ((TransformerBlock) blocks.get(i)).attention().forward(x, kept[application][i], ws.scratch);
            }
        }
    }

    @Override
    public void backward(NativeArray dy, int application, boolean accumulate) {
        Gemm.useEngineThreads();
        if (tape != null) {
            tape.backward(dy, application, accumulate);
            return;
        }
        for (int i = blocks.size() - 1; i >= 0; i--) {
            ((TransformerBlock) blocks.get(i)).attention().backward(dy, kept[application][i], grads[i], accumulate,
                    backwardBuffers, ws.scratch);
        }
    }

    @Override
    public void gradientsTo(Map<String, float[]> out) {
        if (tape != null) {
            tape.gradientsTo(out);
            return;
        }
        for (int i = 0; grads != null && i < blocks.size(); i++) {
            grads[i].copyTo(out, CpuWeights.prefix(module, i));
        }
    }
}
