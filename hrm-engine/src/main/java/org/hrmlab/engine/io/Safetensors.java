package org.hrmlab.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.puzzles.io.AtomicFiles;

/**
 * The safetensors container (8-byte little-endian header length, a JSON header, raw little-endian data), read
 * strictly since files are untrusted, written atomically. F32 and BF16 are written; F32, F16 and BF16 are read.
 */
public final class Safetensors {
    private static final long MAX_HEADER = 100L << 20;
    private static final int CHUNK_BYTES = 1 << 20;
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Safetensors() {
    }

    /** Tensors and the {@code __metadata__} string map of a safetensors file. */
    public record Contents(Map<String, HostTensor> tensors, Map<String, String> metadata) {
    }

    /** How {@link #write(Path, Map, Map, StoredType)} stores values. */
    public enum StoredType {
        /** IEEE float32: every value exactly. */
        F32("F32", 4),
        /**
         * bfloat16: float32's sign and exponent with 8 significand bits, half the bytes; each value rounded to the
         * nearest (ties to even), infinities kept, NaN kept as a quiet NaN.
         */
        BF16("BF16", 2);

        private final String dtype;
        private final int bytes;

        StoredType(String dtype, int bytes) {
            this.dtype = dtype;
            this.bytes = bytes;
        }
    }

    /** Writes tensors (float32) and metadata to {@code file} through a temporary file and a rename. */
    public static void write(Path file, Map<String, HostTensor> tensors, Map<String, String> metadata)
            throws IOException {
        write(file, tensors, metadata, StoredType.F32);
    }

