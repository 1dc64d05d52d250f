package org.hrmlab.puzzles.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes a float32 {@code .npy} file one slice (along the first axis) at a time, so that long traces never sit in
 * memory whole. The file appears under its name only when {@link #close()} succeeds (temporary file, then rename).
 */
public final class NpyStreamWriter implements AutoCloseable {
    private static final int HEADER_BYTES = 128;
    private final Path target;
    private final Path tmp;
    private final FileChannel channel;
    private final long[] sliceShape;
    private final int sliceLength;
    private final ByteBuffer buffer;
    private long count;
    private boolean closed;

    /**
     * @param target     the final file
     * @param sliceShape the shape of one slice, e.g. {@code [seq, hidden]} for a file of shape {@code [n, seq, hidden]}
     */
    public NpyStreamWriter(Path target, long... sliceShape) throws IOException {
        this.target = target;
        this.sliceShape = sliceShape.clone();
        long n = 1;
        for (long d : sliceShape) {
            n *= d;
        }
        this.sliceLength = Math.toIntExact(n);
        this.tmp = AtomicFiles.temporarySibling(target);
        this.channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        this.buffer = ByteBuffer.allocate(sliceLength * 4).order(ByteOrder.LITTLE_ENDIAN);
        channel.write(ByteBuffer.wrap(paddedHeader(0)), 0);
    }

    /** Appends one slice of {@code sliceShape} floats (row-major; not modified). */
    public void append(float[] slice) throws IOException {
        if (slice.length != sliceLength) {
            throw new IllegalArgumentException("slice has " + slice.length + " values, expected " + sliceLength);
        }
        buffer.clear();
        buffer.asFloatBuffer().put(slice);
        buffer.limit(sliceLength * 4);
        long pos = HEADER_BYTES + count * sliceLength * 4L;
        while (buffer.hasRemaining()) {
            pos += channel.write(buffer, pos);
        }
        count++;
    }

    /** @return the number of slices appended so far */
    public long count() {
        return count;
    }

    /** Finishes the header and moves the file into place. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.write(ByteBuffer.wrap(paddedHeader(count)), 0);
            channel.force(false);
            channel.close();
            AtomicFiles.commit(tmp, target);
        } finally {
            if (channel.isOpen()) {
                channel.close();
            }
            Files.deleteIfExists(tmp);
        }
    }

    private byte[] paddedHeader(long first) {
        long[] shape = new long[sliceShape.length + 1];
        shape[0] = first;
        System.arraycopy(sliceShape, 0, shape, 1, sliceShape.length);
        byte[] h = Npy.headerBytes("f4", shape);
        if (h.length > HEADER_BYTES) {
            throw new IllegalStateException("shape too long for header: " + Arrays.toString(shape));
        }
        byte[] out = new byte[HEADER_BYTES];
        System.arraycopy(h, 0, out, 0, 8);
        int textLen = HEADER_BYTES - 10;
        out[8] = (byte) (textLen & 0xFF);
        out[9] = (byte) (textLen >> 8);
        byte[] dict = Arrays.copyOfRange(h, 10, h.length - 1);
        String text = new String(dict, java.nio.charset.StandardCharsets.US_ASCII).stripTrailing();
        byte[] t = (text + " ".repeat(textLen - 1 - text.length()) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, out, 10, t.length);
        return out;
    }
}
