package org.hrmlab.puzzles.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Streams rows of a {@code uint8 [n, width]} {@code .npy} file into a temporary file; the header is patched at the end. */
final class UInt8RowWriter implements AutoCloseable {
    private static final int HEADER_BYTES = 128;
    private final Path tmp;
    private final int width;
    private final OutputStream out;
    private final byte[] row;
    private long rows;

    UInt8RowWriter(Path tmp, int width) throws IOException {
        this.tmp = tmp;
        this.width = width;
        this.row = new byte[width];
        this.out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
        out.write(new byte[HEADER_BYTES]);
    }

    void append(int[] values) throws IOException {
        if (values.length != width) {
            throw new IllegalArgumentException("row has " + values.length + " tokens, expected " + width);
        }
        for (int i = 0; i < width; i++) {
            int v = values[i];
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("token " + v + " does not fit uint8");
            }
            row[i] = (byte) v;
        }
        out.write(row);
        rows++;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(header(rows, width)), 0);
        }
    }

    static byte[] header(long rows, int width) {
        String dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + rows + ", " + width + "), }";
        int textLen = HEADER_BYTES - 10;
        String text = dict + " ".repeat(textLen - 1 - dict.length()) + "\n";
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.put((byte) (textLen & 0xFF)).put((byte) (textLen >> 8));
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
