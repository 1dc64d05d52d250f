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
import org.hrmlab.engine.cpu.TokenMlpActivations;
import org.hrmlab.engine.cpu.TokenMlpWeights;

/**
 * A module's blocks (shared {@link CpuWeights}) applied to a residual stream {@code [B·S, D]} in native memory, with
 * the buffers of one batch size: the no-grad forward runs every block on the workspace's reused buffers (nothing is
 * allocated per call); a kept forward stores each block's activations in its application's slot, and the backward
 * runs the blocks' backward ({@link org.hrmlab.engine.cpu.AttentionBlock#backward}, or
 * {@link org.hrmlab.engine.cpu.TokenMlpBlock#backward} in TRM's MLP variant) block by block. Not thread-safe.
 */
final class CpuNetwork implements Network<NativeArray> {
    private final String module;
    private final List<ModelBlock> blocks;
    private final BlockWorkspace ws;
    /** Attention variant: {@code [application][layer]}; empty when nothing is kept. */
    private final BlockActivations[][] kept;
    /** Attention variant with slots: the weight gradients per layer. */
    private final BlockWeights[] grads;
    /** TRM's MLP variant: {@code [application][layer]}; empty when nothing is kept. */
    private final TokenMlpActivations[][] tokenKept;
    /** TRM's MLP variant with slots: the weight gradients per layer. */
    private final TokenMlpWeights[] tokenGrads;
    /** The backward's buffers (with the token SwiGLU's width in the MLP variant); null without slots. */
    private final BackwardBuffers backwardBuffers;

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
        boolean keeps = applications > 0;
        BlockShape shape = BlockShape.of(config, ws.batch);
        int interT = tokenMlp ? config.mlpTInterSize() : 0;
        kept = new BlockActivations[keeps && !tokenMlp ? applications : 0][blocks.size()];
        tokenKept = new TokenMlpActivations[keeps && tokenMlp ? applications : 0][blocks.size()];
        grads = keeps && !tokenMlp ? new BlockWeights[blocks.size()] : null;
        tokenGrads = keeps && tokenMlp ? new TokenMlpWeights[blocks.size()] : null;
        for (int i = 0; keeps && i < blocks.size(); i++) {
            if (tokenMlp) {
                tokenGrads[i] = new TokenMlpWeights(shape, interT);
                for (TokenMlpActivations[] slot : tokenKept) {
                    slot[i] = new TokenMlpActivations(shape, interT, true);
                }
            } else {
                grads[i] = new BlockWeights(shape);
                for (BlockActivations[] slot : kept) {
                    slot[i] = new BlockActivations(shape, true);
                }
            }
        }
        backwardBuffers = keeps ? new BackwardBuffers(shape, interT) : null;
    }

    @Override
    public void forward(NativeArray x, int application) {
        Gemm.useEngineThreads();
        if (application == NO_GRAD) {
            for (ModelBlock block : blocks) {
                block.forwardInPlace(x, ws);
            }
        } else if (tokenGrads != null) {
            for (int i = 0; i < blocks.size(); i++) {
                ((TokenMlpBlock) blocks.get(i)).block().forward(x, tokenKept[application][i], ws.scratch);
            }
        } else {
            for (int i = 0; i < blocks.size(); i++) {
                ((TransformerBlock) blocks.get(i)).attention().forward(x, kept[application][i], ws.scratch);
            }
        }
    }

    @Override
    public void backward(NativeArray dy, int application, boolean accumulate) {
        Gemm.useEngineThreads();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (tokenGrads != null) {
                ((TokenMlpBlock) blocks.get(i)).block().backward(dy, tokenKept[application][i], tokenGrads[i],
                        accumulate, backwardBuffers, ws.scratch);
            } else {
                ((TransformerBlock) blocks.get(i)).attention().backward(dy, kept[application][i], grads[i],
                        accumulate, backwardBuffers, ws.scratch);
            }
        }
    }

    @Override
    public void gradientsTo(Map<String, float[]> out) {
        for (int i = 0; i < blocks.size(); i++) {
            if (tokenGrads != null) {
                tokenGrads[i].copyTo(out, CpuWeights.prefix(module, i));
            } else if (grads != null) {
                grads[i].copyTo(out, CpuWeights.prefix(module, i));
            }
        }
    }
}
