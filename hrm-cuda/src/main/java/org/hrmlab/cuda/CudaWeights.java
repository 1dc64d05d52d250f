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
    /**
     * One post-norm block's projections, each {@code [out, in]}: attention ({@code qkv}, {@code o}; null in TRM's MLP
     * variant) or token mixing ({@code tokenGateUp [2·Iₜ, S]}, {@code tokenDown [S, Iₜ]}; null with attention), then
     * the channel SwiGLU ({@code gateUp}, {@code down}).
     */
    record Layer(DeviceArray qkv, DeviceArray o, DeviceArray tokenGateUp, DeviceArray tokenDown, DeviceArray gateUp,
                 DeviceArray down) {
        /** @return whether the block mixes tokens with a SwiGLU across the sequence (TRM's {@code mlp_t}) */
        boolean tokenMixing() {
            return tokenGateUp != null;
        }
    }

    /** Reference key suffixes of a layer's tensors, in {@link Layer}'s order. */
    static final String[] KEYS = {"self_attn.qkv_proj.weight", "self_attn.o_proj.weight", "mlp_t.gate_up_proj.weight",
            "mlp_t.down_proj.weight", "mlp.gate_up_proj.weight", "mlp.down_proj.weight"};

    /** @return the layer's tensors in {@link #KEYS}'s order (null where the variant has none) */
    static DeviceArray[] tensors(Layer l) {
        return new DeviceArray[] {l.qkv(), l.o(), l.tokenGateUp(), l.tokenDown(), l.gateUp(), l.down()};
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
        for (int i = 0; config.mlpT() && i < config.lLayers(); i++) {
            Weights.requireTokenMixingWidth(config, params, prefix("L_level", i));
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
        boolean tokens = config.mlpT();
        DeviceArray[] t = new DeviceArray[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            boolean attention = i < 2;
            boolean tokenMixing = i == 2 || i == 3;
            if ((attention && !tokens) || (tokenMixing && tokens) || i >= 4) {
                t[i] = keep(Weights.array(p, prefix + KEYS[i]));
            }
        }
        return new Layer(t[0], t[1], t[2], t[3], t[4], t[5]);
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
            DeviceArray[] t = tensors(level.get(i));
            for (int k = 0; k < KEYS.length; k++) {
                if (t[k] != null) {
                    upload(t[k], p, prefix(module, i) + KEYS[k]);
                }
            }
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
