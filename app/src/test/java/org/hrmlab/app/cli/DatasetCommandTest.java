package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrmlab.app.TestData;
import org.hrmlab.puzzles.dataset.ReferenceDataset;
import org.hrmlab.puzzles.maze.MazeLoader;
import org.hrmlab.puzzles.sudoku.SudokuLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DatasetCommandTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = HrmLabCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void generatesSudokusAndBuildsAnAugmentedDatasetFromThem() throws Exception {
        Path csv = dir.resolve("s.csv");
        Run g = run("dataset", "generate", "--kind", "sudoku", "--count", "6", "--size", "9", "--difficulty", "hard",
                "--seed", "3", "--out", csv.toString());
        assertEquals(0, g.status(), g.err());
        JsonNode j = new ObjectMapper().readTree(g.out());
        assertEquals(6, j.get("count").asInt());
        assertEquals(6, SudokuLoader.readCsv(csv).size());
        Run b = run("dataset", "build", "--kind", "sudoku", "--from", csv.toString(), "--out",
                dir.resolve("ds").toString(), "--aug", "3", "--test-fraction", "0.34");
        assertEquals(0, b.status(), b.err());
        JsonNode s = new ObjectMapper().readTree(b.out());
        assertEquals(16, s.at("/splits/train/examples").asInt());
        assertEquals(2, s.at("/splits/test/examples").asInt());
        assertEquals(81, ReferenceDataset.open(dir.resolve("ds")).split("train").orElseThrow().metadata().seqLen());
    }

    @Test
    void generatesMinimalSudokusAndRejectsABadFlagInOneLine() throws Exception {
        Path csv = dir.resolve("m.csv");
        Run g = run("dataset", "generate", "--kind", "sudoku", "--count", "5", "--size", "9", "--difficulty",
                "givens=..25,minimal", "--seed", "4", "--out", csv.toString());
        assertEquals(0, g.status(), g.err());
        JsonNode j = new ObjectMapper().readTree(g.out());
        assertTrue(j.at("/difficulty/minimal").asBoolean(), g.out());
        assertTrue(j.at("/givens/max").asInt() <= 25, g.out());
        org.hrmlab.puzzles.sudoku.SudokuSolver solver =
                new org.hrmlab.puzzles.sudoku.SudokuSolver(org.hrmlab.puzzles.SudokuShape.NINE);
        List<org.hrmlab.puzzles.SudokuPuzzle> puzzles = SudokuLoader.readCsv(csv);
        assertEquals(5, puzzles.size());
        for (var p : puzzles) {
            assertTrue(solver.isMinimal(p.givens()), p.questionLine());
        }
        Run bad = run("dataset", "generate", "--kind", "sudoku", "--count", "1", "--size", "9", "--difficulty",
                "givens=..25,minmal", "--out", dir.resolve("y.csv").toString());
        assertEquals(2, bad.status());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("minmal"), bad.err());
    }

    @Test
    void disjointDropsTestMazesThatAreRotationsOfTrainingMazes() throws Exception {
        Path train = dir.resolve("train.csv");
        assertEquals(0, run("dataset", "generate", "--kind", "maze", "--count", "4", "--size", "7", "--seed", "1",
                "--out", train.toString()).status());
        List<String> lines = Files.readAllLines(train);
        String[] first = lines.get(1).split(",", -1);
        List<String> test = new java.util.ArrayList<>(List.of(lines.get(0), lines.get(1)));
        test.add(first[0] + "," + rotate(first[1]) + "," + rotate(first[2]) + "," + first[3]);
        Path other = dir.resolve("other.csv");
        assertEquals(0, run("dataset", "generate", "--kind", "maze", "--count", "2", "--size", "7", "--seed", "77",
                "--out", other.toString()).status());
        test.addAll(Files.readAllLines(other).subList(1, 3));
        Path testCsv = dir.resolve("test.csv");
        Files.write(testCsv, test);
        Run b = run("dataset", "build", "--kind", "maze", "--from", train.toString(), "--test-from",
                testCsv.toString(), "--disjoint", "--out", dir.resolve("mds").toString());
        assertEquals(0, b.status(), b.err());
        assertTrue(b.err().contains("dropped 2 of 4"), b.err());
        assertEquals(2, new ObjectMapper().readTree(b.out()).at("/splits/test/examples").asInt());
    }

    @Test
    void buildsMazesOfSeveralSizesOnOneCanvas() throws Exception {
        Path small = dir.resolve("small.csv");
        Path big = dir.resolve("big.csv");
        assertEquals(0, run("dataset", "generate", "--kind", "maze", "--count", "4", "--size", "5", "--seed", "1",
                "--out", small.toString()).status());
        assertEquals(0, run("dataset", "generate", "--kind", "maze", "--count", "3", "--size", "11", "--seed", "2",
                "--out", big.toString()).status());
        List<String> mixed = new java.util.ArrayList<>(Files.readAllLines(small));
        mixed.addAll(Files.readAllLines(big).subList(1, 3));
        Path train = dir.resolve("train.csv");
        Files.write(train, mixed);
        Path test = dir.resolve("test.csv");
        Files.write(test, List.of(Files.readAllLines(big).get(0), Files.readAllLines(big).get(3)));
        Run b = run("dataset", "build", "--kind", "maze", "--from", train.toString(), "--test-from", test.toString(),
                "--canvas", "11", "--aug", "1", "--out", dir.resolve("canvas").toString());
        assertEquals(0, b.status(), b.err());
        JsonNode j = new ObjectMapper().readTree(b.out());
        assertEquals(121, j.get("seqLen").asInt(), b.out());
        assertEquals(48, j.at("/splits/train/examples").asInt(), b.out());
        Run without = run("dataset", "build", "--kind", "maze", "--from", train.toString(), "--test-from",
                test.toString(), "--out", dir.resolve("plain").toString());
        assertEquals(2, without.status());
        assertEquals(1, without.err().strip().lines().count(), without.err());
        assertTrue(without.err().contains("5x5"), without.err());
        Run sudoku = run("dataset", "build", "--kind", "sudoku", "--from", train.toString(), "--canvas", "9",
                "--out", dir.resolve("s").toString());
        assertEquals(2, sudoku.status());
        assertTrue(sudoku.err().startsWith("--canvas"), sudoku.err());
    }

    /** A 7x7 maze line turned a quarter. */
    private static String rotate(String line) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                sb.append(line.charAt((6 - c) * 7 + r));
            }
        }
        return sb.toString();
    }

    @Test
    void generatesHardMazesAndBuildsAnArcDataset() throws Exception {
        Path csv = dir.resolve("m.csv");
        Run g = run("dataset", "generate", "--kind", "maze", "--count", "3", "--size", "30", "--seed", "1", "--out",
                csv.toString());
        assertEquals(0, g.status(), g.err());
        assertTrue(MazeLoader.readCsv(csv).stream().allMatch(m -> m.rating() > 110));
        Path src = Files.createDirectories(dir.resolve("arc/training"));
        Files.copy(TestData.DATA.resolve("arc-agi-1/training/007bbfb7.json"), src.resolve("007bbfb7.json"));
        Files.writeString(src.resolve("broken.json"), "{\"train\": [");
        Run b = run("dataset", "build", "--kind", "arc", "--from", dir.resolve("arc").toString(), "--out",
                dir.resolve("ads").toString(), "--aug", "3");
        assertEquals(0, b.status(), b.err());
        assertTrue(b.err().contains("broken.json"), b.err());
        JsonNode s = new ObjectMapper().readTree(b.out());
        assertEquals(5, s.get("numPuzzleIdentifiers").asInt());
        assertEquals(List.of("<blank>", "007bbfb7"), ReferenceDataset.open(dir.resolve("ads")).identifiers()
                .subList(0, 2));
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "source,question,answer,rating\nx," + ".".repeat(80) + "," + "1".repeat(80) + ",0\n");
        Run b = run("dataset", "build", "--kind", "sudoku", "--from", csv.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(2, b.status());
        assertEquals(1, b.err().strip().lines().count(), b.err());
        assertTrue(b.err().contains("bad.csv: line 2 (row 0): a Sudoku line needs 81 characters"), b.err());
        Run g = run("dataset", "generate", "--kind", "sudoku", "--count", "1", "--size", "7", "--out",
                dir.resolve("x.csv").toString());
        assertEquals(2, g.status());
        assertTrue(g.err().startsWith("--size"), g.err());
        Run k = run("dataset", "generate", "--kind", "chess", "--count", "1", "--size", "8", "--out",
                dir.resolve("x.csv").toString());
        assertEquals(2, k.status());
        assertEquals(1, k.err().strip().lines().count(), k.err());
    }
}
