package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.compute.DeviceUnavailableException;
import org.hrmlab.engine.compute.Devices;
import org.hrmlab.engine.train.TrainingEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void trainsAndPrintsJsonLinesOnly(@TempDir Path tmp) throws Exception {
        writeDataset(tmp.resolve("data"));
        Path yaml = tmp.resolve("run.yaml");
        Files.writeString(yaml, """
                data_path: data
                arch: {hidden_size: 16, num_heads: 2, expansion: 2, H_layers: 1, L_layers: 1, H_cycles: 1,
                       L_cycles: 2, halt_max_steps: 2, puzzle_emb_ndim: 16}
                global_batch_size: 2
                epochs: 1
                lr_warmup_steps: 1
                seed: 1
                """);
        Result r = run("train", "--config", yaml.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() >= 3, r.out());
        for (String line : lines) {
            JsonNode j = JSON.readTree(line);
            assertTrue(j.has("event"), line);
        }
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("train", first.get("event").asText());
        assertEquals(1, first.get("step").asInt());
        assertEquals(2, first.get("total_steps").asInt(), "the lab's progress bar and ETA read it");
        assertEquals("done", JSON.readTree(lines.get(lines.size() - 1)).get("event").asText());
        assertTrue(Files.isRegularFile(tmp.resolve("run/checkpoints/step_2.safetensors")));
        assertEquals(Files.readString(yaml), Files.readString(tmp.resolve("run/config.yaml")));
    }

    @Test
    void theTrainersEventsParseBackWithProgress(@TempDir Path tmp) throws Exception {
        Path yaml = org.hrmlab.app.training.TinyTrainingRun.write(tmp, 2);
        Result r = run("train", "--config", yaml.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(0, r.status(), r.err());
        List<TrainingEvent> events = r.out().lines().map(TrainingEvent::parse).toList();
        List<TrainingEvent.Train> train = events.stream().filter(TrainingEvent.Train.class::isInstance)
                .map(TrainingEvent.Train.class::cast).toList();
        assertEquals(4, train.size(), r.out());
        for (int i = 0; i < train.size(); i++) {
            TrainingEvent.Train e = train.get(i);
            assertEquals(i + 1, e.step());
            assertEquals(4, e.totalSteps(), "total steps on every train event: " + e);
            assertEquals((i + 1) / 4.0, e.fractionDone(), 1e-12);
            assertTrue(e.elapsedSeconds() > 0 && e.etaSeconds() >= 0, e.toString());
        }
        assertTrue(train.get(0).etaSeconds() > 0, "steps left after the first: " + train.get(0));
        assertEquals(new TrainingEvent.Checkpoint(4, "checkpoints/step_4.safetensors"),
                events.stream().filter(TrainingEvent.Checkpoint.class::isInstance).reduce((x, y) -> y).orElseThrow());
        assertTrue(events.get(events.size() - 1) instanceof TrainingEvent.Done d && d.totalSteps() == 4, r.out());
    }

    @Test
    void badConfigExitsTwoWithOneLine(@TempDir Path tmp) throws Exception {
        Path yaml = tmp.resolve("run.yaml");
        Files.writeString(yaml, "data_path: nowhere\nlr: fast\n");
        Result r = run("train", "--config", yaml.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("run.yaml") && r.err().contains("'lr'"), r.err());
        JsonNode last = JSON.readTree(r.out().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("error", last.get("event").asText());
        assertEquals(new TrainingEvent.Failed(r.err().strip()),
                TrainingEvent.parse(r.out().lines().reduce((a, b) -> b).orElseThrow()));
    }

    @Test
    void aConfigWhoseModelCannotBeBuiltExitsTwoWithOneLineAndWritesNothing(@TempDir Path tmp) throws Exception {
        writeDataset(tmp.resolve("data"));
        String[][] cases = {
            {"hidden_size: 60, num_heads: 8", "not a multiple of num_heads 8"},
            {"hidden_size: 16, num_heads: 2, expansion: 0", "expansion"},
            {"hidden_size: 16, num_heads: 2, pos_encodings: alibi", "'alibi'"},
            {"hidden_size: 16, num_heads: 2, H_layers: 0", "H_layers"},
            {"hidden_size: 262144, num_heads: 2", "no model can be built"},
        };
        for (String[] c : cases) {
            Path yaml = tmp.resolve("run.yaml");
            Files.writeString(yaml, "data_path: data\narch: {" + c[0] + "}\nglobal_batch_size: 2\nepochs: 1\n");
            Path out = tmp.resolve("run");
            Result r = run("train", "--config", yaml.toString(), "--out", out.toString());
            assertEquals(2, r.status(), c[0] + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("run.yaml") && r.err().contains(c[1]), r.err());
            assertTrue(!Files.exists(out), c[0] + ": nothing is written");
        }
    }

    @Test
    void anInitCheckpointOfAnotherArchitectureWritesNothing(@TempDir Path tmp) throws Exception {
        writeDataset(tmp.resolve("data"));
        org.hrmlab.app.TestModels.write(tmp.resolve("other.safetensors"), org.hrmlab.app.TestModels.tiny(11),
                java.util.Map.of());
        Path yaml = tmp.resolve("run.yaml");
        Files.writeString(yaml, "data_path: data\ninit_checkpoint: other.safetensors\n"
                + "arch: {hidden_size: 16, num_heads: 2, puzzle_emb_ndim: 0}\nglobal_batch_size: 2\nepochs: 1\n");
        Path out = tmp.resolve("run");
        Result r = run("train", "--config", yaml.toString(), "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("other.safetensors"), r.err());
        assertTrue(!Files.exists(out), "nothing is written");
    }

    @Test
    void anInitCheckpointWithAnotherRecursionScheduleStartsTheNextStage(@TempDir Path tmp) throws Exception {
        Path first = org.hrmlab.app.training.TinyTrainingRun.write(tmp, 1);
        assertEquals(0, run("train", "--config", first.toString(), "--out", tmp.resolve("a").toString(),
                "--device", "cpu").status());
        Path yaml = tmp.resolve("stage2.yaml");
        Files.writeString(yaml, Files.readString(first)
                .replace("H_cycles: 1", "H_cycles: 2").replace("halt_max_steps: 2", "halt_max_steps: 4")
                + "init_checkpoint: a/checkpoints/step_2.safetensors\n");
        Result r = run("train", "--config", yaml.toString(), "--out", tmp.resolve("b").toString(), "--device", "cpu");
        assertEquals(0, r.status(), r.err());
        var loaded = org.hrmlab.engine.io.CheckpointLoader.load(tmp.resolve("b/checkpoints/step_2.safetensors"));
        assertEquals(2, loaded.config().hCycles());
        assertEquals(4, loaded.config().haltMaxSteps());
    }

    /**
     * Trains the tiny run with a learned position table (2x2 grids) into {@code tmp/a}, then a run from its last
     * checkpoint on the same task with {@code seqLen} tokens into {@code tmp/b}.
     *
     * @param extra more YAML lines for the second run
     * @return the second run's result
     */
    private static Result trainFromTheTinyRun(Path tmp, int seqLen, String extra) throws Exception {
        Path first = org.hrmlab.app.training.TinyTrainingRun.write(tmp, 1);
        String config = Files.readString(first).replace("puzzle_emb_ndim: 16}",
                "puzzle_emb_ndim: 16, pos_encodings: learned+rope}");
        Files.writeString(first, config);
        assertEquals(0, run("train", "--config", first.toString(), "--out", tmp.resolve("a").toString(),
                "--device", "cpu").status());
        org.hrmlab.app.training.TinyTrainingRun.writeDataset(tmp.resolve("data" + seqLen), seqLen);
        Path yaml = tmp.resolve("next.yaml");
        Files.writeString(yaml, config.replace("data_path: data", "data_path: data" + seqLen)
                + "init_checkpoint: a/checkpoints/step_2.safetensors\n" + extra);
        return run("train", "--config", yaml.toString(), "--out", tmp.resolve("b").toString(), "--device", "cpu");
    }

    @Test
    void aModelOfAnotherGridSizeStartsTheRunWithItsLearnedPositionsCarriedOver(@TempDir Path tmp) throws Exception {
        // a learning rate of 0 keeps the carried-over table as it starts, to compare with the 2x2 one
        Result r = trainFromTheTinyRun(tmp, 9, "lr: 0\npuzzle_emb_lr: 0\n");
        assertEquals(0, r.status(), r.err());
        var small = org.hrmlab.engine.io.CheckpointLoader.load(tmp.resolve("a/checkpoints/step_2.safetensors"));
        var grown = org.hrmlab.engine.io.CheckpointLoader.load(tmp.resolve("b/checkpoints/step_2.safetensors"));
        assertEquals(9, grown.config().seqLen());
        float[] from = small.weights().get("embed_pos.embedding_weight").data();
        float[] to = grown.weights().get("embed_pos.embedding_weight").data();
        int prefix = grown.config().puzzleEmbLen();
        int d = 16;
        assertEquals((prefix + 9) * d, to.length);
        // rows and columns 0, 1, 1 of the 2x2 grid: the 3x3 grid's corner cells are the 2x2 grid's corners
        int[] source = {0, 1, 1, 2, 3, 3, 2, 3, 3};
        for (int c = 0; c < 9; c++) {
            for (int i = 0; i < d; i++) {
                assertEquals(from[(prefix + source[c]) * d + i], to[(prefix + c) * d + i], "cell " + c);
            }
        }
        for (int i = 0; i < prefix * d; i++) {
            assertEquals(from[i], to[i], "prefix rows unchanged");
        }
    }

    @Test
    void learnedPositionsOfAGridDoNotCarryOverToAnUngriddedSequence(@TempDir Path tmp) throws Exception {
        Result r = trainFromTheTinyRun(tmp, 6, "");
        Path out = tmp.resolve("b");
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("step_2.safetensors") && r.err().contains("are for 4 tokens and the data has 6"),
                r.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void aTrmWhoseMlpMixesTheTokensDoesNotStartOnAnotherSequenceLength(@TempDir Path tmp) throws Exception {
        org.hrmlab.app.training.TinyTrainingRun.writeDataset(tmp.resolve("data"));
        String arch = "arch: {name: recursive_reasoning.trm@TinyRecursiveReasoningModel_ACTV1, hidden_size: 16,"
                + " num_heads: 2, expansion: 2, H_cycles: 1, L_cycles: 1, halt_max_steps: 2, puzzle_emb_ndim: 0,"
                + " mlp_t: true, pos_encodings: none}\nglobal_batch_size: 2\nepochs: 1\n";
        Path first = tmp.resolve("first.yaml");
        Files.writeString(first, "data_path: data\n" + arch);
        assertEquals(0, run("train", "--config", first.toString(), "--out", tmp.resolve("a").toString(),
                "--device", "cpu").status());
        org.hrmlab.app.training.TinyTrainingRun.writeDataset(tmp.resolve("data3x3"), 9);
        Path yaml = tmp.resolve("grow.yaml");
        Files.writeString(yaml, "data_path: data3x3\ninit_checkpoint: a/checkpoints/step_2.safetensors\n" + arch);
        Path out = tmp.resolve("b");
        Result r = run("train", "--config", yaml.toString(), "--out", out.toString(), "--device", "cpu");
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("step_2.safetensors") && r.err().contains("(mlp_t) is for 4 tokens"), r.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void onTheCpuItTrainsAndSaysSoInOneLine(@TempDir Path tmp) throws Exception {
        Path yaml = org.hrmlab.app.training.TinyTrainingRun.write(tmp, 1);
        Result r = run("train", "--config", yaml.toString(), "--out", tmp.resolve("run").toString(), "--device", "cpu");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("device: " + ComputeDevice.CPU.description()), deviceLines(r), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("run/checkpoints/step_2.safetensors")));
    }

    @Test
    void autoWithoutAGpuTrainsOnTheCpuAndSaysWhyInOneLine(@TempDir Path tmp) throws Exception {
        Assumptions.assumeFalse(gpuHere(), "this machine has a usable GPU");
        Path yaml = org.hrmlab.app.training.TinyTrainingRun.write(tmp, 1);
        Result r = run("train", "--config", yaml.toString(), "--out", tmp.resolve("run").toString(), "--device", "auto");
        assertEquals(0, r.status(), r.err());
        List<String> lines = deviceLines(r);
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("device: cpu (no usable GPU: cuda: "), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("run/checkpoints/step_2.safetensors")));
    }

    @Test
    void aNamedGpuThatCannotBeUsedExitsTwoWithOneLineAndWritesNothing(@TempDir Path tmp) throws Exception {
        Assumptions.assumeFalse(gpuHere(), "this machine has a usable GPU");
        Path yaml = org.hrmlab.app.training.TinyTrainingRun.write(tmp, 1);
        Path out = tmp.resolve("run");
        Result r = run("train", "--config", yaml.toString(), "--out", out.toString(), "--device", "cuda");
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("cuda: "), r.err());
        assertEquals(new TrainingEvent.Failed(r.err().strip()),
                TrainingEvent.parse(r.out().lines().reduce((a, b) -> b).orElseThrow()));
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void aDeviceThatNamesNoKindIsExitTwo(@TempDir Path tmp) throws Exception {
        Path yaml = org.hrmlab.app.training.TinyTrainingRun.write(tmp, 1);
        Result r = run("train", "--config", yaml.toString(), "--out", tmp.resolve("run").toString(), "--device", "tpu");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("'tpu' is not one of auto|cpu|cuda[:N]"), r.err());
        assertFalse(Files.exists(tmp.resolve("run")));
    }

    private static List<String> deviceLines(Result r) {
        return r.err().lines().filter(l -> l.startsWith("device: ")).toList();
    }

    private static boolean gpuHere() {
        try {
            Devices.open("cuda", 0);
            return true;
        } catch (DeviceUnavailableException e) {
            return false;
        }
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new HrmLabCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    private static void writeDataset(Path root) throws Exception {
        org.hrmlab.app.training.TinyTrainingRun.writeDataset(root);
    }
}
