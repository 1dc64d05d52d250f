package org.hrmlab.engine.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.compute.ModelOps;
import org.hrmlab.engine.io.WeightLayout;
import org.hrmlab.engine.loss.ActLoss;
import org.hrmlab.engine.loss.BinaryCrossEntropy;
import org.hrmlab.engine.loss.TokenLoss;
import org.hrmlab.engine.optim.AdamAtan2;
import org.hrmlab.engine.optim.Ema;
import org.hrmlab.engine.optim.LearningRateSchedule;
import org.hrmlab.engine.optim.SignSgd;

/**
 * Trains an HRM or a TRM the way its reference does (hrm-reference.md §1.6, §1.8-1.10, §1.12; TRM §6.1): every call
 * of {@link #step} runs one ACT segment on every batch slot and takes one optimiser step. The model family picks the
 * segment ({@link SegmentPass#of}); everything else is shared.
 * <ul>
 *   <li>The carry persists across steps; a slot keeps its example until it halts, then is reset to H_init/L_init and
 *       takes the example at its position of the next batch (deep supervision).</li>
 *   <li>HRM: inside a segment all updates but the last L- and H-update run without gradient; the last two keep their
 *       activations and are back-propagated by hand. TRM: the first H_cycles − 1 recursions run without gradient,
 *       the whole last one (all L_cycles latent updates and the answer update) is back-propagated. Both run on
 *       {@link FinalStep}, on the stepping model's forward ({@code model.ModelForward}). Both are checked against the SameDiff graph {@link FinalStepGraph}, finite
 *       differences and the reference's own training steps.</li>
 *   <li>Halting: {@code steps >= max} or the Q head's vote ({@link HrmConfig#haltRule}: {@code q_halt > q_continue},
 *       or TRM's {@code no_ACT_continue} {@code q_halt > 0}), with exploration (probability p, random minimum in
 *       {@code {2..max}}). With a continue logit in use its target comes from a second no-grad segment from the new
 *       carry; with {@code no_ACT_continue} there is no target, no second segment and no continue loss.</li>
 *   <li>Loss: {@link ActLoss}, back-propagated as {@code loss / B}; Adam-atan2 on the dense parameters, sign SGD on the
 *       batch's puzzle-embedding rows; optionally (TRM's {@code ema}) an exponential moving average of the dense
 *       parameters, which {@link #modelWeights} returns for evaluation and checkpoints.</li>
 * </ul>
 * Randomness (exploration) is derived from the seed and the step number, so a resumed run draws the same numbers.
 * Not thread-safe.
 */
public final class ActTrainer implements AutoCloseable {
    private final HrmConfig config;
    private final int batch;
    private final OptimiserSettings settings;
    private final long seed;
    private final Map<String, float[]> params = new LinkedHashMap<>();
    private final SegmentPass segment;
    private boolean segmentStale;
    private final ActLoss actLoss;
    private final AdamAtan2 adam;
    private final SignSgd signSgd;
    private final Ema ema;
    private final LearningRateSchedule schedule;
    private final LearningRateSchedule puzzleSchedule;
    private final float[] zL;
    private final float[] zH;
    private final int[] slotSteps;
    private final boolean[] slotHalted;
    private final int[] curInputs;
    private final int[] curLabels;
    private final int[] curIds;
    private Map<String, float[]> lastGradients = Map.of();

    /**
     * @param config   the architecture with {@code seqLen > 0}
     * @param weights  initial tensors under the reference key names (not modified; copied)
     * @param settings optimiser hyper-parameters
     * @param batch    slots per batch
     * @param seed     seed of the exploration draws
     */
    public ActTrainer(HrmConfig config, Map<String, HostTensor> weights, OptimiserSettings settings, int batch,
                      long seed) {
        this(config, weights, settings, batch, seed, ComputeDevice.CPU);
    }

    /**
     * A trainer whose segments run on {@code device} (the loss, the optimisers and the parameters stay on the host,
     * so a run moves between devices through its checkpoints).
     *
     * @param device where the forward and backward passes run (its operations are made here, so a device that
     *               cannot train this model fails the constructor)
     */
    public ActTrainer(HrmConfig config, Map<String, HostTensor> weights, OptimiserSettings settings, int batch,
                      long seed, ComputeDevice device) {
        this.config = config;
        this.batch = batch;
        this.settings = settings;
        this.seed = seed;
        for (String key : WeightLayout.expected(config).keySet()) {
            HostTensor t = weights.get(key);
            if (t == null) {
                throw new IllegalArgumentException("missing weight '" + key + "'");
            }
            params.put(key, t.data().clone());
        }
        segment = SegmentPass.of(config, batch, device);
        segment.setWeights(params);
        segmentStale = false;
        actLoss = new ActLoss(TokenLoss.named(settings.lossType()));
        adam = new AdamAtan2(settings.beta1(), settings.beta2(), settings.weightDecay());
        signSgd = new SignSgd(settings.puzzleEmbWeightDecay());
        schedule = settings.schedule();
        puzzleSchedule = settings.puzzleSchedule();
        ema = settings.emaRate() > 0 ? new Ema(settings.emaRate(), params, WeightLayout.trainableKeys(config)) : null;
        int stateSize = batch * config.totalSeqLen() * config.hiddenSize();
        zL = new float[stateSize];
        zH = new float[stateSize];
        slotSteps = new int[batch];
        slotHalted = new boolean[batch];
        Arrays.fill(slotHalted, true);
        curInputs = new int[batch * config.seqLen()];
        curLabels = new int[batch * config.seqLen()];
        curIds = new int[batch];
    }

