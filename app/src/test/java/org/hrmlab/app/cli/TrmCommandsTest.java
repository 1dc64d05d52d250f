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
}
