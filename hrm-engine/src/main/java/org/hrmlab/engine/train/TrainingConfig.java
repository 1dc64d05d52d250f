package org.hrmlab.engine.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.ModelFamily;

/**
 * A training run's settings, read from YAML with the reference's names ({@code config/cfg_pretrain.yaml} and
 * {@code config/arch/hrm_v1.yaml}); everything not given takes the reference's default. An {@code arch.name} of
 * {@code recursive_reasoning.trm@TinyRecursiveReasoningModel_ACTV1} makes it a TRM with TRM's defaults
 * ({@code config/arch/trm.yaml}: L_layers 2, H_cycles 3, L_cycles 6, puzzle_emb_len 16 (0 without a puzzle
 * embedding), mlp_t false, no_ACT_continue true; H_layers is ignored, as there) and TRM's fields; {@code ema: true} with {@code ema_rate}
 * (default 0.999) averages the weights, and TRM's {@code data_paths} may stand for {@code data_path} with one folder.
 *
 * @param dataPath            dataset folder in the reference layout (relative paths resolve against the YAML file)
 * @param arch                architecture fields (the data fixes seq_len, vocab size and puzzle-id count)
 * @param lossType            {@code stablemax_cross_entropy} or {@code softmax_cross_entropy}
 * @param globalBatchSize     examples per batch
 * @param epochs              epochs of the whole run (sets the schedule's total steps)
 * @param evalInterval        evaluate every this many epochs (0 = only at the end)
 * @param checkpointEveryEval write a checkpoint at every evaluation
 * @param checkpointInterval  also write one every this many steps (0 = off)
 * @param maxSteps            stop after this many steps (0 = the schedule's total)
 * @param logInterval         one stdout line every this many steps
 * @param evalLimit           evaluate at most this many test examples (0 = all)
 * @param optimiser           learning rates, betas, weight decays and warm-up
 * @param seed                run seed (weights, data order, exploration)
 * @param initCheckpoint      start from this model instead of fresh weights (null = fresh)
 */
