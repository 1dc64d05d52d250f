package org.hrmlab.puzzles.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hrmlab.puzzles.ArcTask;
import org.hrmlab.puzzles.LoadResult;
import org.hrmlab.puzzles.PuzzleFormatException;
import org.hrmlab.puzzles.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArcLoaderTest {
    private static final String GOOD = "{\"train\":[{\"input\":[[1,2],[3,4]],\"output\":[[4]]}],"
            + "\"test\":[{\"input\":[[0,0,9]],\"output\":[[9]]}]}";

    @TempDir
    Path dir;

    @Test
    void loadsEveryRealTask() throws Exception {
        assertCount(TestData.DATA, "arc-agi-1/training", 46);
        assertCount(TestData.DATA, "arc-agi-1/evaluation", 40);
        assertCount(TestData.DATA, "arc-agi-2/training", 50);
        assertCount(TestData.DATA, "arc-agi-2/evaluation", 21);
    }

    @Test
    void loadsEveryTaskOfTheFullSetsWhenPresent() throws Exception {
        Path full = TestData.fullData().orElse(null);
        assumeTrue(full != null, "the full ARC sets are not beside the repository (-Dhrmlab.shared)");
        assertCount(full, "arc-agi-1/training", 400);
        assertCount(full, "arc-agi-1/evaluation", 400);
        assertCount(full, "arc-agi-2/training", 1000);
        assertCount(full, "arc-agi-2/evaluation", 120);
    }

    private static void assertCount(Path data, String sub, int n) throws Exception {
        LoadResult<ArcTask> r = ArcLoader.readDirectory(data.resolve(sub));
        assertTrue(r.clean(), () -> r.failures().toString());
        assertEquals(n, r.loaded().size(), sub);
        for (ArcTask t : r.loaded()) {
            assertTrue(t.test().stream().allMatch(p -> p.output() != null), t.id());
        }
    }

    @Test
    void readsATaskWithItsGrids() throws Exception {
        Path f = write("abc.json", GOOD);
        ArcTask t = ArcLoader.read(f);
        assertEquals("abc", t.id());
        assertEquals(2, t.train().get(0).input().cols());
        assertEquals(9, t.puzzle(0).answer().orElseThrow().at(0));
    }

    @Test
    void rejectsARaggedGridNamingTheJsonPath() throws Exception {
        Path f = write("rag.json", GOOD.replace("[[1,2],[3,4]]", "[[1,2],[3]]"));
        PuzzleFormatException e = assertThrows(PuzzleFormatException.class, () -> ArcLoader.read(f));
        assertTrue(e.getMessage().endsWith("rag.json: $.train[0].input[1]: ragged grid: 1 cells, row 0 has 2"),
                e.getMessage());
    }

    @Test
    void rejectsColourTwelve() throws Exception {
        Path f = write("c.json", GOOD.replace("[[0,0,9]]", "[[0,12,9]]"));
        PuzzleFormatException e = assertThrows(PuzzleFormatException.class, () -> ArcLoader.read(f));
        assertTrue(e.getMessage().endsWith("c.json: $.test[0].input[0][1]: colour 12 outside 0..9"), e.getMessage());
    }

    @Test
    void rejectsMissingPartsOversizeAndBrokenJson() throws Exception {
        assertTrue(assertThrows(PuzzleFormatException.class, () -> ArcLoader.read(write("a.json",
                "{\"test\":[{\"input\":[[1]]}]}"))).getMessage().contains("$.train: missing or not a list"));
        assertTrue(assertThrows(PuzzleFormatException.class, () -> ArcLoader.read(write("b.json",
                GOOD.replace(",\"output\":[[4]]", "")))).getMessage().contains("$.train[0].output: missing"));
        String wide = "[" + "0,".repeat(30) + "0]";
        assertTrue(assertThrows(PuzzleFormatException.class, () -> ArcLoader.read(write("w.json",
                GOOD.replace("[[0,0,9]]", "[" + wide + "]")))).getMessage().contains("more than 30 columns"));
        assertTrue(assertThrows(PuzzleFormatException.class, () -> ArcLoader.read(write("j.json", "{\"train\":")))
                .getMessage().contains("j.json: line 1: not valid JSON"));
    }

    @Test
    void aFolderWithOneBadFileLoadsTheRestAndListsIt() throws Exception {
        write("t1.json", GOOD);
        write("t2.json", GOOD);
        write("bad.json", GOOD.replace("[[4]]", "[[4,\"x\"]]"));
        LoadResult<ArcTask> r = ArcLoader.readDirectory(dir);
        assertEquals(2, r.loaded().size());
        assertEquals(1, r.failures().size());
        assertTrue(r.failures().get(0).getMessage().contains("bad.json: $.train[0].output[0][1]"));
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
