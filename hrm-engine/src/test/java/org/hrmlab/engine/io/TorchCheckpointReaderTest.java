package org.hrmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.io.TorchZip.Pickle;
import org.hrmlab.engine.io.TorchZip.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchCheckpointReaderTest {
    @TempDir
    Path dir;

    private Map<String, HostTensor> read(TorchZip z) throws Exception {
        return TorchCheckpointReader.read(z.write(dir.resolve("ckpt")));
    }

    private String failure(TorchZip z) throws Exception {
        Path f = z.write(dir.resolve("bad"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpointReader.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private static byte[] floats(float... v) {
        return TorchZip.floatBytes(v, ByteOrder.LITTLE_ENDIAN);
    }

    private static View f32(String storage, long numel, long offset, long[] size, long[] stride) {
        return new View("FloatStorage", storage, numel, offset, size, stride);
    }

    @Test
    void materialisesTransposedOffsetAndBroadcastViews() throws Exception {
        TorchZip z = new TorchZip().storage("0", floats(0, 1, 2, 3, 4, 5))
                .view("transposed", f32("0", 6, 0, new long[] {3, 2}, new long[] {1, 3}))
                .view("every_other", f32("0", 6, 1, new long[] {2}, new long[] {2}))
                .view("tail", f32("0", 6, 4, new long[] {2}, new long[] {1}))
                .view("broadcast", f32("0", 6, 3, new long[] {2, 3}, new long[] {0, 1}))
                .view("scalar", f32("0", 6, 5, new long[] {}, new long[] {}))
                .view("empty", f32("0", 6, 0, new long[] {0, 3}, new long[] {3, 1}));
        Map<String, HostTensor> t = read(z);
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, t.get("transposed").data());
        assertArrayEquals(new long[] {3, 2}, t.get("transposed").shape());
        assertArrayEquals(new float[] {1, 3}, t.get("every_other").data());
        assertArrayEquals(new float[] {4, 5}, t.get("tail").data());
        assertArrayEquals(new float[] {3, 4, 5, 3, 4, 5}, t.get("broadcast").data());
        assertArrayEquals(new float[] {5}, t.get("scalar").data());
        assertEquals(0, t.get("empty").data().length);
        assertEquals(List.of("transposed", "every_other", "tail", "broadcast", "scalar", "empty"),
                List.copyOf(t.keySet()), "the pickle's key order is kept");
    }

    @Test
    void largeTransposedTensorCrossesChunkBoundaries() throws Exception {
        int rows = 700;
        int cols = 600;
        float[] v = new float[rows * cols];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        TorchZip z = new TorchZip().storage("s", floats(v))
                .view("w", f32("s", v.length, 0, new long[] {rows, cols}, new long[] {cols, 1}))
                .view("wt", f32("s", v.length, 0, new long[] {cols, rows}, new long[] {1, cols}));
        Map<String, HostTensor> t = read(z);
        assertArrayEquals(v, t.get("w").data());
        float[] wt = t.get("wt").data();
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < rows; j++) {
                assertEquals(v[j * cols + i], wt[i * rows + j]);
            }
        }
    }

    @Test
    void widensBfloat16Float16AndFloat64Exactly() throws Exception {
        short[] bf = {0x3FC0, (short) 0xC000, 0x4049, 0x0001, (short) 0x8000, 0x7F80, 0x7F7F};
        short[] half = {0x3C00, 0x3555, 0x0001, 0x03FF, 0x0400, 0x7BFF, (short) 0x8000, 0x7C00, (short) 0xFC00};
        double[] dbl = {0.1, -2.5, 1.0 / 3, 1e-40, 65504.0};
        ByteBuffer b = ByteBuffer.allocate(2 * bf.length).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : bf) {
            b.putShort(s);
        }
        ByteBuffer h = ByteBuffer.allocate(2 * half.length).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : half) {
            h.putShort(s);
        }
        ByteBuffer d = ByteBuffer.allocate(8 * dbl.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : dbl) {
            d.putDouble(x);
        }
        TorchZip z = new TorchZip().storage("b", b.array()).storage("h", h.array()).storage("d", d.array())
                .view("bf", new View("BFloat16Storage", "b", bf.length, 0, new long[] {bf.length}, new long[] {1}))
                .view("half", new View("HalfStorage", "h", half.length, 0, new long[] {half.length}, new long[] {1}))
                .view("dbl", new View("DoubleStorage", "d", dbl.length, 0, new long[] {dbl.length}, new long[] {1}));
        Map<String, HostTensor> t = read(z);
        for (int i = 0; i < bf.length; i++) {
            assertEquals((bf[i] & 0xFFFF) << 16, Float.floatToRawIntBits(t.get("bf").data()[i]), "bf16 " + i);
        }
        for (int i = 0; i < half.length; i++) {
            assertEquals(Float.floatToRawIntBits(halfByFormula(half[i])),
                    Float.floatToRawIntBits(t.get("half").data()[i]), "f16 " + i);
        }
        assertEquals(1.0f, t.get("half").data()[0]);
        assertEquals(65504f, t.get("half").data()[5]);
        assertEquals(Math.scalb(1f, -24), t.get("half").data()[2]);
        for (int i = 0; i < dbl.length; i++) {
            assertEquals((float) dbl[i], t.get("dbl").data()[i], "f64 " + i);
        }
    }

    @Test
    void halfToFloatIsExactForEveryHalfValue() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float got = TorchCheckpointReader.halfToFloat((short) bits);
            if ((bits & 0x7C00) == 0x7C00 && (bits & 0x3FF) != 0) {
                assertTrue(Float.isNaN(got), Integer.toHexString(bits));
            } else {
                assertEquals(Float.floatToRawIntBits(halfByFormula((short) bits)), Float.floatToRawIntBits(got),
                        Integer.toHexString(bits));
            }
        }
    }

    /** The binary16 value computed from its definition in double arithmetic (exact), then narrowed (exact). */
    private static float halfByFormula(short h) {
        int bits = h & 0xFFFF;
        double sign = (bits & 0x8000) != 0 ? -1 : 1;
        int exp = (bits >> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return (float) (sign * Double.POSITIVE_INFINITY);
        }
        double mag = exp == 0 ? Math.scalb((double) mant, -24) : Math.scalb(1 + mant / 1024.0, exp - 15);
        return (float) (sign * mag);
    }

    @Test
    void readsBigEndianArchivesWhenTheyDeclareIt() throws Exception {
        TorchZip z = new TorchZip().storage("0", TorchZip.floatBytes(new float[] {1.5f, -3f}, ByteOrder.BIG_ENDIAN))
                .view("w", f32("0", 2, 0, new long[] {2}, new long[] {1}))
                .file("byteorder", "big".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(new float[] {1.5f, -3f}, read(z).get("w").data());
        z.file("byteorder", "middle".getBytes(StandardCharsets.US_ASCII));
        assertTrue(failure(z).contains("byte order 'middle'"));
    }

    @Test
    void refusesViewsReachingOutsideTheirStorage() throws Exception {
        TorchZip longer = new TorchZip().storage("0", floats(1, 2, 3, 4))
                .view("w", f32("0", 4, 0, new long[] {5}, new long[] {1}));
        String m = failure(longer);
        assertTrue(m.contains("tensor 'w'") && m.contains("reaches element 4 of storage 0, which holds 4"), m);

        TorchZip offset = new TorchZip().storage("0", floats(1, 2, 3, 4))
                .view("w", f32("0", 4, 10, new long[] {1}, new long[] {1}));
        assertTrue(failure(offset).contains("reaches element 10"));

        TorchZip stride = new TorchZip().storage("0", floats(1, 2, 3, 4))
                .view("w", f32("0", 4, 0, new long[] {2, 2}, new long[] {3, 1}));
        assertTrue(failure(stride).contains("reaches element 4"));

        TorchZip negative = new TorchZip().storage("0", floats(1, 2, 3, 4))
                .view("w", f32("0", 4, 0, new long[] {2}, new long[] {-1}));
        assertTrue(failure(negative).contains("negative size or stride"));

        TorchZip overflow = new TorchZip().storage("0", floats(1, 2, 3, 4))
                .view("w", f32("0", 4, 0, new long[] {1L << 40, 1L << 40}, new long[] {1, 1}));
        assertTrue(failure(overflow).contains("overflow"));
    }

    @Test
    void refusesStoragesShorterThanTheirRecordBeforeAllocating() throws Exception {
        TorchZip shortStorage = new TorchZip().storage("0", floats(1, 2, 3, 4))
                .view("w", f32("0", 100, 0, new long[] {100}, new long[] {1}));
        String m = failure(shortStorage);
        assertTrue(m.contains("storage 0 of tensor 'w' holds 16 bytes but the pickle says 100 x 4 = 400"), m);

        long arc2 = 1_045_829L * 512;
        TorchZip table = new TorchZip().storage("0", floats(1, 2, 3, 4))
                .view("puzzle_emb.weights", f32("0", arc2, 0, new long[] {1_045_829, 512}, new long[] {512, 1}));
        assertTrue(failure(table).contains("holds 16 bytes but the pickle says 535464448 x 4 = 2141857792"));

        TorchZip missing = new TorchZip().view("w", f32("7", 4, 0, new long[] {4}, new long[] {1}));
        assertTrue(failure(missing).contains("storage 7 of tensor 'w' is missing"));
    }

    @Test
    void refusesTensorsLargerThanOneJavaArray() throws Exception {
        long n = 3_000_000_000L;
        TorchZip z = new TorchZip().storage("0", floats(1))
                .view("w", f32("0", n, 0, new long[] {n}, new long[] {1}));
        String m = failure(z);
        assertTrue(m.contains("tensor 'w' has 3000000000 values; at most 2147483639 per tensor are supported"), m);
    }

    @Test
    void refusesAStoredEntryWhoseSizeFieldClaimsMoreThanTheFile() throws Exception {
        long claimed = 0xF000_0000L;
        TorchZip z = new TorchZip().storage("0", floats(1, 2, 3, 4))
                .view("w", f32("0", claimed / 4, 0, new long[] {claimed / 4}, new long[] {1}));
        Path f = z.write(dir.resolve("huge"), true);
        patchStoredSize(f, "archive/data/0", 16, claimed);
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpointReader.read(f));
        assertTrue(e.getMessage().contains("claims 4026531840 bytes, more than the"), e.getMessage());
    }

    /** Rewrites the size fields of one stored entry in both the local header and the central directory. */
    private static void patchStoredSize(Path zip, String name, int actual, long claimed) throws Exception {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int patched = 0;
        for (int i = 0; i + 46 < b.length; i++) {
            int sig = buf.getInt(i);
            int nameAt = sig == 0x04034b50 ? i + 30 : sig == 0x02014b50 ? i + 46 : -1;
            if (nameAt < 0 || !java.util.Arrays.equals(b, nameAt, nameAt + n.length, n, 0, n.length)) {
                continue;
            }
            int sizes = sig == 0x04034b50 ? i + 18 : i + 20;
            assertEquals(actual, buf.getInt(sizes));
            buf.putInt(sizes, (int) claimed).putInt(sizes + 4, (int) claimed);
            patched++;
        }
        assertEquals(2, patched);
        Files.write(zip, b);
    }

    @Test
    void refusesHostileOpcodesWithoutRunningAnything() throws Exception {
        Path marker = dir.resolve("pwned");
        byte[] cmd = ("touch " + marker).getBytes(StandardCharsets.UTF_8);
        Map<String, Pickle> hostile = Map.of(
                "INST", new Pickle().op('(').unicode("touch").op('i').ascii("os\nsystem\n").op('.'),
                "OBJ", new Pickle().op('(').unicode("x").op('o').op('.'),
                "EXT1", new Pickle().proto().op(0x82).op(1).op(')').op('R').op('.'),
                "EXT2", new Pickle().proto().op(0x83).op(1).op(0).op('.'),
                "EXT4", new Pickle().proto().op(0x84).int32(1).op('.'),
                "STACK_GLOBAL", new Pickle().proto().unicode("posix").unicode("system").op(0x93)
                        .op('X').int32(cmd.length).raw(cmd).op(0x85).op('R').op('.'),
                "GLOBAL torch", new Pickle().proto().global("torch", "load").op('.'),
                "GLOBAL subprocess", new Pickle().proto().global("subprocess", "Popen").op('.'));
        for (var e : hostile.entrySet()) {
            String m = failure(new TorchZip().pickle(e.getValue().bytes()));
            assertTrue(m.endsWith("refused; nothing was executed"), e.getKey() + ": " + m);
        }
        assertFalse(Files.exists(marker));
    }

    @Test
    void refusesPersistentIdsThatAreNotStorages() throws Exception {
        Pickle binpersid = new Pickle().proto().op('}').unicode("w").unicode("not a storage").op('Q').op('s').op('.');
        assertTrue(failure(new TorchZip().pickle(binpersid.bytes())).contains("persistent id in pickle is not a"));
        Pickle persid = new Pickle().proto().op('P').ascii("0\n").op('.');
        assertTrue(failure(new TorchZip().pickle(persid.bytes())).contains("persistent id in pickle is not a"));
        Pickle badNumel = new Pickle().proto().op('(').unicode("storage").global("torch", "FloatStorage")
                .unicode("0").unicode("cpu").unicode("many").op('t').op('Q').op('.');
        assertTrue(failure(new TorchZip().pickle(badNumel.bytes())).contains("malformed storage record"));
    }

    @Test
    void refusesLengthFieldsLongerThanThePickle() throws Exception {
        Pickle bomb = new Pickle().proto().op('X').int32(Integer.MAX_VALUE).ascii("abc").op('.');
        String m = failure(new TorchZip().pickle(bomb.bytes()));
        assertTrue(m.contains("claims 2147483647 bytes but the pickle has"), m);
        Pickle bytes8 = new Pickle().proto().op(0x8e).raw(new byte[] {0, 0, 0, 0, 0, 0, 0, 0x40}).op('.');
        assertTrue(failure(new TorchZip().pickle(bytes8.bytes())).contains("bytes but the pickle has"));
        Pickle negative = new Pickle().proto().op('B').int32(-5).op('.');
        assertTrue(failure(new TorchZip().pickle(negative.bytes())).contains("claims -5 bytes"));
        Pickle truncated = new Pickle().proto().op('}').op('(').unicode("w");
        assertTrue(failure(new TorchZip().pickle(truncated.bytes())).contains("bad pickle archive/data.pkl"));
    }

    @Test
    void refusesPicklesThatAreNotStateDicts() throws Exception {
        assertTrue(failure(new TorchZip().pickle(new Pickle().proto().op(']').op('.').bytes()))
                .contains("pickle root is not a dict but ArrayList"));
        Pickle notTensor = new Pickle().proto().op('}').unicode("w").integer(3).op('s').op('.');
        assertTrue(failure(new TorchZip().pickle(notTensor.bytes())).contains("state-dict entry 'w' is not a tensor"));
        Pickle intKey = new Pickle().proto().op('}').integer(3).integer(3).op('s').op('.');
        assertTrue(failure(new TorchZip().pickle(intKey.bytes())).contains("state-dict key 3 is not a string"));
        TorchZip ints = new TorchZip().storage("0", new byte[32])
                .view("step", new View("LongStorage", "0", 4, 0, new long[] {4}, new long[] {1}));
        assertTrue(failure(ints).contains("tensor 'step' is stored as LongStorage; only float32"));
    }

    @Test
    void refusesArchivesWithoutOrWithTwoStateDicts() throws Exception {
        Path none = dir.resolve("none.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(none))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("a/readme.txt"));
            zip.closeEntry();
        }
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpointReader.read(none));
        assertTrue(e.getMessage().contains("no <root>/data.pkl"), e.getMessage());

        Path two = new TorchZip().root("a").floats("w", new long[] {1}, new float[] {1}).entry("b/data.pkl",
                new byte[0]).write(dir.resolve("two"));
        e = assertThrows(CheckpointException.class, () -> TorchCheckpointReader.read(two));
        assertTrue(e.getMessage().contains("two state dicts"), e.getMessage());
    }
}
