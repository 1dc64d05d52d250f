package org.hrmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.ParityWeights;
import org.hrmlab.engine.model.ReferenceComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole models whose weights are stored as bfloat16 and float16 (as a half-precision export would hold them), loaded
 * through {@link CheckpointLoader} from a reference torch checkpoint and from an HRM Lab safetensors file: every value
 * must arrive exactly, and the engine running the loaded model must match the naive reference running the
 * half-precision values decoded here independently.
 */
class HalfPrecisionModelParityTest {
    private static final HrmConfig CONFIG = HrmConfig.builder().vocabSize(7).numPuzzleIdentifiers(3).puzzleEmbNdim(80)
            .hiddenSize(48).numHeads(3).hLayers(2).lLayers(2).haltMaxSteps(4).build();
    private static final int SEQ = 16;

    @TempDir
    Path dir;

    /** How one tensor is stored. */
    private enum Storage {
        BF16("BFloat16Storage"), F16("HalfStorage"), F32("FloatStorage");

        final String torchType;

        Storage(String torchType) {
            this.torchType = torchType;
        }
    }

    /** Blocks in bfloat16, embeddings and heads in float16, H_init/L_init and the Q bias in float32. */
    private static Storage storageOf(String key) {
        if (key.contains("_level.")) {
            return Storage.BF16;
        }
        if (key.equals("H_init") || key.equals("L_init") || key.equals("q_head.bias")) {
            return Storage.F32;
        }
        return Storage.F16;
    }

    @Test
    void aMixedPrecisionTorchCheckpointRunsLikeTheReference() throws Exception {
        Map<String, HostTensor> original = ParityWeights.random(CONFIG.withSeqLen(SEQ), 23);
        Map<String, HostTensor> stored = new LinkedHashMap<>();
        TorchZip zip = new TorchZip();
        for (var e : original.entrySet()) {
            Storage s = storageOf(e.getKey());
            HostTensor t = quantised(e.getValue(), s);
            stored.put(e.getKey(), t);
            String sk = String.valueOf(stored.size());
            zip.storage(sk, bytes(e.getValue().data(), s));
            zip.view("_orig_mod.model.inner." + e.getKey(), new TorchZip.View(s.torchType, sk, t.data().length, 0,
                    t.shape(), TorchZip.contiguousStride(t.shape())));
        }
        Path ckpt = zip.write(dir.resolve("step_7"), true);
        Files.writeString(dir.resolve("all_config.yaml"), """
                arch:
                  name: hrm.hrm_act_v1@HierarchicalReasoningModel_ACTV1
                  H_cycles: 2
                  H_layers: 2
                  L_cycles: 2
                  L_layers: 2
                  expansion: 4
                  halt_exploration_prob: 0.1
                  halt_max_steps: 4
                  hidden_size: 48
                  num_heads: 3
                  pos_encodings: rope
                  puzzle_emb_ndim: 80
                """);

        ModelCheckpoint loaded = CheckpointLoader.load(ckpt);

        assertEquals(CONFIG, loaded.config());
        assertMostValuesRounded(original, stored);
        assertLoadedExactly(stored, loaded.weights());
        assertParity(loaded.weights(), stored);
    }

    @Test
    void aBfloat16HrmLabModelRunsLikeTheReference() throws Exception {
        Map<String, HostTensor> original = ParityWeights.random(CONFIG.withSeqLen(SEQ), 29);
        Map<String, HostTensor> stored = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        ObjectNode header = json.createObjectNode();
        ObjectNode meta = header.putObject("__metadata__");
        meta.put(HrmLabModelFile.FORMAT_KEY, HrmLabModelFile.FORMAT);
        meta.put("hrmlab.config", json.writeValueAsString(CONFIG));
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (var e : original.entrySet()) {
            Storage s = e.getKey().equals("puzzle_emb.weights") ? Storage.F16 : Storage.BF16;
            HostTensor t = quantised(e.getValue(), s);
            stored.put(e.getKey(), t);
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", s.name());
            var shape = entry.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            int begin = data.size();
            data.writeBytes(bytes(e.getValue().data(), s));
            entry.putArray("data_offsets").add(begin).add(data.size());
        }
        byte[] head = json.writeValueAsBytes(header);
        ByteBuffer file = ByteBuffer.allocate(8 + head.length + data.size()).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(head.length).put(head).put(data.toByteArray());
        Path model = Files.write(dir.resolve("model.safetensors"), file.array());

        ModelCheckpoint loaded = CheckpointLoader.load(model);

        assertEquals(CONFIG, loaded.config());
        assertEquals(HrmLabModelFile.FORMAT, loaded.provenance().get("format"));
        assertMostValuesRounded(original, stored);
        assertLoadedExactly(stored, loaded.weights());
        assertParity(loaded.weights(), stored);
    }

