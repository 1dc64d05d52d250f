package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hrmlab analyze --checkpoint --dataset}: traces recorded by the engine, with an untrained control. */
class AnalyzeFromCheckpointTest {
    static final Path SHARED = Path.of(System.getProperty("hrmlab.shared", "../shared"));

    @TempDir
    Path dir;

    @Test
    void recordsTrainedAndControlTracesAndWritesTheFigures() throws Exception {
        Path out = dir.resolve("analysis");
        CliRun run = CliRun.of("analyze", "--checkpoint",
                SHARED.resolve("fixtures/hrm-golden/sudoku-small/checkpoint/step_0").toString(),
                "--dataset", SHARED.resolve("data/sudoku/magictour_top1465.csv").toString(), "--count", "3",
                "--out", out.toString(), "--formats", "svg", "--counts", "2,3");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertEquals(3, json.get("trajectories").asInt());
        JsonNode pr = json.get("pr");
        assertEquals(pr.get("zL").get("samples"), pr.get("zH").get("samples"), "zL and zH at equal N");
        assertTrue(json.has("control_pr"));
        try (var traces = Files.list(out.resolve("traces"))) {
            assertEquals(3, traces.count());
        }
        assertTrue(Files.exists(out.resolve("traces/0000/labels.npy")));
        assertTrue(Files.readString(out.resolve("pr_bars.svg")).contains("<text"));
        assertTrue(Files.exists(out.resolve("manifest.json")));
    }
}