    /** Writes tensors stored as {@code type} and metadata to {@code file} through a temporary file and a rename. */
    public static void write(Path file, Map<String, HostTensor> tensors, Map<String, String> metadata,
                             StoredType type) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        ObjectNode meta = header.putObject("__metadata__");
        metadata.forEach(meta::put);
        long offset = 0;
        for (var e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", type.dtype);
            var shape = t.putArray("shape");
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            long end = offset + (long) type.bytes * e.getValue().data().length;
            t.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int pad = (8 - json.length % 8) % 8;
        byte[] padded = new byte[json.length + pad];
        System.arraycopy(json, 0, padded, 0, json.length);
        for (int i = json.length; i < padded.length; i++) {
            padded[i] = ' ';
        }
        Path tmp = AtomicFiles.temporarySibling(file);
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writeFully(out, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, padded.length));
                writeFully(out, ByteBuffer.wrap(padded));
                ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (HostTensor t : tensors.values()) {
                    float[] data = t.data();
                    for (int done = 0; done < data.length; ) {
                        int n = Math.min(CHUNK_BYTES / type.bytes, data.length - done);
                        chunk.clear();
                        if (type == StoredType.F32) {
                            chunk.asFloatBuffer().put(data, done, n);
                        } else {
                            for (int i = 0; i < n; i++) {
                                chunk.putShort(2 * i, bfloat16Bits(data[done + i]));
                            }
                        }
                        chunk.limit(type.bytes * n);
                        writeFully(out, chunk);
                        done += n;
                    }
                }
                out.force(true);
            }
            AtomicFiles.commit(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** @return the bfloat16 nearest {@code value} (ties to even), as its 16 bits; a NaN gives a quiet NaN */
    static short bfloat16Bits(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (short) ((bits >>> 16) | 0x0040);
        }
        return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** @return true if the file starts like a safetensors file (a sane header length followed by '{') */
    public static boolean looksLike(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() < 10) {
                return false;
            }
            ByteBuffer b = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, 0);
            long n = b.getLong(0);
            return n > 0 && n <= MAX_HEADER && b.get(8) == '{';
        }
    }

    /**
     * Reads every tensor as float32.
     *
     * @throws CheckpointException naming the file and the first inconsistency found
     */
    public static Contents read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new CheckpointException(file, "truncated safetensors file");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(lenBuf, 0);
            long headerLen = lenBuf.getLong(0);
            if (headerLen <= 0 || headerLen > MAX_HEADER || 8 + headerLen > size) {
                throw new CheckpointException(file, "safetensors header length " + headerLen + " is out of range");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            readFully(ch, hb, 8);
            JsonNode header;
            try {
                header = JSON.readTree(new String(hb.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CheckpointException(file, "safetensors header is not JSON");
            }
            if (header == null || !header.isObject()) {
                throw new CheckpointException(file, "safetensors header is not a JSON object");
            }
            long dataStart = 8 + headerLen;
            long dataLen = size - dataStart;
            Map<String, String> metadata = new LinkedHashMap<>();
            List<long[]> ranges = new ArrayList<>();
            Map<String, HostTensor> tensors = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    e.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                    continue;
                }
                tensors.put(e.getKey(), readTensor(file, ch, e.getKey(), e.getValue(), dataStart, dataLen, ranges));
            }
            ranges.sort(Comparator.comparingLong(r -> r[0]));
            for (int i = 1; i < ranges.size(); i++) {
                if (ranges.get(i)[0] < ranges.get(i - 1)[1]) {
                    throw new CheckpointException(file, "safetensors tensors overlap");
                }
            }
            return new Contents(tensors, metadata);
        }
    }

    private static HostTensor readTensor(Path file, FileChannel ch, String key, JsonNode spec, long dataStart,
                                         long dataLen, List<long[]> ranges) throws IOException {
        String dtype = spec.path("dtype").asText("");
        int item = switch (dtype) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            default -> throw new CheckpointException(file, "tensor '" + key + "' has unsupported dtype '" + dtype
                    + "'");
        };
        JsonNode shapeNode = spec.path("shape");
        JsonNode offsets = spec.path("data_offsets");
        if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
            throw new CheckpointException(file, "tensor '" + key + "' has a malformed header entry");
        }
        long[] shape = new long[shapeNode.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong(-1);
            if (shape[i] < 0) {
                throw new CheckpointException(file, "tensor '" + key + "' has a negative dimension");
            }
            numel = numel == 0 || shape[i] <= MAX_ELEMENTS / numel ? numel * shape[i] : MAX_ELEMENTS + 1;
        }
        if (numel > MAX_ELEMENTS) {
            throw new CheckpointException(file, "tensor '" + key + "' of shape " + java.util.Arrays.toString(shape)
                    + " has more than " + MAX_ELEMENTS + " values, the most one tensor may hold");
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (begin < 0 || end < begin || end > dataLen) {
            throw new CheckpointException(file, "tensor '" + key + "' lies outside the data (truncated file?)");
        }
        if (end - begin != numel * item) {
            throw new CheckpointException(file, "tensor '" + key + "' has " + (end - begin) + " bytes but shape x "
                    + dtype + " needs " + numel * item);
        }
        ranges.add(new long[] {begin, end});
        float[] out;
        try {
            out = new float[(int) numel];
        } catch (OutOfMemoryError e) {
            throw new CheckpointException(file, "tensor '" + key + "' needs " + (4 * numel >> 20) + " MiB but the Java"
                    + " heap allows " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB; raise -Xmx (HRMLAB_JAVA_OPTS)");
        }
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        for (int done = 0; done < out.length; ) {
            int n = Math.min(b.capacity() / item, out.length - done);
            b.clear().limit(n * item);
            readFully(ch, b, dataStart + begin + (long) done * item);
            if (item == 4) {
                b.asFloatBuffer().get(out, done, n);
            } else if (dtype.equals("BF16")) {
                for (int i = 0; i < n; i++) {
                    out[done + i] = Float.intBitsToFloat((b.getShort(2 * i) & 0xFFFF) << 16);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[done + i] = TorchCheckpointReader.halfToFloat(b.getShort(2 * i));
                }
            }
            done += n;
        }
        return new HostTensor(shape, out);
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
        into.flip();
    }
}
