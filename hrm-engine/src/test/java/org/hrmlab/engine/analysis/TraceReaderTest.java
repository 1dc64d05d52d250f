package org.hrmlab.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrmlab.engine.HaltRule;
import org.hrmlab.engine.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {
    static final Path GOLDEN = TestData.HRM_GOLDEN.resolve("sudoku-small/golden");

    @Test
    void readsTheGoldenLayout() throws IOException {
        TraceReader t = TraceReader.open(GOLDEN);
        assertEquals(18, t.stepCount());
        assertEquals(81, t.positions());
        assertEquals(0, t.prefixLength());
        assertEquals(64, t.hidden());
        assertEquals(11, t.vocab());
        assertEquals(3, t.qSegments());
        assertArrayEquals(new int[] {5, 11, 17}, t.segmentEnds());
        assertArrayEquals(new int[] {2, 5, 8, 11, 14, 17}, t.select(UpdateSelection.H_UPDATES));
        assertEquals(81 * 64, t.state(Latent.Z_H, 3).length);
        assertTrue(t.inputs().isPresent());
        assertEquals(81, t.keptPositions(false, false, 0).length);
    }

    @Test
    void readsTheHrmLabLayoutWithPrefix(@TempDir Path tmp) throws IOException {
        Path dir = SyntheticTraces.write(tmp.resolve("t"), 2, 2, 2, 1, 9, 8, 5, SyntheticTraces.random(1), null);
        TraceReader t = TraceReader.open(dir);
        assertEquals(12, t.stepCount());
        assertEquals(1, t.prefixLength());
        assertEquals(9, t.seqLen());
        assertArrayEquals(new int[] {5, 11}, t.segmentEnds());
        assertEquals(9, t.keptPositions(false, false, 0).length);
        assertEquals(10, t.keptPositions(true, false, 0).length);
        assertEquals(1, t.keptPositions(true, false, 0)[1]);
    }

    @Test
    void badTracesNameTheFile(@TempDir Path tmp) throws IOException {
        TraceFormatException missing = assertThrows(TraceFormatException.class, () -> TraceReader.open(tmp));
        assertTrue(missing.getMessage().contains(tmp.toString()), missing.getMessage());
        Path dir = SyntheticTraces.write(tmp.resolve("t"), 1, 1, 1, 0, 4, 4, 3, SyntheticTraces.random(2), null);
        Files.writeString(dir.resolve("steps.json"), "[{\"kind\": \"X\", \"segment\": 0}, {}]");
        TraceFormatException bad = assertThrows(TraceFormatException.class, () -> TraceReader.open(dir));
        assertTrue(bad.getMessage().contains("steps.json") && bad.getMessage().contains("steps[0].kind"),
                bad.getMessage());
        Files.writeString(dir.resolve("steps.json"), "[{\"kind\": \"L\", \"segment\": 0}]");
        TraceFormatException count = assertThrows(TraceFormatException.class, () -> TraceReader.open(dir));
        assertTrue(count.getMessage().contains("1 entries but zL.npy has 2 steps"), count.getMessage());
    }

    @Test
    void readsTheTrmGoldenLayoutWithItsPrefixAndHaltingRule(@TempDir Path tmp) throws IOException {
        Path golden = TestData.TRM_GOLDEN.resolve("trm-sudoku-small/golden");
        TraceReader t = TraceReader.open(golden);
        assertEquals(24, t.stepCount());
        assertEquals(16, t.prefixLength());
        assertEquals(81, t.seqLen());
        assertArrayEquals(new int[] {7, 15, 23}, t.segmentEnds());
        assertEquals(HaltRule.HALT_POSITIVE, t.haltRule(), "the manifest's no_ACT_continue");
        assertEquals(HaltRule.HALT_ABOVE_CONTINUE, TraceReader.open(GOLDEN).haltRule());

        // q = (0.5, 2.0) at every segment end: TRM's rule halts, the HRM's would not
        Path copy = Files.createDirectories(tmp.resolve("trm"));
        try (var files = Files.list(golden)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        org.hrmlab.puzzles.io.Npy.write(copy.resolve("q.npy"), org.hrmlab.puzzles.io.NpyArray.ofFloats(
                new float[] {0.5f, 2f, 0.5f, 2f, -0.5f, -2f}, 3, 2));
        DecodedProgress d = DecodedProgress.of(TraceReader.open(copy), 0);
        assertTrue(d.segments().get(0).halts());
        assertTrue(d.segments().get(1).halts());
        assertFalse(d.segments().get(2).halts(), "q_halt -0.5 < 0 although it beats q_continue");
    }
}
