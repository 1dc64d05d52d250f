package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.hrmlab.app.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    static final String CKPT = TestData.SUDOKU_SMALL_CHECKPOINT.toString();
    static final String CSV = TestData.MAGICTOUR_CSV.toString();

    @TempDir
    Path dir;

    private Path sudokuDataset() {
        Path data = dir.resolve("sudoku");
        CliRun build = CliRun.of("dataset", "build", "--kind", "sudoku", "--from", CSV, "--out", data.toString(),
                "--subsample", "20", "--test-fraction", "0.01");
        assertEquals(0, build.exitCode(), build.err());
        return data;
    }

    @Test
    void evaluatesAReferenceLayoutDatasetAndAPuzzleFileAlike() throws Exception {
        Path data = sudokuDataset();
        CliRun run = CliRun.of("eval", "--checkpoint", CKPT, "--dataset", data.toString(), "--limit", "6",
                "--max-segments", "2", "--batch", "4");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode folder = Json.MAPPER.readTree(run.out());
        assertEquals(6, folder.get("count").asInt());
        assertEquals(2.0, folder.get("mean_segments").asDouble());
        JsonNode curve = folder.get("exact_by_segment");
        assertEquals(2, curve.size(), "one entry per segment");
        assertEquals(folder.get("exact_accuracy").asDouble(), curve.get(1).asDouble());
        double acc = folder.get("token_accuracy").asDouble();
        assertTrue(acc >= 0 && acc < 0.5, "an untrained model is near chance: " + acc);

        CliRun file = CliRun.of("eval", "--checkpoint", CKPT, "--dataset", CSV, "--limit", "3", "--max-segments", "1");
        assertEquals(0, file.exitCode(), file.err());
        assertEquals(3, Json.MAPPER.readTree(file.out()).get("count").asInt());
    }

    @Test
    void arcVotingRefusesWhatIsNotAnArcDatasetInOneLine() throws Exception {
        Path data = sudokuDataset();
        CliRun run = CliRun.of("eval", "--checkpoint", CKPT, "--dataset", data.toString(), "--limit", "2",
                "--max-segments", "1", "--arc-vote");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("ARC"), run.err());
        CliRun file = CliRun.of("eval", "--checkpoint", CKPT, "--dataset", CSV, "--limit", "1", "--arc-vote");
        assertEquals(2, file.exitCode());
        assertEquals(1, file.err().strip().lines().count(), file.err());
    }

    @Test
    void aMissingDatasetIsOneLine() {
        CliRun run = CliRun.of("eval", "--checkpoint", CKPT, "--dataset", dir.resolve("nope.csv").toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aDatasetOfAnotherLengthIsRefusedNamingItAndBothLengths() throws Exception {
        Path csv = dir.resolve("four.csv");
        assertEquals(0, CliRun.of("dataset", "generate", "--kind", "sudoku", "--size", "4", "--count", "12", "--seed",
                "3", "--out", csv.toString()).exitCode());
        Path data = dir.resolve("four");
        CliRun build = CliRun.of("dataset", "build", "--kind", "sudoku", "--from", csv.toString(), "--out",
                data.toString(), "--test-fraction", "0.5");
        assertEquals(0, build.exitCode(), build.err());
        CliRun run = CliRun.of("eval", "--checkpoint", CKPT, "--dataset", data.toString(), "--max-segments", "1");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(data.toString()) && run.err().contains("16 tokens")
                && run.err().contains("takes 81"), run.err());
        assertEquals("", run.out());

        CliRun file = CliRun.of("eval", "--checkpoint", CKPT, "--dataset", csv.toString(), "--max-segments", "1");
        assertEquals(2, file.exitCode(), file.out() + file.err());
        assertEquals(1, file.err().strip().lines().count(), file.err());
        assertTrue(file.err().contains(csv.toString()) && file.err().contains("9x9 Sudokus"), file.err());
    }

    @Test
    void aFileOfMixedLengthsIsRefusedWhenTheModelDoesNotFixOne() throws Exception {
        Path model = org.hrmlab.app.TestModels.write(dir.resolve("six.safetensors"),
                org.hrmlab.app.TestModels.tiny(6), java.util.Map.of());
        Path csv = org.hrmlab.app.TestModels.mixedMazeCsv(dir.resolve("mixed.csv"));
        CliRun run = CliRun.of("eval", "--checkpoint", model.toString(), "--dataset", csv.toString(),
                "--max-segments", "1");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(csv.toString()) && run.err().contains("81 tokens")
                && run.err().contains("25"), run.err());
    }
}
