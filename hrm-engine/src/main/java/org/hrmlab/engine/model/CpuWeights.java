package org.hrmlab.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.cpu.BlockShape;
import org.hrmlab.engine.cpu.BlockWeights;
import org.hrmlab.engine.cpu.TokenMlpWeights;

/**
 * Every parameter of a model on the CPU, independent of the batch size: the modules' blocks (TRM: one list for both
 * updates), the input embedding's tables, the heads and the initial carry. Shared by all {@link CpuModelOps} made on
 * it (a model's states); {@link #refresh} overwrites the values in place.
 */
final class CpuWeights {
    final HrmConfig config;
    /** The L module's blocks (TRM: its one network). */
    final List<ModelBlock> lBlocks = new ArrayList<>();
    /** The H module's blocks; TRM: the same list as {@link #lBlocks}. */
    final List<ModelBlock> hBlocks;
    final InputEmbedding embedding;
    final QHead qHead;
    final LmHead lmHead;
    /** {@code [D]} each. */
    final float[] hInit;
    final float[] lInit;

    /**
     * @param params      flat row-major tensors under the reference key names, shapes as
     *                    {@code WeightLayout.expected(config)} (not modified; copied)
     * @param puzzleTable whether to hold the puzzle table (a model looks rows up by id; a trainer passes them)
     */
    CpuWeights(HrmConfig config, Map<String, float[]> params, boolean puzzleTable) {
        if (config.seqLen() <= 0) {
            throw new IllegalArgumentException("the model needs a sequence length; use HrmConfig.withSeqLen");
        }
        this.config = config;
        RotaryTable rope = RotaryTable.of(config);
        BlockShape shape = BlockShape.of(config, 1);
        for (int i = 0; i < config.lLayers(); i++) {
            String prefix = prefix("L_level", i);
            lBlocks.add(config.mlpT() ? new TokenMlpBlock(tokenLayer(params, prefix, shape), config.rmsNormEps())
                    : new TransformerBlock(layer(params, prefix, shape), rope, config.rmsNormEps()));
        }
        if (config.sharedNetwork()) {
            hBlocks = lBlocks;
        } else {
            hBlocks = new ArrayList<>();
            for (int i = 0; i < config.hLayers(); i++) {
                hBlocks.add(new TransformerBlock(layer(params, prefix("H_level", i), shape), rope,
                        config.rmsNormEps()));
            }
        }
        embedding = InputEmbedding.of(config, params, puzzleTable);
        qHead = QHead.of(params, config.hiddenSize());
        lmHead = new LmHead(config, params);
        hInit = Weights.array(params, "H_init").clone();
        lInit = Weights.array(params, "L_init").clone();
    }

    /** @return the key prefix of a module's block: {@code L_level.layers.0.} */
    static String prefix(String module, int layer) {
        return module + ".layers." + layer + ".";
    }

    /** Overwrites every parameter with new values (flat tensors under the reference key names, not modified). */
    void refresh(Map<String, float[]> params) {
        if (hBlocks != lBlocks) {
            for (int i = 0; i < hBlocks.size(); i++) {
                ((TransformerBlock) hBlocks.get(i)).weights().set(params, prefix("H_level", i));
            }
        }
        for (int i = 0; i < lBlocks.size(); i++) {
            String prefix = prefix("L_level", i);
            if (lBlocks.get(i) instanceof TokenMlpBlock t) {
                refillTokenLayer(t.weights(), params, prefix);
            } else {
                ((TransformerBlock) lBlocks.get(i)).weights().set(params, prefix);
            }
        }
        embedding.refresh(params);
        Weights.copyInto(hInit, params, "H_init");
        Weights.copyInto(lInit, params, "L_init");
        lmHead.refresh(params);
        qHead.refresh(params);
    }

    private static BlockWeights layer(Map<String, float[]> w, String prefix, BlockShape shape) {
        BlockWeights b = new BlockWeights(shape);
        b.set(w, prefix);
        return b;
    }

    private TokenMlpWeights tokenLayer(Map<String, float[]> w, String prefix, BlockShape shape) {
        TokenMlpWeights t = new TokenMlpWeights(shape, config.mlpTInterSize());
        refillTokenLayer(t, w, prefix);
        return t;
    }

    private void refillTokenLayer(TokenMlpWeights w, Map<String, float[]> p, String prefix) {
        Weights.requireTokenMixingWidth(config, p, prefix);
        w.set(p, prefix);
    }
}
