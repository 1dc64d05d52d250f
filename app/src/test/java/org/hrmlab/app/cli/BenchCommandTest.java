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
}
