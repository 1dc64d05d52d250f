package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void reportsEveryFigureTheContractNames() throws Exception {
        CliRun run = CliRun.of("bench", "--config", "tiny", "--seq", "17,33", "--repeats", "5");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode b = Json.MAPPER.readTree(run.out());
        assertEquals("cpu", b.get("backend").asText());
        assertTrue(b.get("gemm_gflops").asDouble() > 0);
        assertEquals(2, b.get("results").size());
        JsonNode r = b.get("results").get(1);
        assertEquals(33, r.get("seq_len").asInt());
        for (String f : new String[] {"l_update_ms", "h_update_ms", "segment_ms", "l_update_gflops"}) {
            assertTrue(r.get(f).asDouble() > 0, f);
        }
        assertEquals(2, CliRun.of("bench", "--config", "nope").exitCode());
    }

    @Test
    void trainingModeReportsThroughputPerBatch() throws Exception {
        CliRun run = CliRun.of("bench", "--train", "--config", "tiny", "--seq", "17", "--batch", "1,3", "--repeats",
                "6");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode b = Json.MAPPER.readTree(run.out());
        assertEquals("train", b.get("mode").asText());
        assertEquals(2, b.get("results").size());
        for (int i = 0; i < 2; i++) {
            JsonNode r = b.get("results").get(i);
            assertEquals(i == 0 ? 1 : 3, r.get("batch").asInt());
            double ms = r.get("step_ms").asDouble();
            assertTrue(ms > 0);
            assertEquals(r.get("batch").asInt() / (ms / 1e3), r.get("examples_segments_per_second").asDouble(), 1e-6);
            assertTrue(r.get("step_share_of_gemm").asDouble() > 0);
        }
        assertEquals(2, CliRun.of("bench", "--train", "--batch", "0").exitCode());
    }
}
