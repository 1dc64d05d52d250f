package org.hrmlab.engine.train;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.puzzles.io.AtomicFiles;

/**
 * A training run's settings, read from YAML with the reference's names ({@code config/cfg_pretrain.yaml} and
 * {@code config/arch/hrm_v1.yaml}) by Jackson data binding; everything not given takes the reference's default, an
 * unknown field or a value of the wrong type is one line naming the field. {@link #write} writes the same names back.
 * An {@code arch.name} of {@code recursive_reasoning.trm@TinyRecursiveReasoningModel_ACTV1} makes it a TRM with TRM's
 * defaults ({@code config/arch/trm.yaml}: L_layers 2, H_cycles 3, L_cycles 6, puzzle_emb_len 16 (0 without a puzzle
 * embedding), mlp_t false, no_ACT_continue true; H_layers is ignored, as there) and TRM's fields; {@code ema: true}
 * with {@code ema_rate} (default 0.999) averages the weights, and TRM's {@code data_paths} may stand for
 * {@code data_path} with one folder.
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
            HrmConfig.Builder b = HrmConfig.builder(family).seqLen(seqLen).vocabSize(vocab)
                    .numPuzzleIdentifiers(numPuzzleIdentifiers).puzzleEmbNdim(puzzleEmbNdim).hiddenSize(hiddenSize)
                    .numHeads(numHeads).expansion(expansion).lLayers(lLayers).hCycles(hCycles).lCycles(lCycles)
                    .haltMaxSteps(haltMaxSteps).haltExplorationProb(haltExplorationProb).posEncodings(posEncodings)
                    .rmsNormEps(rmsNormEps).ropeTheta(ropeTheta);
            return family == ModelFamily.TRM
                    ? b.puzzleEmbLen(puzzleEmbLen).mlpT(mlpT).noActContinue(noActContinue).build()
                    : b.hLayers(hLayers).build();
        }
    }

    /** Optimiser fields (reference names in the YAML); {@code emaRate} 0 = no moving average ({@code ema: false}). */
    public record Optim(double lr, double lrMinRatio, long lrWarmupSteps, double beta1, double beta2,
                        double weightDecay, double puzzleEmbLr, double puzzleEmbWeightDecay, double emaRate) {
    }

    /** The TRM class TRM's configs name (other models of its repository, trm_singlez and the like, do not train). */
    static final String TRM_NAME = "recursive_reasoning.trm@TinyRecursiveReasoningModel_ACTV1";

    private static final ObjectMapper YAML = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // a field written as null keeps its default, as a field left out does
        m.setDefaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SKIP));
        return m;
    }

    /**
     * @param file the YAML file
     * @throws DatasetException one line naming the file and the bad or unknown field
     */
    public static TrainingConfig read(Path file) throws DatasetException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, "no such config file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + e.getMessage());
        }
        return parse(text, file);
    }

    /**
     * Reads a config from text as {@link #read} reads it from a file, with the same checks and the same messages.
     *
     * @param yaml the config's text
     * @param file where the text lives or will live: messages name it, and relative paths resolve against its folder
     * @throws DatasetException one line naming the file and the bad or unknown field
     */
    public static TrainingConfig parse(String yaml, Path file) throws DatasetException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new DatasetException(file, "expected a YAML mapping");
        }
        String name = root.path("arch").path("name").asText("");
        if (!name.equals(TRM_NAME) && name.contains("TinyRecursive")) {
            throw new DatasetException(file, "arch.name '" + name + "': of TRM's models only " + TRM_NAME
                    + " trains here");
        }
        TrainingConfigFile f;
        try {
            f = YAML.treeToValue(root, TrainingConfigFile.class);
        } catch (JsonMappingException e) {
            throw new DatasetException(file, ConfigFieldProblem.describe(e, root));
        } catch (JsonProcessingException e) {
            throw new DatasetException(file, "cannot read YAML: " + e.getOriginalMessage());
        }
        String trmOnly = f.arch.trmFieldOutsideTrm();
        if (trmOnly != null) {
            throw new DatasetException(file, "arch." + trmOnly + " is a TRM field; set arch.name: " + TRM_NAME);
        }
        if (f.dataPaths != null) {
            if (f.dataPath != null) {
                throw new DatasetException(file, "give 'data_path' or 'data_paths', not both");
            }
            if (f.dataPaths.size() != 1 || f.dataPaths.get(0) == null) {
                throw new DatasetException(file, "field 'data_paths' must list exactly one dataset folder (merging "
                        + "datasets is not supported)");
            }
            f.dataPath = f.dataPaths.get(0);
        }
        if (f.dataPath == null) {
            throw new DatasetException(file, "field 'data_path' is required");
        }
        if (f.ema && !(f.emaRate > 0 && f.emaRate < 1)) {
            throw new DatasetException(file, "field 'ema_rate' must be in (0, 1), got " + f.emaRate);
        }
        String loss = f.arch.lossType();
        if (!loss.equals(TrainingConfigFile.STABLEMAX) && !loss.equals(TrainingConfigFile.SOFTMAX)) {
            throw new DatasetException(file, "arch.loss.loss_type must be stablemax_cross_entropy or "
                    + "softmax_cross_entropy, got '" + loss + "'");
        }
        TrainingConfig config = f.toConfig(file.toAbsolutePath().getParent());
        buildable(file, config.arch());
        if (config.globalBatchSize() <= 0 || config.epochs() <= 0) {
            throw new DatasetException(file, "global_batch_size and epochs must be positive");
        }
        return config;
    }

    /**
     * The config as YAML with the reference's names, every field written out; {@link #parse} of it with the same
     * {@code file} gives this config back.
     *
     * @param file where the text will live: the data and checkpoint paths are written relative to its folder
     */
    public String toYaml(Path file) {
        try {
            return YAML.writeValueAsString(TrainingConfigFile.of(this, file.toAbsolutePath().getParent()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a training config did not serialise: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes {@link #toYaml} to {@code file} atomically (a reader sees the old file or the whole new one).
     *
     * @param file the YAML file to write
     */
    public void write(Path file) throws IOException {
        byte[] text = toYaml(file).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(text));
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
