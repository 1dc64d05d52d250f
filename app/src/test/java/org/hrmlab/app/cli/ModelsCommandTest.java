package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.junit.jupiter.api.Test;

class ModelsCommandTest {
    @Test
    void listsEveryShippedModelByTheNameCheckpointTakes() throws Exception {
        CliRun run = CliRun.of("models");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode models = Json.MAPPER.readTree(run.out()).get("models");
        List<String> names = new ArrayList<>();
        for (JsonNode m : models) {
            String checkpoint = m.get("checkpoint").asText();
            names.add(checkpoint.substring("shipped:".length()));
            String title = m.get("title").asText();
            assertTrue(!title.isBlank() && !title.startsWith("#") && !title.equals("null"), "its card's title: " + m);
            assertTrue(m.get("bytes").asLong() > 0 && m.get("parameters").asLong() > 0, m.toString());
            assertEquals(64, m.get("sha256").asText().length());
            long valueBytes = m.get("stored_as").asText().equals("bf16") ? 2 : 4;
            assertTrue(m.get("bytes").asLong() >= valueBytes * m.get("parameters").asLong(), m.toString());
            assertTrue(m.get("bytes").asLong() < 2 * valueBytes * m.get("parameters").asLong() + 700_000,
                    "values stored as it says: " + m);
        }
        assertEquals(DefaultModels.ALL, names);
        JsonNode sudoku9 = models.get(DefaultModels.ALL.indexOf("sudoku-9x9"));
        assertEquals("9x9 Sudokus (81 tokens)", sudoku9.get("takes").asText());
        assertEquals("hrm", sudoku9.get("family").asText());
        assertEquals("trm", models.get(DefaultModels.ALL.indexOf("trm-sudoku-9x9")).get("family").asText());
        assertEquals("bf16", models.get(DefaultModels.ALL.indexOf("maze-7x7")).get("stored_as").asText());
    }
}
