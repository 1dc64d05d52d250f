package org.hrmlab.puzzles.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0-3.0, little-endian, C order), the array format of the
 * reference datasets and of HRM Lab traces. Writes are atomic: a temporary file is renamed into place.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** The parsed header of a {@code .npy} file: where the data starts, its dtype and shape. */
    public record Header(String dtype, long[] shape, long dataOffset) {
        /** @return bytes per element */
        public int itemSize() {
            return NpyArray.itemSize(dtype);
        }

        /** @return bytes of one slice along the first axis */
        public long sliceBytes() {
            long n = itemSize();
            for (int i = 1; i < shape.length; i++) {
                n *= shape[i];
            }
            return n;
        }
    }

    /**
     * Reads a whole {@code .npy} file.
     *
     * @throws NpyFormatException if the file is not a well-formed, supported {@code .npy} file (message names it)
     */
    public static NpyArray read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Header h = readHeader(file, ch);
            long bytes = h.itemSize() * product(h.shape());
            if (ch.size() - h.dataOffset() < bytes) {
                throw new NpyFormatException(file, "truncated: header promises " + bytes + " data bytes, file has "
                        + (ch.size() - h.dataOffset()));
            }
            ByteBuffer data = ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, data, h.dataOffset());
            data.flip();
            return new NpyArray(h.dtype(), h.shape(), data);
        }
    }

    /** Reads only the header of a {@code .npy} file. */
    public static Header header(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return readHeader(file, ch);
        }
    }

    /**
     * Reads slices {@code [first, first + count)} along the first axis as floats, without reading the rest of the file.
     *
     * @return row-major floats of shape {@code [count, shape[1], ...]}
     */
    public static float[] readFloatSlices(Path file, long first, int count) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Header h = readHeader(file, ch);
            if (!h.dtype().equals("f4")) {
                throw new NpyFormatException(file, "expected float32 data, found " + h.dtype());
            }
            if (h.shape().length == 0 || first < 0 || first + count > h.shape()[0]) {
                throw new NpyFormatException(file, "slices " + first + ".." + (first + count) + " outside shape "
                        + Arrays.toString(h.shape()));
            }
            ByteBuffer data = ByteBuffer.allocate(Math.toIntExact(h.sliceBytes() * count)).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, data, h.dataOffset() + first * h.sliceBytes());
            data.flip();
            float[] out = new float[data.remaining() / 4];
            data.asFloatBuffer().get(out);
            return out;
        }
    }

    /** Writes an array atomically (temporary file in the same folder, then rename). */
    public static void write(Path file, NpyArray array) throws IOException {
        AtomicFiles.write(file, out -> {
            out.write(headerBytes(array.dtype(), array.shape()));
            ByteBuffer d = array.data().duplicate();
            d.rewind();
            byte[] bytes = new byte[d.remaining()];
            d.get(bytes);
            out.write(bytes);
        });
    }

    /** @return a version 1.0 header (padded to a multiple of 64 bytes) for the given dtype and shape */
    public static byte[] headerBytes(String dtype, long[] shape) {
        String order = dtype.equals("u1") || dtype.equals("i1") || dtype.equals("b1") ? "|" : "<";
        StringBuilder shapeText = new StringBuilder();
        for (long d : shape) {
            shapeText.append(d).append(", ");
        }
        String shapeStr = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + (shape.length == 0 ? "" : shapeText.substring(0, shapeText.length() - 2)) + ")";
        String dict = "{'descr': '" + order + dtype.charAt(0) + dtype.substring(1) + "', 'fortran_order': False, 'shape': "
                + shapeStr + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    static Header readHeader(Path file, FileChannel ch) throws IOException {
        ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        if (ch.size() < 10) {
            throw new NpyFormatException(file, "not a .npy file (too short)");
        }
        readFully(ch, pre.limit((int) Math.min(12, ch.size())), 0);
        pre.flip();
        byte[] magic = new byte[6];
        pre.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new NpyFormatException(file, "not a .npy file (bad magic)");
        }
        int major = pre.get();
        pre.get();
        long headerLen;
        int prefix;
        if (major == 1) {
            headerLen = pre.getShort() & 0xFFFF;
            prefix = 10;
        } else if (major == 2 || major == 3) {
            headerLen = pre.getInt() & 0xFFFFFFFFL;
            prefix = 12;
        } else {
            throw new NpyFormatException(file, "unsupported .npy version " + major);
        }
        if (prefix + headerLen > ch.size()) {
            throw new NpyFormatException(file, "truncated header");
        }
        ByteBuffer hb = ByteBuffer.allocate(Math.toIntExact(headerLen));
        readFully(ch, hb, prefix);
        String text = new String(hb.array(), StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(text);
        Matcher fortran = FORTRAN.matcher(text);
        Matcher shape = SHAPE.matcher(text);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new NpyFormatException(file, "unreadable header: " + text.trim());
        }
        if (descr.group(1).equals(">") && !descr.group(3).equals("1")) {
            throw new NpyFormatException(file, "big-endian data is not supported");
        }
        if (fortran.group(1).equals("True")) {
            throw new NpyFormatException(file, "Fortran-order arrays are not supported");
        }
        String dtype = descr.group(2) + descr.group(3);
        if (NpyArray.itemSize(dtype) < 0) {
            throw new NpyFormatException(file, "unsupported dtype " + descr.group(0));
        }
        long[] dims = Arrays.stream(shape.group(1).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        return new Header(dtype, dims, prefix + headerLen);
    }

    private static void readFully(FileChannel ch, ByteBuffer into, long position) throws IOException {
        long pos = position;
        while (into.hasRemaining()) {
            int n = ch.read(into, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += n;
        }
    }

    private static long product(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
