package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.puzzles.PuzzleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --checkpoint shipped:NAME}: the models shipped with the lab, from the command line. */
class ShippedCheckpointArgumentTest {
    @TempDir
    Path dir;

    @Test
    void solvesABundledPuzzleWithTheShippedModelNamedOnTheCommandLine() throws Exception {
        CliRun run = CliRun.of("solve", "--checkpoint", "shipped:maze-7x7", "--puzzle", "bundled:maze/7x7-hard#0");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = Json.MAPPER.readTree(run.out());
        assertTrue(out.get("correct").asBoolean(), "the card: all 10 bundled 7x7 mazes are solved");
        assertEquals(7, out.get("predicted_grid").size());
    }

    @Test
    void aManifestNamesTheShippedModelNotItsTemporaryCopy() throws Exception {
        Path out = dir.resolve("trace");
        CliRun run = CliRun.of("trace", "--checkpoint", "shipped:sudoku", "--puzzle", "bundled:sudoku/4x4-easy#0",
                "--segments", "1", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        assertEquals("shipped:sudoku", manifest.get("checkpoint").asText());
    }

    @Test
    void aComparisonLabelsShippedModelsByTheirShippedNames() throws Exception {
        Path csv = dir.resolve("s.csv");
        assertEquals(0, CliRun.of("dataset", "generate", "--kind", "sudoku", "--size", "4", "--count", "4",
                "--difficulty", "medium", "--seed", "5", "--out", csv.toString()).exitCode());
        for (String m : new String[] {"sudoku", "trm-sudoku"}) {
            CliRun a = CliRun.of("analyze", "--checkpoint", "shipped:" + m, "--dataset", csv.toString(), "--count",
                    "4", "--out", dir.resolve(m).toString(), "--formats", "svg");
            assertEquals(0, a.exitCode(), a.err());
        }
        CliRun c = CliRun.of("compare", "--analysis", dir.resolve("sudoku") + "," + dir.resolve("trm-sudoku"),
                "--out", dir.resolve("cmp").toString());
        assertEquals(0, c.exitCode(), c.err());
        JsonNode models = Json.MAPPER.readTree(c.out()).get("models");
        assertEquals("HRM shipped:sudoku", models.get(0).get("model").asText());
        assertEquals("TRM shipped:trm-sudoku", models.get(1).get("model").asText());
    }

    @Test
    void aSizeTheShippedModelDoesNotTakeIsRefusedUnderItsShippedName() {
        CliRun run = CliRun.of("solve", "--checkpoint", "shipped:maze-7x7", "--puzzle", "bundled:maze/5x5-hard#0");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("shipped:maze-7x7") || run.err().contains("bundled:maze/5x5-hard#0"), run.err());
        assertFalse(run.err().contains("hrmlab-maze-7x7"), "names the temporary copy: " + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void anUnknownNameIsOneLineListingTheShippedModels() {
        for (String name : new String[] {"shipped:maze-99x99", "shipped:../models/maze", "shipped:"}) {
            CliRun run = CliRun.of("solve", "--checkpoint", name, "--puzzle", "bundled:maze/5x5-hard#0");
            assertEquals(2, run.exitCode(), name + ": " + run.out());
            String err = run.err().strip();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.contains("no shipped model") && err.contains("maze-7x7") && err.contains("trm-sudoku-9x9"),
                    err);
        }
    }

    @Test
    void everyShippedNameOpensAndTheLabsModelsAreAmongThem() throws Exception {
        for (String name : DefaultModels.ALL) {
            Path copy = DefaultModels.checkpointPath("shipped:" + name);
            assertTrue(Files.size(copy) > 0, name);
            assertEquals(copy, DefaultModels.checkpointPath("shipped:" + name), "one copy per process");
            assertEquals("shipped:" + name, DefaultModels.describe(copy));
        }
        Path file = dir.resolve("model.safetensors");
        assertEquals(file.toString(), DefaultModels.describe(file));
        for (PuzzleKind kind : PuzzleKind.values()) {
            for (var model : DefaultModels.shipped().allOfKind(kind)) {
                String named = DefaultModels.describe(model.source());
                assertTrue(named.startsWith("shipped:")
                        && DefaultModels.ALL.contains(named.substring("shipped:".length())), named);
            }
        }
        assertNotNull(DefaultModels.checkpointPath("runs/x/step_1.safetensors"));
    }
}
