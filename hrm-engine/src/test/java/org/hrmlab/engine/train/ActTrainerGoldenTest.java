package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.TestData;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.engine.compute.TestBackends;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two training steps against the reference's own: the HRM's (test-data/fixtures/hrm-golden/train-small) and TRM's
 * (trm-golden/trm-train-small: gradients through the whole last recursion, halting on {@code q_halt > 0}, no continue
 * loss). Losses, halting, every gradient and every weight after each step, on every compute backend (the trainer's
 * segments run on the device; loss and optimisers on the host).
 */
@Tag(TestBackends.TAG)
class ActTrainerGoldenTest {
    static final double LOSS_RELATIVE = 1e-5;
    static final double ABSOLUTE = 1e-5;

    static Stream<Arguments> cases() {
        return TestBackends.names().flatMap(b -> Stream.of("hrm-golden/train-small", "trm-golden/trm-train-small")
                .map(f -> Arguments.of(b, f)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void twoStepsMatchTheReference(String backend, String name) throws Exception {
        Path dir = TestData.ROOT.resolve("fixtures").resolve(name);
        ModelCheckpoint ckpt = CheckpointLoader.load(dir.resolve("checkpoint/step_0"));
        TrainingBatch batch = new TrainingBatch(Npy.read(dir.resolve("batch/inputs.npy")).toInts(),
                Npy.read(dir.resolve("batch/labels.npy")).toInts(),
                Npy.read(dir.resolve("batch/puzzle_identifiers.npy")).toInts());
        int seqLen = batch.inputs().length / batch.size();
        OptimiserSettings opt = new OptimiserSettings(1e-3, 0.9, 0.95, 0.1, 1e-2, 0.1, 0, 1.0, 1,
                "stablemax_cross_entropy");
        try (ActTrainer trainer = new ActTrainer(ckpt.config().withSeqLen(seqLen), ckpt.weights(), opt, batch.size(),
                0, TestBackends.device(backend))) {
            twoSteps(trainer, dir, batch, ckpt, name + " on " + backend);
        }
    }

    private static void twoSteps(ActTrainer trainer, Path dir, TrainingBatch batch, ModelCheckpoint ckpt, String name)
            throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals(manifest.path("family").asText("hrm"), ckpt.config().family().id());
        for (int s = 1; s <= 2; s++) {
            StepResult r = trainer.step(batch);
            JsonNode m = manifest.get("steps").get(s - 1);
            String at = "step " + s + " ";
            assertEquals(m.get("loss").asDouble(), r.loss(), LOSS_RELATIVE * m.get("loss").asDouble(), at + "loss");
            assertEquals(m.get("lm_loss").asDouble(), r.lmLoss(), LOSS_RELATIVE * m.get("lm_loss").asDouble(), at + "lm");
            assertEquals(m.get("q_halt_loss").asDouble(), r.qHaltLoss(), LOSS_RELATIVE * m.get("q_halt_loss").asDouble(),
                    at + "q_halt");
            assertEquals(m.get("q_continue_loss").asDouble(), r.qContinueLoss(),
                    LOSS_RELATIVE * m.get("q_continue_loss").asDouble(), at + "q_continue");
            for (int b = 0; b < batch.size(); b++) {
                assertEquals(m.get("halted").get(b).asBoolean(), r.halted()[b], at + "halted[" + b + "]");
                assertEquals(m.get("steps").get(b).asInt(), r.steps()[b], at + "steps[" + b + "]");
            }
            double g = compareDir(dir.resolve("step" + s + "/grad"), trainer.lastGradients(), at + "gradient ");
            Map<String, float[]> weights = new java.util.HashMap<>();
            trainer.weights().forEach((k, t) -> weights.put(k, t.data()));
            double w = compareDir(dir.resolve("step" + s + "/param"), weights, at + "weight ");
            System.out.printf("%s %s: loss %.9g (reference %.9g), max |diff| gradients %.2e, weights %.2e%n", name, at,
                    r.loss(), m.get("loss").asDouble(), g, w);
        }
    }

    /** @return the largest absolute difference over every array of the folder */
    private static double compareDir(Path dir, Map<String, float[]> actual, String what) throws Exception {
        double worst = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String key = f.getFileName().toString().replaceFirst("\\.npy$", "");
                float[] expected = Npy.read(f).toFloats();
                float[] got = actual.get(key);
                assertTrue(got != null, what + key + " missing");
                assertEquals(expected.length, got.length, what + key + " size");
                double max = 0;
                for (int i = 0; i < got.length; i++) {
                    max = Math.max(max, Math.abs(expected[i] - got[i]));
                }
                assertTrue(max <= ABSOLUTE, what + key + ": max |diff| " + max);
                worst = Math.max(worst, max);
            }
        }
        return worst;
    }
}
