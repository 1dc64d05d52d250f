package org.hrmlab.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.ModelFamily;

/**
 * Reads the {@code arch:} block and run fields of a reference {@code all_config.yaml}: the HRM's
 * ({@code hrm.hrm_act_v1@HierarchicalReasoningModel_ACTV1}) or TRM's
 * ({@code recursive_reasoning.trm@TinyRecursiveReasoningModel_ACTV1}, with its defaults: {@code puzzle_emb_len} 16,
 * {@code mlp_t} false, {@code no_ACT_continue} true; {@code H_layers} is ignored there and read as 0).
 */
final class ReferenceConfigReader {
    private ReferenceConfigReader() {
    }

    /** The architecture fields of the yaml, before data-derived sizes are known. */
    record Arch(int puzzleEmbNdim, int hiddenSize, int numHeads, double expansion, int hLayers, int lLayers,
                int hCycles, int lCycles, int haltMaxSteps, double haltExplorationProb, String posEncodings,
                double rmsNormEps, double ropeTheta, Map<String, String> runFields, ModelFamily family,
                int puzzleEmbLen, boolean mlpT, boolean noActContinue) {
    }

    /** The TRM class TRM's configs name; other models of the TRM repository (trm_singlez, trm_hier6, ...) differ. */
    static final String TRM_NAME = "recursive_reasoning.trm@TinyRecursiveReasoningModel_ACTV1";

    static Arch read(Path yaml, Path checkpoint) throws CheckpointException {
        if (!Files.isRegularFile(yaml)) {
            throw new CheckpointException(checkpoint, "no all_config.yaml beside the checkpoint (expected " + yaml
                    + ")");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
        } catch (IOException e) {
            throw new CheckpointException(yaml, "unreadable YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode arch = root == null ? null : root.get("arch");
        if (arch == null || !arch.isObject()) {
            throw new CheckpointException(yaml, "no 'arch:' block");
        }
        Map<String, String> run = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isValueNode()) {
                run.put(e.getKey(), v.asText());
            } else if (v.isArray() && v.size() > 0) {
                List<String> items = new ArrayList<>();
                v.forEach(item -> items.add(item.isValueNode() ? item.asText() : null));
                if (!items.contains(null)) {
                    run.put(e.getKey(), String.join(",", items));
                }
            }
        });
        String name = text(arch, "name", "hrm.hrm_act_v1@HierarchicalReasoningModel_ACTV1", yaml);
        ModelFamily family;
        if (name.contains("hrm_act_v1")) {
            family = ModelFamily.HRM;
        } else if (isTrm(name)) {
            family = ModelFamily.TRM;
        } else {
            throw new CheckpointException(yaml, "architecture '" + name + "' is not the HRM ACT v1 model (hrm_act_v1) or "
                    + "TRM (" + TRM_NAME + ")");
        }
        boolean trm = family == ModelFamily.TRM;
        return new Arch(arch.has("puzzle_emb_ndim") ? integer(arch, "puzzle_emb_ndim", yaml) : 0,
                integer(arch, "hidden_size", yaml), integer(arch, "num_heads", yaml), number(arch, "expansion", yaml),
                trm ? 0 : integer(arch, "H_layers", yaml), integer(arch, "L_layers", yaml),
                integer(arch, "H_cycles", yaml), integer(arch, "L_cycles", yaml), integer(arch, "halt_max_steps", yaml),
                arch.has("halt_exploration_prob") ? number(arch, "halt_exploration_prob", yaml) : 0.1,
                text(arch, "pos_encodings", "rope", yaml),
                arch.has("rms_norm_eps") ? number(arch, "rms_norm_eps", yaml) : 1e-5,
                arch.has("rope_theta") ? number(arch, "rope_theta", yaml) : 10000.0, run, family,
                trm ? (arch.has("puzzle_emb_len") ? integer(arch, "puzzle_emb_len", yaml) : 16) : 0,
                trm && bool(arch, "mlp_t", false, yaml), trm && bool(arch, "no_ACT_continue", true, yaml));
    }

    /** @return true for TRM's own class, {@code ...trm@TinyRecursiveReasoningModel_ACTV1} (module last named trm) */
    private static boolean isTrm(String name) {
        int at = name.indexOf('@');
        if (at < 0 || !name.substring(at + 1).equals("TinyRecursiveReasoningModel_ACTV1")) {
            return false;
        }
        String module = name.substring(0, at);
        return module.substring(module.lastIndexOf('.') + 1).equals("trm");
    }

    private static boolean bool(JsonNode n, String field, boolean fallback, Path yaml) throws CheckpointException {
        JsonNode v = n.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new CheckpointException(yaml, "arch." + field + " is not true or false");
        }
        return v.asBoolean();
    }

    private static String text(JsonNode n, String field, String fallback, Path yaml) throws CheckpointException {
        JsonNode v = n.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new CheckpointException(yaml, "arch." + field + " is not a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String field, Path yaml) throws CheckpointException {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new CheckpointException(yaml, "arch." + field + " is missing or not an integer");
        }
        return v.asInt();
    }

    private static double number(JsonNode n, String field, Path yaml) throws CheckpointException {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new CheckpointException(yaml, "arch." + field + " is missing or not a number");
        }
        return v.asDouble();
    }
}
