package org.hrmlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.TestData;
import org.hrmlab.engine.compute.DeviceUnavailableException;
import org.hrmlab.engine.compute.TestBackends;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.step.HrmStepper;
import org.hrmlab.engine.step.Readout;
import org.hrmlab.engine.step.StepSnapshot;
import org.hrmlab.puzzles.io.Npy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The low-state read-out {@link HrmModel#lowStateLogits}: {@code lm_head(zL)} with the prefix dropped (TRM's
 * {@code lm_head(z)}). On the reference's golden traces it is the output head applied to the zL the reference recorded
 * after every update, and on an HRM with a puzzle prefix it follows the naive reference row by row; on trained models
 * it decodes to another grid than the high state (at least until the TRM's first answer update).
 */
class LowStateReadoutTest {
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void onTheTrmGoldenTraceItIsTheHeadOnTheReferencesLatentZ(String backend) throws Exception {
        Cmp c = againstGolden(backend, TestData.TRM_GOLDEN.resolve("trm-sudoku-small"));
        assertEquals(ModelFamily.TRM, c.family);
        assertEquals(24, c.steps);
        c.assertWithinTolerance();
    }

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void onTheTrmMlpGoldenTraceItIsTheHeadOnTheReferencesLatentZ(String backend) throws Exception {
        Cmp c = againstGolden(backend, TestData.TRM_GOLDEN.resolve("trm-mlp-small"));
        assertEquals(12, c.steps);
        c.assertWithinTolerance();
    }

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void onTheHrmGoldenTraceItIsTheHeadOnTheReferencesZL(String backend) throws Exception {
        Cmp c = againstGolden(backend, TestData.HRM_GOLDEN.resolve("sudoku-small"));
        assertEquals(ModelFamily.HRM, c.family);
        c.assertWithinTolerance();
    }

    /**
     * An HRM the golden fixture does not cover (two-token puzzle prefix, learned positions), two rows with different
     * puzzles: every update's low-state logits are the naive reference's lm_head(zL) of that row.
     */
    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void onAnHrmParityModelItFollowsTheNaiveReferenceRowByRow(String backend) {
        HrmConfig config = HrmConfig.builder().seqLen(16).vocabSize(7).numPuzzleIdentifiers(4).puzzleEmbNdim(80)
                .hiddenSize(48).numHeads(3).expansion(3).hLayers(2).lLayers(2).hCycles(2).lCycles(2).haltMaxSteps(1)
                .posEncodings("learned").build();
        var weights = ParityWeights.random(config, 43);
        int[][] tokens = {ParityWeights.tokens(16, 7, 5), ParityWeights.tokens(16, 7, 6)};
        int[] ids = {3, 1};
        NaiveHrmReference ref = new NaiveHrmReference(config, weights);
        double[][][] x = {ref.embed(tokens[0], ids[0]), ref.embed(tokens[1], ids[1])};
        double[][][] zL = {ref.initialL(), ref.initialL()};
        double[][][] zH = {ref.initialH(), ref.initialH()};
        int seq = config.seqLen();
        int v = config.vocabSize();
        try (HrmModel model = TestBackends.open(backend, config, weights)) {
            HrmState st = model.newState(2);
            int[] both = new int[2 * seq];
            System.arraycopy(tokens[0], 0, both, 0, seq);
            System.arraycopy(tokens[1], 0, both, seq, seq);
            model.embed(st, both, ids);
            model.resetCarry(st, 0);
            model.resetCarry(st, 1);
            float[] low = new float[2 * seq * v];
            float[] high = new float[2 * seq * v];
            double maxDiff = 0;
            double fromHigh = 0;
            int argmaxDiffers = 0;
            for (int step = 0; step < 7; step++) {
                boolean l = step % 3 != 2;
                if (l) {
                    model.lUpdate(st);
                } else {
                    model.hUpdate(st);
                }
                model.lowStateLogits(st, low);
                model.logits(st, high);
                for (int b = 0; b < 2; b++) {
                    if (l) {
                        zL[b] = ref.lUpdate(zL[b], zH[b], x[b]);
                    } else {
                        zH[b] = ref.hUpdate(zH[b], zL[b]);
                    }
                    double[][] want = ref.logits(zL[b]);
                    for (int t = 0; t < seq; t++) {
                        int o = (b * seq + t) * v;
                        for (int k = 0; k < v; k++) {
                            maxDiff = Math.max(maxDiff, Math.abs(want[t][k] - low[o + k]));
                            fromHigh = Math.max(fromHigh, Math.abs(high[o + k] - low[o + k]));
                        }
                        argmaxDiffers += argmax(want[t]) == GoldenReplay.argmax(low, o, v) ? 0 : 1;
                    }
                }
            }
            assertTrue(maxDiff < TOLERANCE, "low-state logits differ from the reference's lm_head(zL) by " + maxDiff);
            assertEquals(0, argmaxDiffers, "argmax differs");
            assertTrue(fromHigh > 0.1, "the low state's logits are the high state's: " + fromHigh);
        }
    }

    /**
     * The shipped, trained HRM and TRM on a 4x4 Sudoku they solve, stepped with the low-state read-out. The HRM's zL
     * through the output head is no grid at all (pad and blank tokens, at every cell different from zH's); TRM's latent z
     * is another grid than its answer y until the first answer update, and then, for this small model, decodes to the
     * same solution (which the TRM paper did not find for its models: README "TRM").
     */
    @Test
    void onTrainedModelsTheLowStateDecodesToAnotherGridThanTheHighState() throws Exception {
        // 1 2 3 4 / 3 4 1 2 / 2 1 4 3 / 4 3 2 1 with seven givens; tokens: 1 = blank, digit d = d + 1
        int[] solution = {2, 3, 4, 5, 4, 5, 2, 3, 3, 2, 5, 4, 5, 4, 3, 2};
        int[] puzzle = solution.clone();
        for (int i : new int[] {1, 2, 4, 7, 9, 11, 12, 14, 15}) {
            puzzle[i] = 1;
        }
        for (String name : new String[] {"sudoku", "trm-sudoku"}) {
            ModelCheckpoint ckpt = shipped(name);
            HrmConfig c = ckpt.config().withSeqLen(16);
            try (HrmModel model = HrmModel.onCpu(c, ckpt.weights())) {
                HrmStepper stepper = new HrmStepper(model, puzzle, 0, 2);
                stepper.setReadout(Readout.LOW_STATE);
                StringBuilder log = new StringBuilder(name + ", cells where the read-outs differ:");
                int fewest = 16;
                int fewestBeforeAnswer = 16;
                boolean answered = false;
                StepSnapshot last = null;
                while (stepper.nextKind() != null) {
                    last = stepper.step();
                    assertEquals(Readout.LOW_STATE, last.readout());
                    int differ = 0;
                    for (int t = 0; t < 16; t++) {
                        differ += last.readoutPredicted()[t] != last.predicted()[t] ? 1 : 0;
                    }
                    log.append(' ').append(differ);
                    fewest = Math.min(fewest, differ);
                    answered |= last.kind() == org.hrmlab.engine.step.UpdateKind.H;
                    if (!answered) {
                        fewestBeforeAnswer = Math.min(fewestBeforeAnswer, differ);
                    }
                }
                System.out.println("low-state read-out | " + log);
                assertArrayEquals(solution, last.predicted(), name + " solves the puzzle");
                assertTrue(fewestBeforeAnswer >= 12, name + ": before the first H-update the read-outs agree at "
                        + (16 - fewestBeforeAnswer) + " cells");
                if (c.family() == ModelFamily.HRM) {
                    assertTrue(fewest >= 12, "the HRM's zL decodes as its zH at " + (16 - fewest) + " cells");
                } else {
                    assertArrayEquals(solution, last.readoutPredicted(), "the shipped TRM's z decodes to the answer");
                }
            }
        }
    }

    private ModelCheckpoint shipped(String name) throws Exception {
        Path f = dir.resolve(name + ".safetensors");
        try (InputStream in = getClass().getResourceAsStream("/org/hrmlab/puzzles/models/" + name
                + "/model.safetensors")) {
            Files.copy(in, f);
        }
        return CheckpointLoader.load(f);
    }

    /** The largest deviation of the model's low-state logits from lm_head on the reference's recorded zL. */
    private static final class Cmp {
        ModelFamily family;
        int steps;
        double logits;
        int argmaxDiffers;
        double fromHigh;

        void assertWithinTolerance() {
            assertTrue(logits < TOLERANCE, "low-state logits differ from lm_head(golden zL) by " + logits);
            assertEquals(0, argmaxDiffers, "argmax differs");
            assertTrue(fromHigh > 1e-2, "the low state's logits are the high state's: " + fromHigh);
        }
    }

    private static Cmp againstGolden(String backend, Path dir) throws Exception {
        ModelCheckpoint ckpt = CheckpointLoader.load(dir.resolve("checkpoint/step_0"));
        int[] tokens = Npy.read(dir.resolve("golden/inputs.npy")).toInts();
        int[] ids = Npy.read(dir.resolve("golden/puzzle_identifiers.npy")).toInts();
        float[] zl = Npy.read(dir.resolve("golden/zL.npy")).toFloats();
        HostTensor head = ckpt.weights().get("lm_head.weight");
        TestBackends.device(backend);
        HrmModel model;
        try {
            model = TestBackends.open(backend, ckpt.config().withSeqLen(tokens.length), ckpt.weights());
        } catch (DeviceUnavailableException e) {
            Assumptions.abort(e.getMessage());
            throw e;
        }
        Cmp cmp = new Cmp();
        cmp.family = ckpt.config().family();
        try (model) {
            HrmConfig c = model.config();
            int s = c.totalSeqLen();
            int d = c.hiddenSize();
            int v = c.vocabSize();
            int seq = c.seqLen();
            int p = c.puzzleEmbLen();
            HrmState st = model.newState(1);
            model.embed(st, tokens, ids);
            model.resetCarry(st, 0);
            float[] low = new float[seq * v];
            float[] high = new float[seq * v];
            int updates = zl.length / (s * d);
            for (int u = 0; u < updates; u++) {
                if (u % (c.lCycles() + 1) < c.lCycles()) {
                    model.lUpdate(st);
                } else {
                    model.hUpdate(st);
                }
                model.lowStateLogits(st, low);
                model.logits(st, high);
                for (int t = 0; t < seq; t++) {
                    double[] want = new double[v];
                    int z = (u * s + p + t) * d;
                    for (int k = 0; k < v; k++) {
                        double sum = 0;
                        for (int i = 0; i < d; i++) {
                            sum += (double) zl[z + i] * head.data()[k * d + i];
                        }
                        want[k] = sum;
                        cmp.logits = Math.max(cmp.logits, Math.abs(sum - low[t * v + k]));
                        cmp.fromHigh = Math.max(cmp.fromHigh, Math.abs(high[t * v + k] - low[t * v + k]));
                    }
                    cmp.argmaxDiffers += argmax(want) == GoldenReplay.argmax(low, t * v, v) ? 0 : 1;
                }
                cmp.steps++;
            }
        }
        System.out.printf(java.util.Locale.ROOT, "low-state read-out | %s | golden %s: %d updates, max |diff| %.2e, "
                + "argmax differs at %d positions%n", backend, dir.getFileName(), cmp.steps, cmp.logits,
                cmp.argmaxDiffers);
        return cmp;
    }

    private static int argmax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }
}
