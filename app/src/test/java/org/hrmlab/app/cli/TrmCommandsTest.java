package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrmlab.app.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The other model commands take a reference TRM checkpoint as they take an HRM one. */
class TrmCommandsTest {
    static final Path MLP = TestData.TRM_GOLDEN.resolve("trm-mlp-small/checkpoint/step_0");
    static final Path ATTENTION = TestData.TRM_GOLDEN.resolve("trm-sudoku-small/checkpoint/step_0");

    @TempDir
    Path dir;

    @Test
    void importsATrmAndTheImportedModelTracesAlike() throws Exception {
        Path out = dir.resolve("trm.safetensors");
        CliRun run = CliRun.of("import", "--checkpoint", MLP.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode s = Json.MAPPER.readTree(run.out());
        assertEquals("trm", s.get("config").get("family").asText());
        assertEquals(16, s.get("config").get("puzzleEmbLen").asInt());
        assertEquals("H_init", s.get("keys").get(0).asText());
        assertEquals(7 + 2 * 4, s.get("keys").size());

        Path tokens = MLP.getParent().resolveSibling("golden/inputs.npy");
        CliRun a = CliRun.of("trace", "--checkpoint", MLP.toString(), "--tokens", tokens.toString(), "--out",
                dir.resolve("a").toString());
        CliRun b = CliRun.of("trace", "--checkpoint", out.toString(), "--tokens", tokens.toString(), "--out",
                dir.resolve("b").toString());
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        for (String f : new String[] {"zL.npy", "zH.npy", "logits.npy", "q.npy"}) {
            assertEquals(-1, Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f)), f);
        }
    }

    @Test
    void evaluatesSudokusWithTheTrmHaltingRule() throws Exception {
        String csv = TestData.MAGICTOUR_CSV.toString();
        CliRun run = CliRun.of("eval", "--checkpoint", MLP.toString(), "--dataset", csv, "--limit", "3",
                "--max-segments", "3", "--halt-on-q");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = Json.MAPPER.readTree(run.out());
        assertEquals(3, out.get("count").asInt());
        assertTrue(out.get("mean_segments").asDouble() >= 1 && out.get("mean_segments").asDouble() <= 3);
    }

    @Test
    void animatesATrm() throws Exception {
        Path gif = dir.resolve("trm.gif");
        CliRun run = CliRun.of("animate", "--checkpoint", ATTENTION.toString(), "--puzzle", "bundled:sudoku/9x9-easy#0",
                "--out", gif.toString(), "--segments", "1", "--frames", "h");
        assertEquals(0, run.exitCode(), run.err());
        // one segment of H_cycles 2 x (L_cycles 3 + 1) updates after the initial state
        assertEquals(9, Json.MAPPER.readTree(run.out()).get("recorded_updates").asInt());
        assertTrue(Files.size(gif) > 0);
    }

    @Test
    void trainsATrmWhoseCheckpointTracesAndEvaluatesAsATrm() throws Exception {
        org.hrmlab.app.training.TinyTrainingRun.writeDataset(dir.resolve("data"));
        Path yaml = dir.resolve("trm.yaml");
        Files.writeString(yaml, """
                data_path: data
                arch: {name: recursive_reasoning.trm@TinyRecursiveReasoningModel_ACTV1, hidden_size: 16, num_heads: 2,
                       expansion: 2, L_layers: 2, H_cycles: 2, L_cycles: 2, halt_max_steps: 2, puzzle_emb_ndim: 16,
                       puzzle_emb_len: 2}
                global_batch_size: 2
                epochs: 2
                lr_warmup_steps: 1
                ema: true
                seed: 1
                """);
        CliRun train = CliRun.of("train", "--config", yaml.toString(), "--out", dir.resolve("run").toString());
        assertEquals(0, train.exitCode(), train.err());
        Path ckpt = dir.resolve("run/checkpoints/step_4.safetensors");

        Path tokens = dir.resolve("tokens.npy");
        org.hrmlab.puzzles.io.Npy.write(tokens, org.hrmlab.puzzles.io.NpyArray.ofInts(new int[] {2, 3, 4, 2}, 4));
        CliRun trace = CliRun.of("trace", "--checkpoint", ckpt.toString(), "--tokens", tokens.toString(),
                "--puzzle-id", "1", "--segments", "1", "--out", dir.resolve("trace").toString());
        assertEquals(0, trace.exitCode(), trace.err());
        // one segment: H_cycles 2 x (L_cycles 2 latent updates + 1 answer update)
        assertEquals(6, Json.MAPPER.readTree(trace.out()).get("steps").asInt());

        CliRun eval = CliRun.of("eval", "--checkpoint", ckpt.toString(), "--dataset", dir.resolve("data").toString(),
                "--halt-on-q");
        assertEquals(0, eval.exitCode(), eval.err());
        assertEquals(4, Json.MAPPER.readTree(eval.out()).get("count").asInt());
        CliRun info = CliRun.of("import", "--checkpoint", ckpt.toString(), "--out", dir.resolve("copy.safetensors")
                .toString());
        assertEquals(0, info.exitCode(), info.err());
        assertEquals("trm", Json.MAPPER.readTree(info.out()).get("config").get("family").asText());
    }
}
