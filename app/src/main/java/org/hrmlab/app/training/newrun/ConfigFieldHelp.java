package org.hrmlab.app.training.newrun;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each training config field means, for the config sheet: its group and one or two sentences, and the allowed
 * values where there is a short list. Names are the reference's ({@code config/cfg_pretrain.yaml},
 * {@code config/arch/hrm_v1.yaml}); docs/cli.md and training/README.md say more.
 */
final class ConfigFieldHelp {
    static final String RUN = "Run";
    static final String EVALUATION = "Evaluation and checkpoints";
    static final String MODEL = "Model (arch)";
    static final String OPTIMISER = "Optimiser";
    static final String OTHER = "Other";
    /** The groups in the order the sheet shows them. */
    static final List<String> CATEGORIES = List.of(RUN, EVALUATION, MODEL, OPTIMISER, OTHER);

    /**
     * @param category    the group
     * @param description what the field does
     * @param choices     the allowed values, or empty for free input
     */
    record Help(String category, String description, List<String> choices) {
    }

    private static final Map<String, Help> HELP = new LinkedHashMap<>();

    static {
        run("data_path", "Dataset folder in the reference layout (train/ and test/), relative to this config file. "
                + "The wizard generated it in data/.");
        run("init_checkpoint", "Start from this model's weights (a checkpoint of the same architecture) instead of "
                + "fresh ones.");
        run("global_batch_size", "Examples per training step.");
        run("epochs", "Passes over the training data. With the batch size and the data they set the run's total "
                + "steps, and so the learning-rate schedule.");
        run("max_steps", "Stop after this many steps (0 = the whole schedule). The schedule still follows epochs.");
        run("seed", "Seed of the initial weights, the data order and the halting exploration.");
        evaluation("eval_interval", "Evaluate on the test split every this many epochs (0 = only at the end).");
        evaluation("eval_limit", "Evaluate at most this many test examples (0 = all).");
        evaluation("log_interval", "One progress line, and one point on the curves, every this many steps.");
        evaluation("checkpoint_every_eval", "Write a checkpoint at every evaluation.");
        evaluation("checkpoint_interval", "Also write a checkpoint every this many steps (0 = off).");
        choice("arch.loss.loss_type", "Loss on the answer tokens: stablemax (the reference's, for small data) or "
                + "softmax cross-entropy (the lab's small models use it).",
                List.of("stablemax_cross_entropy", "softmax_cross_entropy"));
        model("arch.hidden_size", "Width of every token's vector in both modules. A multiple of num_heads; for RoPE "
                + "each head's width (hidden_size / num_heads) must be even.");
        model("arch.num_heads", "Attention heads per layer.");
        model("arch.expansion", "Width of each feed-forward (SwiGLU) layer as a multiple of hidden_size.");
        model("arch.H_layers", "Transformer blocks of the slow, high-level module H.");
        model("arch.L_layers", "Transformer blocks of the fast, low-level module L.");
        model("arch.H_cycles", "H updates per segment.");
        model("arch.L_cycles", "L updates per H update.");
        model("arch.halt_max_steps", "Most segments (ACT steps) per puzzle; the Q head learns to halt earlier.");
        model("arch.halt_exploration_prob", "Chance, per puzzle in training, of a random least number of segments "
                + "before halting is allowed (exploration for the Q head).");
        model("arch.puzzle_emb_ndim", "Width of the learned per-puzzle embedding, a prefix in front of the grid "
                + "(0 = none). ARC uses one per task variant; Sudoku and mazes need none.");
        choice("arch.pos_encodings", "Where positions come from: rope (rotary, the reference's), learned (a learned "
                + "table), learned+rope (both: the lab's small models use it) or none.",
                List.of("rope", "learned", "learned+rope", "none"));
        model("arch.rms_norm_eps", "Epsilon of the RMS normalisation.");
        model("arch.rope_theta", "Base of the rotary position frequencies.");
        optimiser("lr", "Learning rate of the weights after warm-up (Adam-atan2).");
        optimiser("lr_min_ratio", "Where the cosine decay ends, as a share of the learning rate (1.0 = constant "
                + "after warm-up).");
        optimiser("lr_warmup_steps", "Steps of linear warm-up from 0 to the learning rate.");
        optimiser("beta1", "Adam's decay of the gradient's running mean.");
        optimiser("beta2", "Adam's decay of the squared gradient's running mean.");
        optimiser("weight_decay", "Weight decay of the weights.");
        optimiser("puzzle_emb_lr", "Learning rate of the puzzle embeddings (sign SGD, their own optimiser).");
        optimiser("puzzle_emb_weight_decay", "Weight decay of the puzzle embeddings.");
        optimiser("ema", "Keep an exponential moving average of the weights (TRM's method); evaluation and "
                + "checkpoints use the average, training the live weights.");
        optimiser("ema_rate", "Decay of the moving average per step (with ema: true); 0.999 averages over about "
                + "1,000 steps, so short runs evaluate close to their starting weights.");
        model("arch.name", "The model family: absent for an HRM; recursive_reasoning.trm@TinyRecursiveReasoningModel"
                + "_ACTV1 for a TRM (one network for both updates, the whole last recursion back-propagated).");
        model("arch.puzzle_emb_len", "TRM: prefix positions the puzzle embedding is spread over.");
        model("arch.mlp_t", "TRM: mix tokens with an MLP across the sequence instead of attention (the TRM paper's "
                + "Sudoku model; use pos_encodings: none).");
        model("arch.no_ACT_continue", "TRM: halt when the halt logit is positive, without a continue target.");
    }

    private ConfigFieldHelp() {
    }

    /** @return the help of the field at the dotted {@code path}; an unlisted field is in group Other, unexplained */
    static Help of(String path) {
        return HELP.getOrDefault(path, new Help(OTHER, "", List.of()));
    }

    /** @return whether the field at {@code path} has an explanation */
    static boolean explains(String path) {
        return HELP.containsKey(path);
    }

    private static void run(String path, String description) {
        HELP.put(path, new Help(RUN, description, List.of()));
    }

    private static void evaluation(String path, String description) {
        HELP.put(path, new Help(EVALUATION, description, List.of()));
    }

    private static void model(String path, String description) {
        HELP.put(path, new Help(MODEL, description, List.of()));
    }

    private static void choice(String path, String description, List<String> choices) {
        HELP.put(path, new Help(MODEL, description, choices));
    }

    private static void optimiser(String path, String description) {
        HELP.put(path, new Help(OPTIMISER, description, List.of()));
    }
}
