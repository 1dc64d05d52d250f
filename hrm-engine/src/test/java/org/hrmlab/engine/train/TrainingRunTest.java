package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        TinyDatasets.reverse(tmp.resolve("data"), 6, 6, 8, 1, 5, 11);
        Path yaml = tmp.resolve("run.yaml");
        Files.writeString(yaml, CONFIG);
        TrainingConfig cfg = TrainingConfig.read(yaml);

        List<String> a = new ArrayList<>();
        long steps = new TrainingRun(cfg, tmp.resolve("a"), CONFIG, a::add).run(false);
        assertEquals(12, steps); // 6 epochs * 8 groups / batch 4
        List<String> b = new ArrayList<>();
        new TrainingRun(cfg, tmp.resolve("b"), CONFIG, b::add).run(false);
        assertEquals(losses(a), losses(b));

        List<String> c = new ArrayList<>();
        RuntimeException killed = assertThrows(RuntimeException.class,
                () -> new TrainingRun(cfg, tmp.resolve("c"), CONFIG, line -> {
                    c.add(line);
                    if (line.contains("\"checkpoint\"") && line.contains("\"step\":6")) {
                        throw new IllegalStateException("killed");
                    }
                }).run(false));
        assertEquals("killed", killed.getMessage());
        new TrainingRun(cfg, tmp.resolve("c"), CONFIG, c::add).run(true);
        assertEquals(losses(a), losses(c));
        assertEquals(CONFIG, Files.readString(tmp.resolve("c/config.yaml")));
        assertTrue(Files.isRegularFile(tmp.resolve("c/checkpoints/step_12.safetensors")));
        assertEquals(12, CheckpointLoader.load(tmp.resolve("c/checkpoints/step_12.safetensors")).config().seqLen() * 2);
        assertEquals(1, CheckpointLoader.load(tmp.resolve("c/checkpoints/step_12.safetensors")).puzzleIdFor("reverse"),
                "a checkpoint names the puzzles its embeddings belong to");

        List<JsonNode> evals = a.stream().map(TrainingRunTest::json).filter(j -> j.get("event").asText()
                .equals("eval")).toList();
        assertEquals(2, evals.size());
        assertEquals(4, evals.get(0).get("count").asInt());
        JsonNode first = json(a.get(0));
        for (String key : List.of("step", "epoch", "lr", "loss", "lm_loss", "q_loss", "exact_accuracy",
                "token_accuracy", "mean_segments", "examples_per_second", "elapsed_s")) {
            assertTrue(first.has(key), key);
        }
    }

    @Test
    void refusesToOverwriteARunAndToResumeNothing(@TempDir Path tmp) throws Exception {
        TinyDatasets.reverse(tmp.resolve("data"), 6, 6, 8, 1, 5, 11);
        Path yaml = tmp.resolve("run.yaml");
        Files.writeString(yaml, CONFIG);
        TrainingConfig cfg = TrainingConfig.read(yaml);
        DatasetException e = assertThrows(DatasetException.class,
                () -> new TrainingRun(cfg, tmp.resolve("x"), CONFIG, l -> { }).run(true));
        assertTrue(e.getMessage().contains("nothing to resume"), e.getMessage());
        Files.writeString(yaml, CONFIG + "bogus: 1\n");
        DatasetException bad = assertThrows(DatasetException.class, () -> TrainingConfig.read(yaml));
        assertTrue(bad.getMessage().contains("unknown field 'bogus'"), bad.getMessage());
    }

    private static List<Double> losses(List<String> lines) {
        return lines.stream().map(TrainingRunTest::json).filter(j -> j.get("event").asText().equals("train"))
                .map(j -> j.get("loss").asDouble()).toList();
    }

    private static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