    /** @return the architecture being trained */
    public HrmConfig config() {
        return config;
    }

    /** @return slots per batch */
    public int batchSize() {
        return batch;
    }

    /** @return optimiser steps taken so far */
    public long stepsTaken() {
        return adam.step();
    }

    /** @return the Adam-atan2 optimiser (its moments and step count, for checkpoints) */
    public AdamAtan2 adam() {
        return adam;
    }

    /** @return the gradients of the last step, by key ({@link ModelOps#PUZZLE_ROWS} per batch row) */
    public Map<String, float[]> lastGradients() {
        return lastGradients;
    }

    /**
     * @return copies of every tensor (trainable ones, H_init/L_init and the puzzle table) under the reference keys: the
     *         live values the optimisers move
     */
    public Map<String, HostTensor> weights() {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        Map<String, long[]> shapes = WeightLayout.expected(config);
        params.forEach((k, v) -> out.put(k, new HostTensor(shapes.get(k), v.clone())));
        return out;
    }

    /**
     * @return the weights to evaluate and save: with a moving average ({@code ema}), its values for the dense
     *         parameters and the live ones for the rest (H_init/L_init, the puzzle table), as TRM's reference does;
     *         otherwise {@link #weights()}
     */
    public Map<String, HostTensor> modelWeights() {
        Map<String, HostTensor> out = weights();
        if (ema != null) {
            Map<String, long[]> shapes = WeightLayout.expected(config);
            ema.shadow().forEach((k, v) -> out.put(k, new HostTensor(shapes.get(k), v.clone())));
        }
        return out;
    }

    /** @return the moving average of the weights, or null without one (its live arrays: copy before changing) */
    public Ema ema() {
        return ema;
    }

    /**
     * Restores the live values of parameters after a resume from a checkpoint that holds averaged weights.
     *
     * @param live dense parameters by key (copied); keys not given keep their values
     */
    public void restoreLiveWeights(Map<String, float[]> live) {
        live.forEach((k, v) -> {
            float[] p = params.get(k);
            if (p == null || p.length != v.length) {
                throw new IllegalArgumentException("saved weight '" + k + "' does not fit this model");
            }
            System.arraycopy(v, 0, p, 0, p.length);
        });
        segmentStale = true;
    }

    /**
     * The batch slots between steps: carry, segment counts, halting flags and the examples they hold.
     *
     * @param zL      {@code [B·S_total·hidden]}
     * @param zH      same shape
     * @param steps   {@code [B]}
     * @param halted  {@code [B]}
     * @param inputs  {@code [B·seqLen]}
     * @param labels  {@code [B·seqLen]}
     * @param ids     {@code [B]}
     */
    public record Slots(float[] zL, float[] zH, int[] steps, boolean[] halted, int[] inputs, int[] labels, int[] ids) {
    }

    /** @return a copy of the slot state (for checkpoints) */
    public Slots slots() {
        return new Slots(zL.clone(), zH.clone(), slotSteps.clone(), slotHalted.clone(), curInputs.clone(),
                curLabels.clone(), curIds.clone());
    }

    /** Restores a saved slot state (for {@code --resume}); arrays are copied. */
    public void restoreSlots(Slots s) {
        if (s.zL().length != zL.length || s.steps().length != batch || s.inputs().length != curInputs.length) {
            throw new IllegalArgumentException("saved slots do not fit this trainer's batch and model sizes");
        }
        System.arraycopy(s.zL(), 0, zL, 0, zL.length);
        System.arraycopy(s.zH(), 0, zH, 0, zH.length);
        System.arraycopy(s.steps(), 0, slotSteps, 0, batch);
        System.arraycopy(s.halted(), 0, slotHalted, 0, batch);
        System.arraycopy(s.inputs(), 0, curInputs, 0, curInputs.length);
        System.arraycopy(s.labels(), 0, curLabels, 0, curLabels.length);
        System.arraycopy(s.ids(), 0, curIds, 0, batch);
    }

    /**
     * Restores the optimiser after a resume.
     *
     * @param step optimiser steps already taken
     * @param m    Adam first moments by key
     * @param v    Adam second moments by key
     */
    public void restoreOptimiser(long step, Map<String, float[]> m, Map<String, float[]> v) {
        adam.restore(step, m, v);
    }

