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

    @Test
    void puzzlesTheModelDoesNotTakeAreRefusedBeforeAnyTraceIsWritten() throws Exception {
        Path out = dir.resolve("analysis");
        CliRun run = CliRun.of("analyze", "--checkpoint", TestData.SUDOKU_SMALL_CHECKPOINT.toString(),
                "--dataset", "bundled:sudoku/4x4-easy", "--count", "2", "--out", out.toString(), "--formats", "svg");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("takes 9x9 Sudokus"), run.err());
        assertTrue(!Files.exists(out), "nothing is written");
    }

    @Test
    void mixedLengthsAreRefusedBeforeAnyTraceIsWritten() throws Exception {
        Path model = org.hrmlab.app.TestModels.write(dir.resolve("six.safetensors"),
                org.hrmlab.app.TestModels.tiny(6), java.util.Map.of());
        Path csv = org.hrmlab.app.TestModels.mixedMazeCsv(dir.resolve("mixed.csv"));
        Path out = dir.resolve("mixed-analysis");
        CliRun run = CliRun.of("analyze", "--checkpoint", model.toString(), "--dataset", csv.toString(),
                "--count", "2", "--out", out.toString(), "--formats", "svg");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("81") && run.err().contains("25"), run.err());
        assertTrue(!Files.exists(out.resolve("traces")), "nothing is written");
    }

    @Test
    void aBrokenCheckpointIsBadInputNotAnInternalError() throws Exception {
        Path junk = dir.resolve("junk.safetensors");
        Files.writeString(junk, "junk");
        CliRun run = CliRun.of("analyze", "--checkpoint", junk.toString(), "--dataset",
                TestData.MAGICTOUR_CSV.toString(), "--count", "1", "--out", dir.resolve("a").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(junk.toString()) && !run.err().contains("internal error"), run.err());
    }
}
