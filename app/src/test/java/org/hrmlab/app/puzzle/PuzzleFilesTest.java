package org.hrmlab.app.puzzle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrmlab.app.TestData;
import org.hrmlab.app.cli.HrmLabCommand;
import org.hrmlab.puzzles.PuzzleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user opens on the Puzzles screen: files, folders of ARC tasks, reference-layout datasets. */
class PuzzleFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsACsvUpToTheLimit() throws IOException {
        List<LabPuzzle> p = PuzzleFiles.read(TestData.MAGICTOUR_CSV);
        assertEquals(PuzzleFiles.LIMIT, p.size());
        assertEquals(PuzzleKind.SUDOKU, p.get(0).kind());
        assertTrue(p.get(0).hasAnswer());
    }

    @Test
    void readsAFolderOfArcTasks() throws IOException {
        List<LabPuzzle> p = PuzzleFiles.read(TestData.DATA.resolve("arc-agi-1/evaluation"));
        assertTrue(p.size() >= 40, "one per test input of 40 tasks: " + p.size());
        assertTrue(p.stream().allMatch(x -> x.kind() == PuzzleKind.ARC));
    }

    @Test
    void readsTheTestSplitOfAReferenceLayoutDataset() throws IOException {
        Path csv = dir.resolve("s.csv");
        assertEquals(0, HrmLabCommand.commandLine().setOut(new java.io.PrintWriter(java.io.Writer.nullWriter()))
                .execute("dataset", "generate", "--kind", "sudoku", "--size", "4", "--count", "30", "--seed", "3",
                        "--out", csv.toString()));
        Path data = dir.resolve("data");
        assertEquals(0, HrmLabCommand.commandLine().setOut(new java.io.PrintWriter(java.io.Writer.nullWriter()))
                .execute("dataset", "build", "--kind", "sudoku", "--from", csv.toString(), "--out", data.toString(),
                        "--test-fraction", "0.2"));
        List<LabPuzzle> p = PuzzleFiles.read(data);
        assertTrue(p.size() >= 5, "the test split: " + p.size());
        LabPuzzle first = p.get(0);
        assertEquals(PuzzleKind.SUDOKU, first.kind());
        assertEquals(16, first.input().size());
        assertTrue(first.hasAnswer());
        assertTrue(first.name().startsWith("data/test#0"), first.name());
    }

    @Test
    void aFileThatIsNoPuzzleIsOneLineNamingIt() throws IOException {
        Path bad = Files.writeString(dir.resolve("notes.csv"), "hello,world\n1,2\n");
        IOException e = assertThrows(IOException.class, () -> PuzzleFiles.read(bad));
        assertTrue(e.getMessage().contains("notes.csv"), e.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IOException e2 = assertThrows(IOException.class, () -> PuzzleFiles.read(empty));
        assertTrue(e2.getMessage().contains("empty"), e2.getMessage());
    }
}