    /**
     * One training step: reset halted slots with {@code next}'s rows, one segment on every slot, loss, gradients and
     * one optimiser step.
     *
     * @param next a batch of {@link #batchSize()} examples (rows at slots still running are ignored; not modified)
     * @return losses, halting and metric sums of this step
     */
    public StepResult step(TrainingBatch next) {
        if (next.size() != batch) {
            throw new IllegalArgumentException("batch of " + next.size() + " for a trainer of " + batch + " slots");
        }
        int seq = config.seqLen();
        int rowState = config.totalSeqLen() * config.hiddenSize();
        float[] hInit = params.get("H_init");
        float[] lInit = params.get("L_init");
        for (int b = 0; b < batch; b++) {
            if (slotHalted[b]) {
                for (int t = 0; t < config.totalSeqLen(); t++) {
                    System.arraycopy(hInit, 0, zH, b * rowState + t * config.hiddenSize(), config.hiddenSize());
                    System.arraycopy(lInit, 0, zL, b * rowState + t * config.hiddenSize(), config.hiddenSize());
                }
                slotSteps[b] = 0;
                System.arraycopy(next.inputs(), b * seq, curInputs, b * seq, seq);
                System.arraycopy(next.labels(), b * seq, curLabels, b * seq, seq);
                curIds[b] = next.puzzleIds()[b];
            }
        }
        if (segmentStale) {
            segment.setWeights(params);
            segmentStale = false;
        }
        float[] x = segment.embedding(curInputs, config.puzzleEmbNdim() > 0 ? puzzleRows() : null);
        float[][] carry = {zL.clone(), zH.clone()};
        segment.allButLastStep(carry, x);
        FinalStep.Output out = segment.forward(carry[0], carry[1], x);
        float[] logits = out.logits();
        float[] q = out.q();
        System.arraycopy(out.zL(), 0, zL, 0, zL.length);
        System.arraycopy(out.zH(), 0, zH, 0, zH.length);

        long stepNumber = adam.step() + 1;
        boolean[] halted = new boolean[batch];
        boolean[] isLast = new boolean[batch];
        for (int b = 0; b < batch; b++) {
            slotSteps[b]++;
            isLast[b] = slotSteps[b] >= config.haltMaxSteps();
            halted[b] = isLast[b];
        }
        double[] target = null;
        if (config.haltMaxSteps() > 1) {
            SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stepNumber);
            for (int b = 0; b < batch; b++) {
                halted[b] |= config.haltRule().halts(q[b * 2], q[b * 2 + 1]);
                int minSteps = rng.nextDouble() < config.haltExplorationProb()
                        ? rng.nextInt(2, config.haltMaxSteps() + 1) : 0;
                halted[b] &= slotSteps[b] >= minSteps;
            }
            target = config.noActContinue() ? null : bootstrapTargets(isLast, x);
        }
        ActLoss.Result loss = actLoss.compute(logits, curLabels, q, target, halted, slotSteps, batch, seq,
                config.vocabSize(), 1.0 / batch);

        lastGradients = segment.backward(loss.gradLogits(), loss.gradQ());
        double lr = schedule.lr(stepNumber);
        adam.beginStep();
        for (String key : WeightLayout.trainableKeys(config)) {
            adam.update(key, params.get(key), lastGradients.get(key), lr);
        }
        if (config.puzzleEmbNdim() > 0) {
            signSgd.update(params.get("puzzle_emb.weights"), config.puzzleEmbNdim(), curIds,
                    lastGradients.get(ModelOps.PUZZLE_ROWS), puzzleSchedule.lr(stepNumber));
        }
        if (ema != null) {
            ema.update(params);
        }
        segmentStale = true;
        System.arraycopy(halted, 0, slotHalted, 0, batch);
        return new StepResult(stepNumber, lr, loss.loss(), loss.lmLoss(), loss.qHaltLoss(), loss.qContinueLoss(),
                halted.clone(), slotSteps.clone(), loss.count(), loss.exactCount(), loss.tokenAccuracySum(),
                loss.stepsSum());
    }

    /** A full no-grad segment from the new carry; returns the continue targets. The carry is not changed. */
    private double[] bootstrapTargets(boolean[] isLast, float[] x) {
        float[] next = segment.segmentQ(zL, zH, x);
        double[] target = new double[batch];
        for (int b = 0; b < batch; b++) {
            double h = next[b * 2];
            double c = next[b * 2 + 1];
            target[b] = BinaryCrossEntropy.sigmoid(isLast[b] ? h : Math.max(h, c));
        }
        return target;
    }

    private float[] puzzleRows() {
        int nd = config.puzzleEmbNdim();
        float[] table = params.get("puzzle_emb.weights");
        float[] rows = new float[batch * nd];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(table, curIds[b] * nd, rows, b * nd, nd);
        }
        return rows;
    }

    /** Releases what the device holds for the segments (its memory); idempotent. */
    @Override
    public void close() {
        segment.close();
    }
}
