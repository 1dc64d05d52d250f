package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hrmlab compare} puts an HRM analysis beside a TRM analysis: the numbers each analysis wrote, under each
 * family's names for its states, drawn again from the manifest, and bad folders refused in one line.
 */
class CompareCommandTest {
    @TempDir
    static Path dir;
    static Path hrm;
    static Path trm;
    static Path streamed;

    @BeforeAll
    static void analyseBothFamilies() {
        Path s4 = dir.resolve("s4.csv");
        Path s9 = dir.resolve("s9.csv");
        assertEquals(0, CliRun.of("dataset", "generate", "--kind", "sudoku", "--size", "4", "--count", "6",
                "--seed", "3", "--out", s4.toString()).exitCode());
        assertEquals(0, CliRun.of("dataset", "generate", "--kind", "sudoku", "--size", "9", "--count", "6",
                "--difficulty", "easy", "--seed", "3", "--out", s9.toString()).exitCode());
        hrm = dir.resolve("hrm");
        trm = dir.resolve("trm");
        streamed = dir.resolve("hrm-streamed");
        CliRun a = CliRun.of("analyze", "--device", "cpu", "--checkpoint", AnalyzeStreamTest.MODEL, "--dataset",
                s4.toString(), "--count", "6", "--counts", "3", "--formats", "svg", "--out", hrm.toString());
        assertEquals(0, a.exitCode(), a.err());
        CliRun b = CliRun.of("analyze", "--device", "cpu", "--checkpoint", TrmCommandsTest.ATTENTION.toString(),
                "--dataset", s9.toString(), "--count", "6", "--counts", "3", "--formats", "svg", "--out",
                trm.toString());
        assertEquals(0, b.exitCode(), b.err());
        CliRun c = CliRun.of("analyze", "--stream", "--device", "cpu", "--batch", "3", "--checkpoint",
                AnalyzeStreamTest.MODEL, "--dataset", s4.toString(), "--count", "6", "--counts", "3", "--formats",
                "svg", "--out", streamed.toString());
        assertEquals(0, c.exitCode(), c.err());
    }

    @Test
    void showsEachAnalysisNumbersUnderItsFamilysStateNames() throws Exception {
        Path out = dir.resolve("compare");
        CliRun run = CliRun.of("compare", "--analysis", hrm + "," + trm + "," + streamed, "--label",
                "HRM,TRM,HRM streamed", "--formats", "svg,png", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode models = Json.MAPPER.readTree(run.out()).get("models");
        JsonNode hrmPr = Json.MAPPER.readTree(hrm.resolve("manifest.json").toFile()).get("results").get("pr");
        JsonNode trmPr = Json.MAPPER.readTree(trm.resolve("manifest.json").toFile()).get("results").get("pr");
        assertEquals(hrmPr.get("zH").get("naive").asDouble(), models.get(0).get("pr_zH").asDouble(), 0.0);
        assertEquals(hrmPr.get("zL").get("naive").asDouble(), models.get(0).get("pr_zL").asDouble(), 0.0);
        assertEquals("trm", models.get(1).get("family").asText());
        assertEquals(trmPr.get("zH").get("naive").asDouble(), models.get(1).get("pr_y").asDouble(), 0.0,
                "TRM's answer y is the state held as zH");
        assertEquals(trmPr.get("zL").get("naive").asDouble(), models.get(1).get("pr_z").asDouble(), 0.0);
        assertEquals(models.get(0).get("pr_zH").asDouble(), models.get(2).get("pr_zH").asDouble(),
                1e-6 * models.get(0).get("pr_zH").asDouble(), "streamed and traced analyses agree");
        for (String f : new String[] {"compare_pr.svg", "compare_pr.png", "compare_residuals.svg",
                "compare_pr.csv", "compare_residuals.csv", "manifest.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        List<String> residuals = Files.readAllLines(out.resolve("compare_residuals.csv"));
        assertTrue(residuals.stream().anyMatch(l -> l.startsWith("TRM,trm,high,y,1,")), residuals.toString());
        assertTrue(residuals.stream().noneMatch(l -> l.startsWith("HRM streamed,")),
                "a streamed analysis has no residuals to show");
        int segments = Json.MAPPER.readTree(hrm.resolve("manifest.json").toFile()).get("traces").get(0)
                .get("config").get("haltMaxSteps").asInt();
        assertEquals(2 * segments, residuals.stream().filter(l -> l.startsWith("HRM,")).count(),
                "one mean per segment and state");

        Path again = dir.resolve("again");
        CliRun replay = CliRun.of("compare", "--manifest", out.resolve("manifest.json").toString(), "--out",
                again.toString());
        assertEquals(0, replay.exitCode(), replay.err());
        assertEquals(-1, Files.mismatch(out.resolve("compare_pr.csv"), again.resolve("compare_pr.csv")));
        assertEquals(-1, Files.mismatch(out.resolve("compare_residuals.csv"),
                again.resolve("compare_residuals.csv")));
        assertTrue(Files.isRegularFile(again.resolve("compare_pr.png")), "the manifest keeps the formats");
    }

    @Test
    void aChangedAnalysisIsNotDrawnFromAnOldManifest() throws Exception {
        Path copy = dir.resolve("trm-copy");
        Files.createDirectories(copy);
        try (var files = Files.list(trm)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path out = dir.resolve("compare-changed");
        assertEquals(0, CliRun.of("compare", "--analysis", hrm + "," + copy, "--formats", "svg", "--out",
                out.toString()).exitCode());
        Path manifest = copy.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"date\"", "\"edited\""));
        CliRun replay = CliRun.of("compare", "--manifest", out.resolve("manifest.json").toString(), "--out",
                dir.resolve("compare-changed-again").toString());
        assertEquals(2, replay.exitCode(), replay.err());
        assertEquals(1, replay.err().strip().lines().count(), replay.err());
        assertTrue(replay.err().contains(manifest.toString()) && replay.err().contains("changed"), replay.err());
    }

    @Test
    void badInputsAreOneLine() throws Exception {
        Path notAnalysis = Files.createDirectories(dir.resolve("empty"));
        String[][] cases = {
            {"compare", "--analysis", hrm.toString(), "--out", dir.resolve("o1").toString()},
            {"compare", "--analysis", hrm + "," + notAnalysis, "--out", dir.resolve("o2").toString()},
            {"compare", "--analysis", hrm + "," + dir.resolve("missing"), "--out", dir.resolve("o3").toString()},
            {"compare", "--analysis", hrm + "," + trm, "--label", "same,same", "--out", dir.resolve("o4").toString()},
            {"compare", "--analysis", hrm + "," + trm, "--label", "one", "--out", dir.resolve("o5").toString()},
        };
        for (String[] args : cases) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(Files.notExists(dir.resolve(args[args.length - 1])), "nothing written");
        }
    }

    @Test
    void anAnalysisWhoseTracesAreGoneIsOneLine() throws Exception {
        Path gone = dir.resolve("traces-gone");
        Path traces = Files.createDirectories(dir.resolve("moved"));
        try (var list = Files.list(hrm.resolve("traces"))) {
            for (Path t : list.toList()) {
                copyTree(t, traces.resolve(t.getFileName()));
            }
        }
        CliRun copied = CliRun.of("analyze", "--traces", traces.toString(), "--out", gone.toString(), "--formats",
                "svg");
        assertEquals(0, copied.exitCode(), copied.err());
        deleteTree(traces);
        CliRun run = CliRun.of("compare", "--analysis", hrm + "," + gone, "--out",
                dir.resolve("o6").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(traces.toString()), run.err());
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
