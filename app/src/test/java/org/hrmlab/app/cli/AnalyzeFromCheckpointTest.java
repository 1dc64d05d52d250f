package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrmlab.app.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hrmlab analyze --checkpoint --dataset}: traces recorded by the engine, with an untrained control. */
class AnalyzeFromCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void recordsTrainedAndControlTracesAndWritesTheFigures() throws Exception {
        Path out = dir.resolve("analysis");
        CliRun run = CliRun.of("analyze", "--checkpoint", TestData.SUDOKU_SMALL_CHECKPOINT.toString(),
                "--dataset", TestData.MAGICTOUR_CSV.toString(), "--count", "3",
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
