package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hrmlab.app.TestData;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    private static final Path GOLDEN = TestData.SUDOKU_SMALL.resolve("golden");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = HrmLabCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** A copy of the golden trace with labels: the final step's decoded answer, so it ends exactly right. */
    private static Path labelledCopy(Path tmp) throws IOException {
        Path dir = tmp.resolve("labelled");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
        }
        NpyArray logits = Npy.read(GOLDEN.resolve("logits.npy"));
        int steps = (int) logits.shape()[0];
        int seq = (int) logits.shape()[1];
        int vocab = (int) logits.shape()[2];
        float[] all = logits.toFloats();
        int[] labels = new int[seq];
        for (int p = 0; p < seq; p++) {
            int base = ((steps - 1) * seq + p) * vocab;
            int best = 0;
            for (int v = 1; v < vocab; v++) {
                if (all[base + v] > all[base + best]) {
                    best = v;
                }
            }
            labels[p] = best;
        }
        Npy.write(dir.resolve("labels.npy"), NpyArray.ofInts(labels, 1, seq));
        return dir;
    }

    @Test
    void writesFiguresDataAndManifestAndRegeneratesTheSameNumbers(@TempDir Path tmp) throws IOException {
        Path labelled = labelledCopy(tmp);
        Path out1 = tmp.resolve("a");
        Run r = run("analyze", "--traces", GOLDEN + "," + labelled, "--control-traces", GOLDEN.toString(),
                "--out", out1.toString(), "--formats", "svg,png", "--dpi", "72", "--counts", "1");
        assertEquals(0, r.status(), r.err());
        JsonNode json = JSON.readTree(r.out());
        assertEquals(2, json.get("trajectories").asInt());
        JsonNode zl = json.at("/pr/zL");
        assertEquals(2 * 3 * 81, zl.get("samples").asInt(), "2 trajectories x 3 segment ends x 81 positions");
        assertEquals(zl.get("samples").asInt(), json.at("/pr/zH/samples").asInt());
        assertTrue(json.at("/pr/ratio_zH_over_zL").asDouble() > 0);
        assertFalse(json.get("control_pr").isNull());
        assertEquals(1, json.at("/accuracy/trajectories_with_labels").asInt());
        for (String f : List.of("residuals.svg", "residuals.png", "pca_zL.svg", "pca_zH.png", "pr_bars.svg",
                "pr_vs_trajectories.svg", "q_values.svg", "step_accuracy.svg", "residuals.csv",
                "participation_ratio.csv", "pr_vs_trajectories.csv", "pca_trajectories.csv", "q_values.csv",
                "step_accuracy.csv", "sudoku_readings.csv", "pca_components_zH.npy", "manifest.json")) {
            assertTrue(Files.exists(out1.resolve(f)), f);
        }
        JsonNode manifest = JSON.readTree(out1.resolve("manifest.json").toFile());
        assertEquals("PER_TOKEN", manifest.at("/settings/sampleUnit").asText());
        assertEquals("analyze", manifest.at("/command_line/1").asText());
        assertEquals("--traces", manifest.at("/command_line/2").asText(), "the sub-command's name once");
        assertTrue(manifest.has("date") && manifest.has("program") && manifest.has("seed"));

        Path out2 = tmp.resolve("b");
        Run again = run("analyze", "--manifest", out1.resolve("manifest.json").toString(), "--out", out2.toString());
        assertEquals(0, again.status(), again.err());
        for (String csv : List.of("residuals.csv", "participation_ratio.csv", "pr_vs_trajectories.csv",
                "pca_trajectories.csv", "pca_explained_variance.csv", "q_values.csv", "step_accuracy.csv",
                "sudoku_readings.csv")) {
            assertEquals(Files.readString(out1.resolve(csv)), Files.readString(out2.resolve(csv)), csv);
        }
        assertTrue(Files.exists(out2.resolve("residuals.png")), "formats come from the manifest");
        assertFalse(Files.exists(out2.resolve("residuals.pdf")));
    }

    @Test
    void badInputIsOneLineAndStatusTwo(@TempDir Path tmp) throws IOException {
        Run missing = run("analyze", "--traces", tmp.resolve("nope").toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, missing.status());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("nope"), missing.err());

        Path broken = tmp.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("zL.npy"), "not numpy");
        Run bad = run("analyze", "--traces", broken.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, bad.status());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("broken"), bad.err());

        Run unit = run("analyze", "--traces", GOLDEN.toString(), "--unit", "per-cell", "--out",
                tmp.resolve("o").toString());
        assertEquals(2, unit.status());
        assertTrue(unit.err().contains("--unit") && unit.err().contains("per-token"), unit.err());

        Run noFile = run("analyze", "--checkpoint", "c", "--dataset", "d", "--out", tmp.resolve("o").toString());
        assertEquals(2, noFile.status());
        assertEquals(1, noFile.err().strip().lines().count(), noFile.err());
        assertTrue(noFile.err().contains("c: "), noFile.err());
    }
}