public record TrainingConfig(Path dataPath, Arch arch, String lossType, int globalBatchSize, int epochs,
                             int evalInterval, boolean checkpointEveryEval, long checkpointInterval, long maxSteps,
                             int logInterval, int evalLimit, Optim optimiser, long seed, Path initCheckpoint) {

    /** Architecture fields (reference names in the YAML); the last four are TRM's. */
    public record Arch(int hiddenSize, int numHeads, double expansion, int hLayers, int lLayers, int hCycles,
                       int lCycles, int haltMaxSteps, double haltExplorationProb, int puzzleEmbNdim,
                       String posEncodings, double rmsNormEps, double ropeTheta, ModelFamily family,
                       int puzzleEmbLen, boolean mlpT, boolean noActContinue) {
        /** @return the model for the sizes the data fixes */
        HrmConfig config(int seqLen, int vocab, int numPuzzleIdentifiers) {
            if (family == ModelFamily.TRM) {
                return HrmConfig.trm(seqLen, vocab, numPuzzleIdentifiers, puzzleEmbNdim, hiddenSize, numHeads,
                        expansion, lLayers, hCycles, lCycles, haltMaxSteps, haltExplorationProb, posEncodings,
                        rmsNormEps, ropeTheta, puzzleEmbLen, mlpT, noActContinue);
            }
            return new HrmConfig(seqLen, vocab, numPuzzleIdentifiers, puzzleEmbNdim, hiddenSize, numHeads, expansion,
                    hLayers, lLayers, hCycles, lCycles, haltMaxSteps, haltExplorationProb, posEncodings, rmsNormEps,
                    ropeTheta);
        }
    }

    /** Optimiser fields (reference names in the YAML); {@code emaRate} 0 = no moving average ({@code ema: false}). */
    public record Optim(double lr, double lrMinRatio, long lrWarmupSteps, double beta1, double beta2,
                        double weightDecay, double puzzleEmbLr, double puzzleEmbWeightDecay, double emaRate) {
    }

    /** The TRM class TRM's configs name (other models of its repository, trm_singlez and the like, do not train). */
    static final String TRM_NAME = "recursive_reasoning.trm@TinyRecursiveReasoningModel_ACTV1";

    private static final Set<String> TOP = Set.of("data_path", "arch", "global_batch_size", "epochs", "eval_interval",
            "checkpoint_every_eval", "checkpoint_interval", "max_steps", "log_interval", "eval_limit", "lr",
            "lr_min_ratio", "lr_warmup_steps", "beta1", "beta2", "weight_decay", "puzzle_emb_lr",
            "puzzle_emb_weight_decay", "seed", "init_checkpoint", "ema", "ema_rate", "data_paths",
            // reference bookkeeping fields, accepted and ignored
            "project_name", "run_name", "checkpoint_path", "eval_save_outputs");
    private static final Set<String> ARCH = Set.of("name", "loss", "loss_type", "hidden_size", "num_heads",
            "expansion", "H_layers", "L_layers", "H_cycles", "L_cycles", "halt_max_steps", "halt_exploration_prob",
            "puzzle_emb_ndim", "pos_encodings", "rms_norm_eps", "rope_theta", "forward_dtype",
            "puzzle_emb_len", "mlp_t", "no_ACT_continue");
    private static final Set<String> TRM_ONLY = Set.of("puzzle_emb_len", "mlp_t", "no_ACT_continue");

    /**
     * @param file the YAML file
     * @throws DatasetException one line naming the file and the bad or unknown field
     */
    public static TrainingConfig read(Path file) throws DatasetException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, "no such config file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new DatasetException(file, "expected a YAML mapping");
        }
        JsonNode a = root.path("arch");
        String name = a.path("name").asText("");
        boolean trm = name.equals(TRM_NAME);
        if (!trm && name.contains("TinyRecursive")) {
            throw new DatasetException(file, "arch.name '" + name + "': of TRM's models only " + TRM_NAME
                    + " trains here");
        }
        unknown(file, root, TOP, "");
        if (!a.isMissingNode()) {
            unknown(file, a, ARCH, "arch.");
            for (String k : TRM_ONLY) {
                if (!trm && a.has(k)) {
                    throw new DatasetException(file, "arch." + k + " is a TRM field; set arch.name: " + TRM_NAME);
                }
            }
        }
        Fields f = new Fields(file);
        Path base = file.toAbsolutePath().getParent();
        Path data = base.resolve(dataPath(file, root));
        int hidden = f.integer(a, "arch.hidden_size", 512);
        String loss = a.path("loss").path("loss_type").asText(a.path("loss_type").asText("stablemax_cross_entropy"));
        if (!loss.equals("stablemax_cross_entropy") && !loss.equals("softmax_cross_entropy")) {
            throw new DatasetException(file, "arch.loss.loss_type must be stablemax_cross_entropy or "
                    + "softmax_cross_entropy, got '" + loss + "'");
        }
        int puzzleEmbNdim = f.integer(a, "arch.puzzle_emb_ndim", hidden);
        Arch arch = new Arch(hidden, f.integer(a, "arch.num_heads", 8), f.number(a, "arch.expansion", 4),
                trm ? 0 : f.integer(a, "arch.H_layers", 4), f.integer(a, "arch.L_layers", trm ? 2 : 4),
                f.integer(a, "arch.H_cycles", trm ? 3 : 2), f.integer(a, "arch.L_cycles", trm ? 6 : 2),
                f.integer(a, "arch.halt_max_steps", 16), f.number(a, "arch.halt_exploration_prob", 0.1),
                puzzleEmbNdim, a.path("pos_encodings").asText("rope"),
                f.number(a, "arch.rms_norm_eps", 1e-5), f.number(a, "arch.rope_theta", 10000),
                trm ? ModelFamily.TRM : ModelFamily.HRM,
                f.integer(a, "arch.puzzle_emb_len", trm && puzzleEmbNdim > 0 ? 16 : 0),
                f.bool(a, "arch.mlp_t", false), f.bool(a, "arch.no_ACT_continue", trm));
        buildable(file, arch);
        double emaRate = f.number(root, "ema_rate", 0.999);
        if (f.bool(root, "ema", false) && !(emaRate > 0 && emaRate < 1)) {
            throw new DatasetException(file, "field 'ema_rate' must be in (0, 1), got " + emaRate);
        }
        Optim opt = new Optim(f.number(root, "lr", 1e-4), f.number(root, "lr_min_ratio", 1.0),
                f.integer(root, "lr_warmup_steps", 2000), f.number(root, "beta1", 0.9), f.number(root, "beta2", 0.95),
                f.number(root, "weight_decay", 0.1), f.number(root, "puzzle_emb_lr", 1e-2),
                f.number(root, "puzzle_emb_weight_decay", 0.1), f.bool(root, "ema", false) ? emaRate : 0);
        Path init = root.hasNonNull("init_checkpoint") ? base.resolve(root.get("init_checkpoint").asText()) : null;
        int batch = f.integer(root, "global_batch_size", 768);
        int epochs = f.integer(root, "epochs", 100000);
        if (batch <= 0 || epochs <= 0) {
            throw new DatasetException(file, "global_batch_size and epochs must be positive");
        }
        return new TrainingConfig(data, arch, loss, batch, epochs, f.integer(root, "eval_interval", 0),
                root.path("checkpoint_every_eval").asBoolean(true), f.integer(root, "checkpoint_interval", 0),
                f.integer(root, "max_steps", 0), Math.max(1, f.integer(root, "log_interval", 1)),
                f.integer(root, "eval_limit", 0), opt, f.integer(root, "seed", 0), init);
    }

    /**
     * Checks that the {@code arch:} block describes a model that can be built, whatever the data: the sizes the data
     * fixes (sequence length, vocabulary, puzzle identifiers) are taken as small here.
     */
    private static void buildable(Path file, Arch a) throws DatasetException {
        HrmConfig probe;
        try {
            probe = a.config(1, 2, 1);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(file, "arch: " + e.getMessage() + "; no model can be built from it");
        }
        String big = org.hrmlab.engine.io.WeightLayout.oversized(probe);
        if (big != null) {
            throw new DatasetException(file, "arch: " + big + "; no model can be built from it");
        }
    }

    /** @return {@code data_path}, or the one folder of TRM's {@code data_paths} list */
    private static String dataPath(Path file, JsonNode root) throws DatasetException {
        JsonNode list = root.get("data_paths");
        if (list != null && !list.isNull()) {
            if (root.hasNonNull("data_path")) {
                throw new DatasetException(file, "give 'data_path' or 'data_paths', not both");
            }
            if (!list.isArray() || list.size() != 1 || !list.get(0).isTextual()) {
                throw new DatasetException(file, "field 'data_paths' must list exactly one dataset folder (merging "
                        + "datasets is not supported)");
            }
            return list.get(0).asText();
        }
        if (!root.hasNonNull("data_path")) {
            throw new DatasetException(file, "field 'data_path' is required");
        }
        return root.get("data_path").asText();
    }

    private static void unknown(Path file, JsonNode node, Set<String> known, String prefix) throws DatasetException {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String k = it.next().getKey();
            if (!known.contains(k)) {
                throw new DatasetException(file, "unknown field '" + prefix + k + "'");
            }
        }
    }

    private record Fields(Path file) {
        int integer(JsonNode parent, String path, int dflt) throws DatasetException {
            JsonNode n = parent.path(path.substring(path.lastIndexOf('.') + 1));
            if (n.isMissingNode() || n.isNull()) {
                return dflt;
            }
            if (!n.canConvertToInt() || (n.isNumber() && n.asDouble() != n.asInt())) {
                throw new DatasetException(file, "field '" + path + "' must be an integer, got '" + n.asText() + "'");
            }
            return n.asInt();
        }

        boolean bool(JsonNode parent, String path, boolean dflt) throws DatasetException {
            JsonNode n = parent.path(path.substring(path.lastIndexOf('.') + 1));
            if (n.isMissingNode() || n.isNull()) {
                return dflt;
            }
            if (!n.isBoolean()) {
                throw new DatasetException(file, "field '" + path + "' must be true or false, got '" + n.asText()
                        + "'");
            }
            return n.asBoolean();
        }

        double number(JsonNode parent, String path, double dflt) throws DatasetException {
            JsonNode n = parent.path(path.substring(path.lastIndexOf('.') + 1));
            if (n.isMissingNode() || n.isNull()) {
                return dflt;
            }
            if (n.isNumber()) {
                return n.asDouble();
            }
            try {
                return Double.parseDouble(n.asText());
            } catch (NumberFormatException e) {
                throw new DatasetException(file, "field '" + path + "' must be a number, got '" + n.asText() + "'");
            }
        }
    }

    /** @return the architecture for a dataset's sizes */
    public HrmConfig modelConfig(int seqLen, int vocab, int numPuzzleIdentifiers) {
        return arch.config(seqLen, vocab, numPuzzleIdentifiers);
    }

    /** @return optimiser settings with the schedule's total steps */
    public OptimiserSettings optimiserSettings(long totalSteps) {
        Optim o = optimiser;
        return new OptimiserSettings(o.lr(), o.beta1(), o.beta2(), o.weightDecay(), o.puzzleEmbLr(),
                o.puzzleEmbWeightDecay(), o.lrWarmupSteps(), o.lrMinRatio(), totalSteps, lossType, o.emaRate());
    }
}
