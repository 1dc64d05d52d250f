package org.hrmlab.puzzles.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hrmlab.puzzles.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    static final Path GOLDEN = TestData.FIXTURES.resolve("hrm-golden/sudoku-small/golden");

    @TempDir
    Path dir;

    @Test
    void readsTheReferenceTraceFiles() throws Exception {
        NpyArray zl = Npy.read(GOLDEN.resolve("zL.npy"));
        assertEquals("f4", zl.dtype());
        assertEquals(3, zl.shape().length);
        assertEquals(81, zl.shape()[1]);
        assertEquals(64, zl.shape()[2]);
        NpyArray inputs = Npy.read(GOLDEN.resolve("inputs.npy"));
        assertArrayEquals(new long[] {1, 81}, inputs.shape());
        for (int t : inputs.toInts()) {
            assertTrue(t >= 1 && t <= 10);
        }
    }

    @Test
    void roundTripsEveryWrittenType() throws Exception {
        Path f = dir.resolve("a.npy");
        Npy.write(f, NpyArray.ofFloats(new float[] {1.5f, -2, 3, 4, 5, 6}, 2, 3));
        NpyArray back = Npy.read(f);
        assertArrayEquals(new long[] {2, 3}, back.shape());
        assertArrayEquals(new float[] {1.5f, -2, 3, 4, 5, 6}, back.toFloats());
        Npy.write(f, NpyArray.ofUint8(new int[] {0, 255, 7}, 3));
        assertArrayEquals(new int[] {0, 255, 7}, Npy.read(f).toInts());
        Npy.write(f, NpyArray.ofInts(new int[] {-3, 9}, 2));
        assertArrayEquals(new int[] {-3, 9}, Npy.read(f).toInts());
    }

    @Test
    void streamsSlicesAndReadsThemBackPartially() throws Exception {
        Path f = dir.resolve("s.npy");
        try (NpyStreamWriter w = new NpyStreamWriter(f, 2, 2)) {
            for (int i = 0; i < 5; i++) {
                w.append(new float[] {i, i + 0.5f, -i, 1});
            }
        }
        assertArrayEquals(new long[] {5, 2, 2}, Npy.header(f).shape());
        assertArrayEquals(new float[] {3, 3.5f, -3, 1, 4, 4.5f, -4, 1}, Npy.readFloatSlices(f, 3, 2));
        assertEquals(20, Npy.read(f).toFloats().length);
    }

    @Test
    void rejectsTruncatedAndForeignFilesNamingThem() throws Exception {
        Path f = dir.resolve("bad.npy");
        Npy.write(f, NpyArray.ofFloats(new float[100], 100));
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 10));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().contains("bad.npy") && e.getMessage().contains("truncated"), e.getMessage());
        Files.writeString(f, "hello world, not numpy");
        assertThrows(NpyFormatException.class, () -> Npy.read(f));
    }
}
