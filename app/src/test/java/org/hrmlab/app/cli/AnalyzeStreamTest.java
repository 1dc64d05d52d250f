package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --stream} gives the trace-based analysis' participation ratios, without writing traces. */
class AnalyzeStreamTest {
    static final String MODEL = Path.of(System.getProperty("hrmlab.home", ".."),
            "sample-puzzles/src/main/resources/org/hrmlab/puzzles/models/sudoku/model.safetensors").toString();

    @TempDir
    Path dir;

    @Test
    void streamedRatiosEqualTheTraceBasedOnes() throws Exception {
        Path csv = dir.resolve("s4.csv");
        assertEquals(0, CliRun.of("dataset", "generate", "--kind", "sudoku", "--size", "4", "--count", "12",
                "--difficulty", "medium", "--seed", "2", "--out", csv.toString()).exitCode());
        CliRun traced = CliRun.of("analyze", "--device", "cpu", "--checkpoint", MODEL, "--dataset", csv.toString(),
                "--count", "12", "--counts", "5", "--formats", "svg", "--out", dir.resolve("traced").toString());
        assertEquals(0, traced.exitCode(), traced.err());
        CliRun streamed = CliRun.of("analyze", "--stream", "--device", "cpu", "--batch", "5", "--checkpoint", MODEL,
                "--dataset", csv.toString(), "--count", "12", "--counts", "5", "--formats", "svg",
                "--out", dir.resolve("streamed").toString());
        assertEquals(0, streamed.exitCode(), streamed.err());
        JsonNode a = Json.MAPPER.readTree(traced.out());
        JsonNode b = Json.MAPPER.readTree(streamed.out());
        for (String latent : new String[] {"zL", "zH"}) {
            JsonNode want = a.get("pr").get(latent);
            JsonNode got = b.get("trained").get("pr_" + latent);
            assertEquals(want.get("samples").asLong(), got.get("samples").asLong());
            assertEquals(want.get("naive").asDouble(), got.get("naive").asDouble(), 1e-6 * want.get("naive").asDouble());
            assertEquals(want.get("corrected").asDouble(), got.get("corrected").asDouble(),
                    1e-6 * want.get("corrected").asDouble());
            JsonNode control = a.get("control_pr").get(latent);
            assertEquals(control.get("naive").asDouble(), b.get("control").get("pr_" + latent).get("naive").asDouble(),
                    1e-6 * control.get("naive").asDouble());
        }
        assertEquals(4, b.get("trained").get("pr_versus_trajectories").size());
        assertTrue(Files.exists(dir.resolve("streamed/participation.json")));
        assertTrue(Files.exists(dir.resolve("streamed/pr_bars.svg")));
        assertTrue(Files.exists(dir.resolve("streamed/pr_vs_trajectories.svg")));
        assertTrue(Files.notExists(dir.resolve("streamed/traces")), "no traces are written");

        CliRun replay = CliRun.of("analyze", "--device", "cpu", "--manifest",
                dir.resolve("streamed/manifest.json").toString(), "--out", dir.resolve("replay").toString());
        assertEquals(0, replay.exitCode(), replay.err());
        JsonNode again = Json.MAPPER.readTree(replay.out());
        for (String latent : new String[] {"pr_zL", "pr_zH"}) {
            assertEquals(b.get("trained").get(latent).get("naive").asDouble(),
                    again.get("trained").get(latent).get("naive").asDouble(), 0.0, "the manifest replays " + latent);
        }
    }

    @Test
    void settingsTheStreamCannotHonourAreOneLine() {
        CliRun run = CliRun.of("analyze", "--stream", "--unit", "flattened", "--checkpoint", MODEL, "--dataset", "x",
                "--out", dir.resolve("o").toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("use traces"), run.err());
    }

    @Test
    void aMissingDatasetIsOneLineNamingIt() {
        Path missing = dir.resolve("no-such-dataset");
        CliRun run = CliRun.of("analyze", "--stream", "--checkpoint", MODEL, "--dataset", missing.toString(),
                "--out", dir.resolve("o").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().filter(l -> !l.startsWith("device:")).count(), run.err());
        assertTrue(run.err().contains(missing.toString()), run.err());
    }
}