    /** Half precision must really have changed the weights, or the test would not show that it is handled. */
    private static void assertMostValuesRounded(Map<String, HostTensor> original, Map<String, HostTensor> stored) {
        long changed = 0;
        long total = 0;
        for (var e : original.entrySet()) {
            float[] o = e.getValue().data();
            float[] q = stored.get(e.getKey()).data();
            for (int i = 0; i < o.length; i++) {
                changed += o[i] != q[i] ? 1 : 0;
            }
            total += o.length;
        }
        assertTrue(changed * 10 > total * 9, changed + " of " + total + " values changed by the storage precision");
    }

    private static void assertLoadedExactly(Map<String, HostTensor> want, Map<String, HostTensor> got) {
        assertEquals(want.keySet(), got.keySet());
        for (var e : want.entrySet()) {
            float[] w = e.getValue().data();
            float[] g = got.get(e.getKey()).data();
            for (int i = 0; i < w.length; i++) {
                assertEquals(Float.floatToRawIntBits(w[i]), Float.floatToRawIntBits(g[i]), e.getKey() + "[" + i + "]");
            }
        }
    }

    private static void assertParity(Map<String, HostTensor> engineWeights, Map<String, HostTensor> referenceWeights) {
        HrmConfig c = CONFIG.withSeqLen(SEQ);
        int[][] tokens = {ParityWeights.tokens(SEQ, 7, 1), ParityWeights.tokens(SEQ, 7, 2)};
        var r = ReferenceComparison.run(c, engineWeights, referenceWeights, tokens, new int[] {1, 2}, 2, null);
        assertTrue(r.maxStateDiff() <= ReferenceComparison.TOLERANCE, "state differs by " + r.maxStateDiff() + " at "
                + r.worst());
        assertTrue(r.maxLogitDiff() <= ReferenceComparison.TOLERANCE, "logits differ by " + r.maxLogitDiff());
        assertTrue(r.maxQDiff() <= ReferenceComparison.TOLERANCE, "Q differs by " + r.maxQDiff());
        assertEquals(0, r.argmaxDiffers());
        assertTrue(r.rowSpread() > 0.05, "rows barely differ: " + r.rowSpread());
    }

    /** @return the values the stored bits stand for (truncated to the storage's precision, decoded here) */
    private static HostTensor quantised(HostTensor t, Storage s) {
        float[] out = new float[t.data().length];
        for (int i = 0; i < out.length; i++) {
            float v = t.data()[i];
            out[i] = switch (s) {
                case BF16 -> Float.intBitsToFloat(Float.floatToRawIntBits(v) & 0xFFFF0000);
                case F16 -> halfValue(toHalf(v));
                case F32 -> v;
            };
        }
        return new HostTensor(t.shape(), out);
    }

    private static byte[] bytes(float[] values, Storage s) {
        ByteBuffer b = ByteBuffer.allocate(values.length * (s == Storage.F32 ? 4 : 2)).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            switch (s) {
                case BF16 -> b.putShort((short) (Float.floatToRawIntBits(v) >>> 16));
                case F16 -> b.putShort(toHalf(v));
                case F32 -> b.putFloat(v);
            }
        }
        return b.array();
    }

    /** Float to IEEE half by truncating the mantissa; values below half's normal range become zero. */
    private static short toHalf(float v) {
        int bits = Float.floatToRawIntBits(v);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = ((bits >>> 23) & 0xFF) - 127 + 15;
        if (exponent <= 0) {
            return (short) sign;
        }
        if (exponent >= 31) {
            throw new IllegalArgumentException(v + " is outside float16's range");
        }
        return (short) (sign | exponent << 10 | (bits >>> 13) & 0x3FF);
    }

    /** The value of a half made by {@link #toHalf}: a normal number or a signed zero. */
    private static float halfValue(short h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        if (exponent == 0) {
            return Float.intBitsToFloat(sign);
        }
        return Float.intBitsToFloat(sign | (exponent - 15 + 127) << 23 | (h & 0x3FF) << 13);
    }
}
