package org.hrmlab.engine.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import org.hrmlab.engine.ModelFamily;

/**
 * A training config file as Jackson binds it: the reference's names ({@code config/cfg_pretrain.yaml} and
 * {@code config/arch/hrm_v1.yaml}), each field starting at the reference's default, so a field left out keeps it.
 * Reading and writing both go through this class: each YAML name is spelled once. The reference's bookkeeping fields
 * are accepted and ignored; any other field is unknown. TRM's configs (the reference's {@code config/arch/trm.yaml})
 * add {@code arch.name}, {@code puzzle_emb_len}, {@code mlp_t}, {@code no_ACT_continue}, {@code ema}, {@code ema_rate}
 * and {@code data_paths}; the fields whose default differs by family are null until given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"project_name", "run_name", "checkpoint_path", "eval_save_outputs"})
final class TrainingConfigFile {
    static final String STABLEMAX = "stablemax_cross_entropy";
    static final String SOFTMAX = "softmax_cross_entropy";

    @JsonProperty("data_path")
    String dataPath;
    /** TRM's spelling: a list of dataset folders (one is supported); read, never written. */
    @JsonProperty(value = "data_paths", access = JsonProperty.Access.WRITE_ONLY)
    List<String> dataPaths;
    @JsonProperty("init_checkpoint")
    String initCheckpoint;
    @JsonProperty("arch")
    ArchFile arch = new ArchFile();
    @JsonProperty("global_batch_size")
    int globalBatchSize = 768;
    @JsonProperty("epochs")
    int epochs = 100000;
    @JsonProperty("eval_interval")
    int evalInterval = 0;
    @JsonProperty("checkpoint_every_eval")
    boolean checkpointEveryEval = true;
    @JsonProperty("checkpoint_interval")
    long checkpointInterval = 0;
    @JsonProperty("max_steps")
    long maxSteps = 0;
    @JsonProperty("log_interval")
    int logInterval = 1;
    @JsonProperty("eval_limit")
    int evalLimit = 0;
    @JsonProperty("lr")
    double lr = 1e-4;
    @JsonProperty("lr_min_ratio")
    double lrMinRatio = 1.0;
    @JsonProperty("lr_warmup_steps")
    long lrWarmupSteps = 2000;
    @JsonProperty("beta1")
    double beta1 = 0.9;
    @JsonProperty("beta2")
    double beta2 = 0.95;
    @JsonProperty("weight_decay")
    double weightDecay = 0.1;
    @JsonProperty("puzzle_emb_lr")
    double puzzleEmbLr = 1e-2;
    @JsonProperty("puzzle_emb_weight_decay")
    double puzzleEmbWeightDecay = 0.1;
    @JsonProperty("seed")
    long seed = 0;
    @JsonProperty("ema")
    boolean ema = false;
    @JsonProperty("ema_rate")
    double emaRate = 0.999;

    /**
     * The {@code arch:} block; {@code name} chooses the family (TRM's class name, else HRM), {@code forward_dtype} is a
     * reference field, accepted and ignored.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties({"forward_dtype"})
    static final class ArchFile {
        @JsonProperty("name")
        String name;
        @JsonProperty("loss")
        LossFile loss = new LossFile();
        /** An older spelling of {@code loss.loss_type}, read but never written. */
        @JsonProperty(value = "loss_type", access = JsonProperty.Access.WRITE_ONLY)
        String flatLossType;
        @JsonProperty("hidden_size")
        int hiddenSize = 512;
        @JsonProperty("num_heads")
        int numHeads = 8;
        @JsonProperty("expansion")
        double expansion = 4;
        /** Null means the family's default: HRM 4; a TRM has no H network and ignores it. */
        @JsonProperty("H_layers")
        Integer hLayers;
        /** Null means the family's default: HRM 4, TRM 2. */
        @JsonProperty("L_layers")
        Integer lLayers;
        /** Null means the family's default: HRM 2, TRM 3. */
        @JsonProperty("H_cycles")
        Integer hCycles;
        /** Null means the family's default: HRM 2, TRM 6. */
        @JsonProperty("L_cycles")
        Integer lCycles;
        @JsonProperty("halt_max_steps")
        int haltMaxSteps = 16;
        @JsonProperty("halt_exploration_prob")
        double haltExplorationProb = 0.1;
        /** Null means {@code hidden_size}, as in the reference's yaml. */
        @JsonProperty("puzzle_emb_ndim")
        Integer puzzleEmbNdim;
        @JsonProperty("pos_encodings")
        String posEncodings = "rope";
        @JsonProperty("rms_norm_eps")
        double rmsNormEps = 1e-5;
        @JsonProperty("rope_theta")
        double ropeTheta = 10000;
        /** TRM: prefix positions the puzzle embedding spreads over; null means 16 (0 without a puzzle embedding). */
        @JsonProperty("puzzle_emb_len")
        Integer puzzleEmbLen;
        /** TRM: token mixing by an MLP across the sequence instead of attention; null means false. */
        @JsonProperty("mlp_t")
        Boolean mlpT;
        /** TRM: halt on q_halt &gt; 0 with no continue target; null means true. */
        @JsonProperty("no_ACT_continue")
        Boolean noActContinue;

        boolean trm() {
            return TrainingConfig.TRM_NAME.equals(name);
        }

        /** @return the first TRM-only field given in an HRM's block, or null */
        String trmFieldOutsideTrm() {
            if (trm()) {
                return null;
            }
            return puzzleEmbLen != null ? "puzzle_emb_len" : mlpT != null ? "mlp_t"
                    : noActContinue != null ? "no_ACT_continue" : null;
        }

        String lossType() {
            return loss.lossType != null ? loss.lossType : flatLossType != null ? flatLossType : STABLEMAX;
        }

        TrainingConfig.Arch toArch() {
            boolean trm = trm();
            int embNdim = puzzleEmbNdim == null ? hiddenSize : puzzleEmbNdim;
            return new TrainingConfig.Arch(hiddenSize, numHeads, expansion,
                    trm ? 0 : or(hLayers, 4), or(lLayers, trm ? 2 : 4), or(hCycles, trm ? 3 : 2),
                    or(lCycles, trm ? 6 : 2), haltMaxSteps, haltExplorationProb, embNdim, posEncodings, rmsNormEps,
                    ropeTheta, trm ? ModelFamily.TRM : ModelFamily.HRM,
                    trm ? or(puzzleEmbLen, embNdim > 0 ? 16 : 0) : 0, trm && mlpT != null && mlpT,
                    trm && (noActContinue == null || noActContinue));
        }

        private static int or(Integer value, int dflt) {
            return value == null ? dflt : value;
        }

        static ArchFile of(TrainingConfig.Arch a, String lossType) {
            ArchFile f = new ArchFile();
            if (a.family() == ModelFamily.TRM) {
                f.name = TrainingConfig.TRM_NAME;
                f.puzzleEmbLen = a.puzzleEmbLen();
                f.mlpT = a.mlpT();
                f.noActContinue = a.noActContinue();
            }
            f.loss.lossType = lossType;
            f.hiddenSize = a.hiddenSize();
            f.numHeads = a.numHeads();
            f.expansion = a.expansion();
            f.hLayers = a.family() == ModelFamily.TRM ? null : a.hLayers();
            f.lLayers = a.lLayers();
            f.hCycles = a.hCycles();
            f.lCycles = a.lCycles();
            f.haltMaxSteps = a.haltMaxSteps();
            f.haltExplorationProb = a.haltExplorationProb();
            f.puzzleEmbNdim = a.puzzleEmbNdim();
            f.posEncodings = a.posEncodings();
            f.rmsNormEps = a.rmsNormEps();
            f.ropeTheta = a.ropeTheta();
            return f;
        }
    }

    /** The {@code arch.loss:} block; its {@code name} is a reference field, accepted and ignored. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties({"name"})
    static final class LossFile {
        @JsonProperty("loss_type")
        String lossType;
    }

    /**
     * @param base the folder that relative paths in the file resolve against
     * @return the settings, before the checks of {@link TrainingConfig#parse}
     */
    TrainingConfig toConfig(Path base) {
        Path data = base.resolve(dataPath).normalize();
        Path init = initCheckpoint == null ? null : base.resolve(initCheckpoint).normalize();
        TrainingConfig.Optim optim = new TrainingConfig.Optim(lr, lrMinRatio, lrWarmupSteps, beta1, beta2, weightDecay,
                puzzleEmbLr, puzzleEmbWeightDecay, ema ? emaRate : 0);
        return new TrainingConfig(data, arch.toArch(), arch.lossType(), globalBatchSize, epochs, evalInterval,
                checkpointEveryEval, checkpointInterval, maxSteps, Math.max(1, logInterval), evalLimit, optim, seed,
                init);
    }

    /**
     * @param base the folder of the file to write: paths below or beside it are written relative to it
     * @return the file form of {@code c}, every field written out
     */
    static TrainingConfigFile of(TrainingConfig c, Path base) {
        TrainingConfigFile f = new TrainingConfigFile();
        f.dataPath = relative(base, c.dataPath());
        f.initCheckpoint = c.initCheckpoint() == null ? null : relative(base, c.initCheckpoint());
        f.arch = ArchFile.of(c.arch(), c.lossType());
        f.globalBatchSize = c.globalBatchSize();
        f.epochs = c.epochs();
        f.evalInterval = c.evalInterval();
        f.checkpointEveryEval = c.checkpointEveryEval();
        f.checkpointInterval = c.checkpointInterval();
        f.maxSteps = c.maxSteps();
        f.logInterval = c.logInterval();
        f.evalLimit = c.evalLimit();
        TrainingConfig.Optim o = c.optimiser();
        f.lr = o.lr();
        f.lrMinRatio = o.lrMinRatio();
        f.lrWarmupSteps = o.lrWarmupSteps();
        f.beta1 = o.beta1();
        f.beta2 = o.beta2();
        f.weightDecay = o.weightDecay();
        f.puzzleEmbLr = o.puzzleEmbLr();
        f.puzzleEmbWeightDecay = o.puzzleEmbWeightDecay();
        f.seed = c.seed();
        f.ema = o.emaRate() > 0;
        if (f.ema) {
            f.emaRate = o.emaRate();
        }
        return f;
    }

    /** @return {@code path} relative to {@code base} when they share a file-system root, else absolute */
    private static String relative(Path base, Path path) {
        Path b = base.toAbsolutePath().normalize();
        Path p = path.toAbsolutePath().normalize();
        if (b.getRoot() == null || !b.getRoot().equals(p.getRoot())) {
            return p.toString();
        }
        String rel = b.relativize(p).toString();
        return rel.isEmpty() ? "." : rel.replace('\\', '/');
    }
}
