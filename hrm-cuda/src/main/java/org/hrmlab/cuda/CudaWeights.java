package org.hrmlab.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.InputEmbedding;
import org.hrmlab.engine.model.QHead;
import org.hrmlab.engine.model.RotaryTable;
import org.hrmlab.engine.model.Weights;

/**
 * Every parameter of a model on one GPU, independent of the batch size: the modules' blocks in the reference's
 * {@code [out, in]} layout in device memory (TRM: one list for both updates), the rotary tables and the output head
 * there too; the input embedding, the Q head and the initial carry on the host, computed by the CPU engine's own code.
 * Shared by the {@link CudaModelOps} made on it; {@link #refresh} overwrites the values in place.
 */
final class CudaWeights implements AutoCloseable {
    /** One post-norm block's projections, each {@code [out, in]}. */
    record Layer(DeviceArray qkv, DeviceArray o, DeviceArray gateUp, DeviceArray down) {
    }

    final CudaContext ctx;
    final HrmConfig config;
    /** The L module's blocks (TRM: its one network). */
    final List<Layer> lLayers = new ArrayList<>();
    /** The H module's blocks; TRM: the same list as {@link #lLayers}. */
    final List<Layer> hLayers;
    /** {@code [S, hd]} each. */
    final DeviceArray cos;
    final DeviceArray sin;
    /** {@code [V, D]}. */
    final DeviceArray lmHead;
    final InputEmbedding embedding;
    final QHead qHead;
    /** {@code [D]} each. */
    final float[] hInit;
    final float[] lInit;
    private final List<DeviceArray> held = new ArrayList<>();
    private boolean closed;

    /**
     * @param params      flat row-major tensors under the reference key names (not modified; copied)
     * @param puzzleTable whether to hold the puzzle table (a model looks rows up by id; a trainer passes them)
     */
    CudaWeights(CudaContext ctx, HrmConfig config, Map<String, float[]> params, boolean puzzleTable) {
        if (config.seqLen() <= 0) {
            throw new IllegalArgumentException("the model needs a sequence length; use HrmConfig.withSeqLen");
        }
        if (config.mlpT()) {
            throw new CudaException(CudaHrmModel.MLP_T_REFUSAL);
        }
        this.ctx = ctx;
        this.config = config;
        this.hLayers = config.sharedNetwork() ? lLayers : new ArrayList<>();
        embedding = InputEmbedding.of(config, params, puzzleTable);
        qHead = QHead.of(params, config.hiddenSize());
        hInit = Weights.array(params, "H_init").clone();
        lInit = Weights.array(params, "L_init").clone();
        ctx.enter();
        try {
            RotaryTable rope = RotaryTable.of(config);
            cos = keep(rope.cosines());
            sin = keep(rope.sines());
            for (int i = 0; !config.sharedNetwork() && i < config.hLayers(); i++) {
                hLayers.add(layer(params, prefix("H_level", i)));
            }
            for (int i = 0; i < config.lLayers(); i++) {
                lLayers.add(layer(params, prefix("L_level", i)));
            }
            lmHead = keep(Weights.array(params, "lm_head.weight"));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return the key prefix of a module's block: {@code L_level.layers.0.} */
    static String prefix(String module, int layer) {
        return module + ".layers." + layer + ".";
    }

    private Layer layer(Map<String, float[]> p, String prefix) {
        return new Layer(keep(Weights.array(p, prefix + "self_attn.qkv_proj.weight")),
                keep(Weights.array(p, prefix + "self_attn.o_proj.weight")),
                keep(Weights.array(p, prefix + "mlp.gate_up_proj.weight")),
                keep(Weights.array(p, prefix + "mlp.down_proj.weight")));
    }

    private DeviceArray keep(float[] host) {
        DeviceArray a = ctx.uploadNew(host);
        held.add(a);
        return a;
    }

    /** Overwrites every parameter with new values (flat tensors under the reference key names, not modified). */
    void refresh(Map<String, float[]> params) {
        checkOpen();
        ctx.enter();
        if (hLayers != lLayers) {
            refreshLevel(hLayers, params, "H_level");
        }
        refreshLevel(lLayers, params, "L_level");
        upload(lmHead, params, "lm_head.weight");
        embedding.refresh(params);
        qHead.refresh(params);
        Weights.copyInto(hInit, params, "H_init");
        Weights.copyInto(lInit, params, "L_init");
    }

    private void refreshLevel(List<Layer> level, Map<String, float[]> p, String module) {
        for (int i = 0; i < level.size(); i++) {
            Layer l = level.get(i);
            String k = prefix(module, i);
            upload(l.qkv(), p, k + "self_attn.qkv_proj.weight");
            upload(l.o(), p, k + "self_attn.o_proj.weight");
            upload(l.gateUp(), p, k + "mlp.gate_up_proj.weight");
            upload(l.down(), p, k + "mlp.down_proj.weight");
        }
    }

    private void upload(DeviceArray dst, Map<String, float[]> p, String key) {
        float[] src = Weights.array(p, key);
        if (src.length != dst.length()) {
            throw new IllegalArgumentException("'" + key + "' has " + src.length + " values, expected " + dst.length());
        }
        ctx.upload(src, 0, src.length, dst.pointer());
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this GPU model was closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            ctx.enter();
            for (DeviceArray a : held) {
                ctx.free(a);
            }
            held.clear();
        }
    }
}
