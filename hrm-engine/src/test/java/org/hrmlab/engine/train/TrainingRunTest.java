package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.hrmlab.engine.io.CheckpointLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
    static final String CONFIG = """
            data_path: data
            arch:
              hidden_size: 16
              num_heads: 2
              expansion: 2
              H_layers: 1
              L_layers: 1
              H_cycles: 2
              L_cycles: 1
              halt_max_steps: 3
              halt_exploration_prob: 0.5
              puzzle_emb_ndim: 16
            global_batch_size: 4
            epochs: 6
            eval_interval: 3
            lr: 0.003
            lr_warmup_steps: 2
            puzzle_emb_lr: 0.01
            checkpoint_interval: 2
            eval_limit: 4
            seed: 5
            """;

    @Test
    void sameSeedSameLossesAndResumeContinuesExactly(@TempDir Path tmp) throws Exception {
        TrainingConfig cfg = tinyRun(tmp, CONFIG);

        List<TrainingEvent> a = new ArrayList<>();
        long steps = new TrainingRun(cfg, tmp.resolve("a"), CONFIG, a::add).run(false);
        assertEquals(12, steps); // 6 epochs * 8 groups / batch 4
        List<TrainingEvent> b = new ArrayList<>();
        new TrainingRun(cfg, tmp.resolve("b"), CONFIG, b::add).run(false);
        assertEquals(losses(a), losses(b));

        List<TrainingEvent> c = new ArrayList<>();
        RuntimeException killed = assertThrows(RuntimeException.class,
                () -> new TrainingRun(cfg, tmp.resolve("c"), CONFIG,
                        killedAfter(c, e -> e instanceof TrainingEvent.Checkpoint k && k.step() == 6)).run(false));
        assertEquals("killed", killed.getMessage());
        new TrainingRun(cfg, tmp.resolve("c"), CONFIG, c::add).run(true);
        assertEquals(losses(a), losses(c));
        assertEquals(CONFIG, Files.readString(tmp.resolve("c/config.yaml")));
        assertTrue(Files.isRegularFile(tmp.resolve("c/checkpoints/step_12.safetensors")));
        assertEquals(12, CheckpointLoader.load(tmp.resolve("c/checkpoints/step_12.safetensors")).config().seqLen() * 2);
        assertEquals(1, CheckpointLoader.load(tmp.resolve("c/checkpoints/step_12.safetensors")).puzzleIdFor("reverse"),
                "a checkpoint names the puzzles its embeddings belong to");

        List<TrainingEvent.Eval> evals = a.stream().filter(TrainingEvent.Eval.class::isInstance)
                .map(TrainingEvent.Eval.class::cast).toList();
        assertEquals(2, evals.size());
        assertEquals(4, evals.get(0).count());
        JsonNode first = json(TrainingEvent.toJson(a.get(0)));
        assertEquals("train", first.get("event").asText());
        for (String key : List.of("step", "total_steps", "epoch", "lr", "loss", "lm_loss", "q_loss", "exact_accuracy",
                "token_accuracy", "mean_segments", "examples_per_second", "elapsed_s", "eta_s")) {
            assertTrue(first.has(key), key);
        }
    }

    @Test
    void aRunTrainedInStretchesComputesWhatTheUninterruptedRunDoes(@TempDir Path tmp) throws Exception {
        TrainingConfig cfg = tinyRun(tmp, CONFIG);
        List<TrainingEvent> whole = new ArrayList<>();
        new TrainingRun(cfg, tmp.resolve("whole"), CONFIG, whole::add).run(false);

        List<TrainingEvent> stretches = new ArrayList<>();
        assertEquals(5, new TrainingRun(cfg, tmp.resolve("s"), CONFIG, stretches::add).run(false, 5));
        assertTrue(Files.isRegularFile(tmp.resolve("s/checkpoints/step_5.safetensors")), "a stretch ends on a checkpoint");
        assertEquals(9, new TrainingRun(cfg, tmp.resolve("s"), CONFIG, stretches::add).run(true, 9));
        assertEquals(10, new TrainingRun(cfg, tmp.resolve("s"), CONFIG, stretches::add)
                .run(true, 100, java.time.Duration.ZERO), "a stretch out of time ends after its first step");
        assertTrue(Files.isRegularFile(tmp.resolve("s/checkpoints/step_10.safetensors")));
        assertEquals(12, new TrainingRun(cfg, tmp.resolve("s"), CONFIG, stretches::add).run(true, 100));
        assertEquals(losses(whole), losses(stretches));
        assertArrayEquals(
                CheckpointLoader.load(tmp.resolve("whole/checkpoints/step_12.safetensors")).weights()
                        .get("lm_head.weight").data(),
                CheckpointLoader.load(tmp.resolve("s/checkpoints/step_12.safetensors")).weights()
                        .get("lm_head.weight").data());
    }

    static final String TRM_CONFIG = """
            data_paths: [data]
            arch:
              name: recursive_reasoning.trm@TinyRecursiveReasoningModel_ACTV1
              hidden_size: 16
              num_heads: 2
              expansion: 2
              H_layers: 0
              L_layers: 2
              H_cycles: 2
              L_cycles: 2
              halt_max_steps: 3
              halt_exploration_prob: 0.5
              puzzle_emb_ndim: 16
              puzzle_emb_len: 2
            global_batch_size: 4
            epochs: 4
            eval_interval: 2
            lr: 0.003
            lr_warmup_steps: 2
            puzzle_emb_lr: 0.01
            checkpoint_interval: 2
            eval_limit: 4
            ema: true
            ema_rate: 0.9
            seed: 5
            """;

    @Test
    void aTrmRunSavesItsAveragedWeightsAsATrmAndResumesExactly(@TempDir Path tmp) throws Exception {
        TrainingConfig cfg = tinyRun(tmp, TRM_CONFIG);
        List<TrainingEvent> a = new ArrayList<>();
        assertEquals(8, new TrainingRun(cfg, tmp.resolve("a"), TRM_CONFIG, a::add).run(false));

        List<TrainingEvent> c = new ArrayList<>();
        assertThrows(RuntimeException.class, () -> new TrainingRun(cfg, tmp.resolve("c"), TRM_CONFIG, event -> {
            c.add(event);
            if (event instanceof TrainingEvent.Checkpoint k && k.step() == 4) {
                throw new IllegalStateException("killed");
            }
        }).run(false));
        new TrainingRun(cfg, tmp.resolve("c"), TRM_CONFIG, c::add).run(true);
        assertEquals(losses(a), losses(c), "the live weights, the average and the carry all resume");

        Path model = tmp.resolve("c/checkpoints/step_8.safetensors");
        var ckpt = CheckpointLoader.load(model);
        assertEquals(org.hrmlab.engine.ModelFamily.TRM, ckpt.config().family());
        assertEquals(2, ckpt.config().puzzleEmbLen());
        assertTrue(ckpt.config().noActContinue());
        var state = org.hrmlab.engine.io.Safetensors.read(tmp.resolve("c/checkpoints/step_8.state.safetensors"))
                .tensors();
        String key = "L_level.layers.1.mlp.down_proj.weight";
        assertArrayEquals(state.get("ema." + key).data(), ckpt.weights().get(key).data(),
                "the model file holds the average");
        assertFalse(java.util.Arrays.equals(state.get("live." + key).data(), ckpt.weights().get(key).data()),
                "the live weights differ from the average");
        assertFalse(state.containsKey("ema.puzzle_emb.weights"), "the puzzle table is not averaged");
    }

    @Test
    void metricsFileHoldsTheEventsTheListenerGotWithProgress(@TempDir Path tmp) throws Exception {
        String config = CONFIG.replace("epochs: 6", "epochs: 2");
        TrainingConfig cfg = tinyRun(tmp, config);
        List<TrainingEvent> heard = new ArrayList<>();
        new TrainingRun(cfg, tmp.resolve("run"), config, heard::add).run(false);

        List<TrainingEvent> read = Files.readAllLines(tmp.resolve("run/metrics.jsonl")).stream()
                .map(TrainingEvent::parse).toList();
        assertEquals(heard, read, "metrics.jsonl parses back into the very events the listener received");
        List<TrainingEvent.Train> train = read.stream().filter(TrainingEvent.Train.class::isInstance)
                .map(TrainingEvent.Train.class::cast).toList();
        assertEquals(4, train.size(), "2 epochs * 8 groups / batch 4");
        for (int i = 0; i < train.size(); i++) {
            TrainingEvent.Train t = train.get(i);
            assertEquals(i + 1, t.step());
            assertEquals(4, t.totalSteps(), "every train event says how long the run is");
            assertEquals((i + 1) / 4.0, t.fractionDone(), 1e-12);
            assertTrue(t.elapsedSeconds() > 0, t.toString());
            assertTrue(t.etaSeconds() >= 0 && Double.isFinite(t.etaSeconds()), t.toString());
        }
        assertEquals(0, train.get(3).etaSeconds(), 0, "nothing left after the last step");
        assertTrue(train.get(0).etaSeconds() > 0, train.get(0).toString());
        assertEquals(new TrainingEvent.Done(4, 4, ((TrainingEvent.Done) read.get(read.size() - 1)).elapsedSeconds()),
                read.get(read.size() - 1));
    }

    @Test
    void aRunStoppedBeforeItsFirstCheckpointResumesFromTheStart(@TempDir Path tmp) throws Exception {
        TrainingConfig cfg = tinyRun(tmp, CONFIG);
        List<TrainingEvent> a = new ArrayList<>();
        new TrainingRun(cfg, tmp.resolve("a"), CONFIG, a::add).run(false);

        assertThrows(IllegalStateException.class, () -> new TrainingRun(cfg, tmp.resolve("c"), CONFIG,
                killedAfter(new ArrayList<>(), e -> e instanceof TrainingEvent.Train t && t.step() == 1)).run(false));
        DatasetException again = assertThrows(DatasetException.class,
                () -> new TrainingRun(cfg, tmp.resolve("c"), CONFIG, e -> { }).run(false));
        assertTrue(again.getMessage().contains("use --resume"), again.getMessage());

        List<TrainingEvent> c = new ArrayList<>();
        assertEquals(12, new TrainingRun(cfg, tmp.resolve("c"), CONFIG, c::add).run(true));
        assertEquals(losses(a), losses(c));
        assertEquals(Files.readAllLines(tmp.resolve("a/metrics.jsonl")).size(),
                Files.readAllLines(tmp.resolve("c/metrics.jsonl")).size(), "the lost step's lines are not kept");
    }

    @Test
    void refusesToOverwriteARunAndToResumeNothing(@TempDir Path tmp) throws Exception {
        TrainingConfig cfg = tinyRun(tmp, CONFIG);
        DatasetException e = assertThrows(DatasetException.class,
                () -> new TrainingRun(cfg, tmp.resolve("x"), CONFIG, l -> { }).run(true));
        assertTrue(e.getMessage().contains("nothing to resume"), e.getMessage());
        Path yaml = tmp.resolve("run.yaml");
        Files.writeString(yaml, CONFIG + "bogus: 1\n");
        DatasetException bad = assertThrows(DatasetException.class, () -> TrainingConfig.read(yaml));
        assertTrue(bad.getMessage().contains("unknown field 'bogus'"), bad.getMessage());
    }

    /** @return the config {@code yaml}, written to {@code tmp/run.yaml}, over a tiny dataset in {@code tmp/data} */
    private static TrainingConfig tinyRun(Path tmp, String yaml) throws Exception {
        TinyDatasets.reverse(tmp.resolve("data"), 6, 6, 8, 1, 5, 11);
        Files.writeString(tmp.resolve("run.yaml"), yaml);
        return TrainingConfig.read(tmp.resolve("run.yaml"));
    }

    /** @return a listener that keeps the events in {@code heard} and kills the run after the first {@code last} */
    private static TrainingListener killedAfter(List<TrainingEvent> heard,
            Predicate<TrainingEvent> last) {
        return event -> {
            heard.add(event);
            if (last.test(event)) {
                throw new IllegalStateException("killed");
            }
        };
    }

    private static List<Double> losses(List<TrainingEvent> events) {
        return events.stream().filter(TrainingEvent.Train.class::isInstance)
                .map(e -> ((TrainingEvent.Train) e).loss()).toList();
    }

    private static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aModelNamesDataBelowTheWorkingDirectoryRelativelyAndOtherDataAsGiven() {
        Path cwd = Path.of("").toAbsolutePath();
        assertEquals("data/sudoku-9x9-easy-40k", TrainingRun.recordedDataPath(cwd.resolve("data/sudoku-9x9-easy-40k")));
        assertEquals("data/x", TrainingRun.recordedDataPath(cwd.resolve("training/../data/x")));
        Path outside = cwd.getRoot().resolve("elsewhere-" + System.nanoTime()).resolve("data");
        assertEquals(outside.toString(), TrainingRun.recordedDataPath(outside));
    }
}
