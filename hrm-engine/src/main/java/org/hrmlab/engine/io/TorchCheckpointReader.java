package org.hrmlab.engine.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import net.razorvine.pickle.PickleException;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.io.RestrictedUnpickler.StorageRef;
import org.hrmlab.engine.io.RestrictedUnpickler.TensorRef;

/**
 * Reads the tensors of a {@code torch.save} zip checkpoint ({@code <root>/data.pkl} plus raw storages in
 * {@code <root>/data/<key>}, whatever the root's name) without running any pickled code.
 *
 * <p>Storages are streamed in chunks and decoded straight into the tensor's {@code float[]}, so a tensor may hold up
 * to {@link #MAX_ELEMENTS} values (the ARC-2 puzzle table, 1,045,829 x 512 float32 = 2.14 GB, fits); only the part
 * of a storage a view reaches is read. Every size in the pickle is checked against the archive before memory is
 * allocated.
 */
final class TorchCheckpointReader {
    /** The most values one tensor may hold: the longest Java array. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final long MAX_PICKLE_BYTES = 16L << 20;
    private static final long MAX_DEFLATE_RATIO = 1100;
    private static final int CHUNK_BYTES = 1 << 20;

    private TorchCheckpointReader() {
    }

    /**
     * @param file a torch zip checkpoint
     * @return every tensor of the state dict as float32, keyed and ordered as stored (prefixes not yet stripped)
     * @throws CheckpointException if the archive is not a torch checkpoint, is truncated, inconsistent, or its pickle
     *                             is hostile
     */
    static Map<String, HostTensor> read(Path file) throws CheckpointException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pkl = findPickle(zip, file);
            String root = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
            ByteOrder order = byteOrder(zip, root, file);
            Map<String, TensorRef> refs = stateDict(zip, pkl, file);
            long fileSize = Files.size(file);
            Map<String, HostTensor> out = new LinkedHashMap<>();
            for (var e : refs.entrySet()) {
                out.put(e.getKey(), materialise(zip, root, e.getValue(), order, fileSize, file, e.getKey()));
            }
            return out;
        } catch (ZipException e) {
            throw new CheckpointException(file, "not a readable zip archive (" + e.getMessage()
                    + "); truncated or not a torch checkpoint", e);
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot read checkpoint: " + e.getMessage(), e);
        }
    }

    private static ZipEntry findPickle(ZipFile zip, Path file) throws CheckpointException {
        ZipEntry found = null;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry entry = en.nextElement();
            String name = entry.getName();
            if (name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "data.pkl".length() - 1) {
                if (found != null) {
                    throw new CheckpointException(file, "zip archive holds two state dicts (" + found.getName()
                            + ", " + name + ")");
                }
                found = entry;
            }
        }
        if (found == null) {
            throw new CheckpointException(file, "zip archive holds no <root>/data.pkl: not a torch checkpoint");
        }
        return found;
    }

    private static ByteOrder byteOrder(ZipFile zip, String root, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(root + "byteorder");
        if (entry == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String text;
        try (InputStream in = zip.getInputStream(entry)) {
            text = new String(in.readNBytes(16), StandardCharsets.US_ASCII).strip();
        }
        return switch (text) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new CheckpointException(file, "unknown byte order '" + text + "' in " + entry.getName());
        };
    }

    private static Map<String, TensorRef> stateDict(ZipFile zip, ZipEntry pkl, Path file) throws IOException {
        if (pkl.getSize() > MAX_PICKLE_BYTES) {
            throw new CheckpointException(file, pkl.getName() + " is " + pkl.getSize()
                    + " bytes; a state dict's pickle is far smaller");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(pkl)) {
            bytes = in.readNBytes((int) MAX_PICKLE_BYTES + 1);
        }
        if (bytes.length > MAX_PICKLE_BYTES) {
            throw new CheckpointException(file, pkl.getName() + " is larger than " + MAX_PICKLE_BYTES + " bytes");
        }
        try {
            return RestrictedUnpickler.asStateDict(RestrictedUnpickler.parse(bytes));
        } catch (RestrictedUnpickler.HostilePickleException e) {
            throw new CheckpointException(file, e.getMessage() + "; nothing was executed");
        } catch (PickleException e) {
            throw new CheckpointException(file, "bad pickle " + pkl.getName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CheckpointException(file, "bad pickle " + pkl.getName() + ": truncated (" + e.getMessage() + ")",
                    e);
        } catch (ClassCastException | IllegalStateException | IndexOutOfBoundsException
                 | NegativeArraySizeException | StackOverflowError e) {
            throw new CheckpointException(file, "bad pickle " + pkl.getName() + ": " + e, e);
        }
    }

    private static HostTensor materialise(ZipFile zip, String root, TensorRef t, ByteOrder order, long fileSize,
                                          Path file, String key) throws IOException {
        StorageRef s = t.storage();
        String type = s.type().name();
        int item = itemSize(type);
        if (item < 0) {
            throw new CheckpointException(file, "tensor '" + key + "' is stored as " + type
                    + "; only float32, bfloat16, float16 and float64 tensors are supported");
        }
        long[] reach = reach(t, file, key);
        long numel = reach[0];
        long first = t.offset();
        long last = reach[1];
        if (numel > 0 && last >= s.numel()) {
            throw new CheckpointException(file, "tensor '" + key + "' (offset " + t.offset() + ", size "
                    + Arrays.toString(t.size()) + ", stride " + Arrays.toString(t.stride()) + ") reaches element "
                    + last + " of storage " + s.key() + ", which holds " + s.numel());
        }
        ZipEntry entry = zip.getEntry(root + "data/" + s.key());
        if (entry == null) {
            throw new CheckpointException(file, "storage " + s.key() + " of tensor '" + key + "' is missing");
        }
        checkDeclaredSize(entry, s, item, fileSize, file, key);
        if (numel == 0) {
            return new HostTensor(t.size(), new float[0]);
        }
        long span = last - first + 1;
        if (span > MAX_ELEMENTS) {
            throw new CheckpointException(file, "tensor '" + key + "' spans " + span + " storage elements; at most "
                    + MAX_ELEMENTS + " are supported");
        }
        float[] window = allocate(span, file, key);
        decode(zip, entry, first, window, type, item, order, file, key, s);
        if (span == numel && isContiguous(t)) {
            return new HostTensor(t.size(), window);
        }
        return new HostTensor(t.size(), gather(t, window, allocate(numel, file, key)));
    }

    /** @return the view's element count and the last storage element it reaches */
    private static long[] reach(TensorRef t, Path file, String key) throws CheckpointException {
        if (t.offset() < 0) {
            throw new CheckpointException(file, "tensor '" + key + "' has a negative storage offset");
        }
        long numel = 1;
        long last = t.offset();
        try {
            for (int d = 0; d < t.size().length; d++) {
                if (t.size()[d] < 0 || t.stride()[d] < 0) {
                    throw new CheckpointException(file, "tensor '" + key + "' has a negative size or stride");
                }
                numel = Math.multiplyExact(numel, t.size()[d]);
                if (t.size()[d] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(t.size()[d] - 1, t.stride()[d]));
                }
            }
        } catch (ArithmeticException e) {
            throw new CheckpointException(file, "tensor '" + key + "' has sizes or strides that overflow");
        }
        if (numel > MAX_ELEMENTS) {
            throw new CheckpointException(file, "tensor '" + key + "' has " + numel + " values; at most "
                    + MAX_ELEMENTS + " per tensor are supported");
        }
        return new long[] {numel, last};
    }

    private static void checkDeclaredSize(ZipEntry entry, StorageRef s, int item, long fileSize, Path file,
                                          String key) throws CheckpointException {
        long needed;
        try {
            needed = Math.multiplyExact(s.numel(), (long) item);
        } catch (ArithmeticException e) {
            throw new CheckpointException(file, "storage " + s.key() + " of tensor '" + key + "' is impossibly large");
        }
        long declared = entry.getSize();
        if (declared >= 0 && declared < needed) {
            throw new CheckpointException(file, "storage " + s.key() + " of tensor '" + key + "' holds " + declared
                    + " bytes but the pickle says " + s.numel() + " x " + item + " = " + needed);
        }
        long compressed = entry.getCompressedSize();
        boolean stored = entry.getMethod() == ZipEntry.STORED;
        if (compressed > fileSize || (stored && declared > fileSize)
                || (!stored && compressed >= 0 && declared > MAX_DEFLATE_RATIO * Math.max(compressed, 1))) {
            throw new CheckpointException(file, "storage " + s.key() + " of tensor '" + key + "' claims " + declared
                    + " bytes, more than the " + fileSize + "-byte file can hold (truncated or corrupt)");
        }
    }

    private static float[] allocate(long n, Path file, String key) throws CheckpointException {
        try {
            return new float[(int) n];
        } catch (OutOfMemoryError e) {
            throw new CheckpointException(file, "tensor '" + key + "' needs " + (4 * n >> 20) + " MiB but the Java heap"
                    + " allows " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB; raise -Xmx (HRMLAB_JAVA_OPTS)");
        }
    }

    /** Decodes {@code into.length} elements of the storage starting at element {@code first}, in chunks. */
    private static void decode(ZipFile zip, ZipEntry entry, long first, float[] into, String type, int item,
                               ByteOrder order, Path file, String key, StorageRef s) throws IOException {
        long total = (long) into.length * item;
        byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, total)];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(order);
        try (InputStream in = zip.getInputStream(entry)) {
            in.skipNBytes(first * item);
            int done = 0;
            while (done < into.length) {
                int n = (int) Math.min(chunk.length / item, into.length - done);
                int got = in.readNBytes(chunk, 0, n * item);
                if (got < n * item) {
                    throw new EOFException();
                }
                convert(buf, type, n, into, done);
                done += n;
            }
        } catch (EOFException e) {
            throw new CheckpointException(file, "storage " + s.key() + " of tensor '" + key
                    + "' ends early (truncated file?)");
        }
    }

    private static void convert(ByteBuffer b, String type, int n, float[] out, int at) {
        switch (type) {
            case "FloatStorage" -> b.asFloatBuffer().get(out, at, n);
            case "BFloat16Storage" -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = Float.intBitsToFloat((b.getShort(2 * i) & 0xFFFF) << 16);
                }
            }
            case "HalfStorage" -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = halfToFloat(b.getShort(2 * i));
                }
            }
            case "DoubleStorage" -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = (float) b.getDouble(8 * i);
                }
            }
            default -> throw new IllegalStateException(type);
        }
    }

    private static boolean isContiguous(TensorRef t) {
        long expected = 1;
        for (int d = t.size().length - 1; d >= 0; d--) {
            if (t.size()[d] != 1 && t.stride()[d] != expected) {
                return false;
            }
            expected *= t.size()[d];
        }
        return true;
    }

    /** Copies a strided view out of {@code window}, which starts at the view's storage offset. */
    private static float[] gather(TensorRef t, float[] window, float[] out) {
        long[] size = t.size();
        long[] stride = t.stride();
        int[] index = new int[size.length];
        long pos = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = window[(int) pos];
            for (int d = size.length - 1; d >= 0; d--) {
                if (++index[d] < size[d]) {
                    pos += stride[d];
                    break;
                }
                pos -= (size[d] - 1) * stride[d];
                index[d] = 0;
            }
        }
        return out;
    }

    private static int itemSize(String storage) {
        return switch (storage) {
            case "FloatStorage" -> 4;
            case "BFloat16Storage", "HalfStorage" -> 2;
            case "DoubleStorage" -> 8;
            default -> -1;
        };
    }

    /** IEEE 754 binary16 to float32 (exact: every half value is a float). */
    static float halfToFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant / 16777216f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
