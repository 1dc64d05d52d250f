package org.hrmlab.engine.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hrmlab.engine.HostTensor;

/** Builds small checkpoints in torch's zip layout (protocol-2 pickle plus raw storages) for tests. */
final class TorchZip {
    /** One state-dict entry: a view into a storage. */
    record View(String storageType, String storageKey, long storageNumel, long offset, long[] size, long[] stride) {
    }

    private final Map<String, View> views = new LinkedHashMap<>();
    private final Map<String, byte[]> storages = new LinkedHashMap<>();
    private final Map<String, byte[]> extra = new LinkedHashMap<>();
    private final Map<String, byte[]> outside = new LinkedHashMap<>();
    private String root = "archive";
    private byte[] pickleOverride;

    TorchZip root(String name) {
        root = name;
        return this;
    }

    TorchZip view(String key, View v) {
        views.put(key, v);
        return this;
    }

    TorchZip storage(String key, byte[] bytes) {
        storages.put(key, bytes);
        return this;
    }

    /** Adds another file under the root, e.g. {@code byteorder}. */
    TorchZip file(String name, byte[] bytes) {
        extra.put(name, bytes);
        return this;
    }

    /** Adds a file by its full name in the archive, outside the root. */
    TorchZip entry(String name, byte[] bytes) {
        outside.put(name, bytes);
        return this;
    }

    /** Replaces the generated pickle by hand-made bytes. */
    TorchZip pickle(byte[] bytes) {
        pickleOverride = bytes;
        return this;
    }

    /** A contiguous float32 tensor in its own storage. */
    TorchZip floats(String key, long[] shape, float[] values) {
        String sk = String.valueOf(storages.size());
        storages.put(sk, floatBytes(values, ByteOrder.LITTLE_ENDIAN));
        return view(key, new View("FloatStorage", sk, values.length, 0, shape, contiguousStride(shape)));
    }

    /** Every weight as a float32 storage, keys prefixed. */
    static TorchZip of(Map<String, HostTensor> weights, String prefix) {
        TorchZip z = new TorchZip();
        weights.forEach((k, t) -> z.floats(prefix + k, t.shape(), t.data()));
        return z;
    }

    static long[] contiguousStride(long[] shape) {
        long[] stride = new long[shape.length];
        long s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            stride[d] = s;
            s *= shape[d];
        }
        return stride;
    }

    static byte[] floatBytes(float[] values, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    byte[] statePickle() {
        Pickle p = new Pickle().proto().op('}').op('(');
        views.forEach((key, v) -> {
            p.unicode(key).global("torch._utils", "_rebuild_tensor_v2").op('(');
            p.op('(').unicode("storage").global("torch", v.storageType()).unicode(v.storageKey()).unicode("cpu")
                    .integer(v.storageNumel()).op('t').op('Q');
            p.integer(v.offset()).tuple(v.size()).tuple(v.stride()).op(0x89);
            p.global("collections", "OrderedDict").op(')').op('R').op('t').op('R');
        });
        return p.op('u').op('.').bytes();
    }

    /** Writes the archive with deflated entries. */
    Path write(Path file) throws IOException {
        return write(file, false);
    }

    /** Writes the archive; {@code stored} writes uncompressed entries as torch does. */
    Path write(Path file, boolean stored) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(root + "/data.pkl", pickleOverride != null ? pickleOverride : statePickle());
        storages.forEach((k, b) -> entries.put(root + "/data/" + k, b));
        extra.forEach((k, b) -> entries.put(root + "/" + k, b));
        entries.put(root + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        entries.putAll(outside);
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (var e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A protocol-2 pickle written opcode by opcode. */
    static final class Pickle {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pickle proto() {
            return op(0x80).op(2);
        }

        Pickle op(int code) {
            out.write(code);
            return this;
        }

        Pickle raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Pickle ascii(String s) {
            return raw(s.getBytes(StandardCharsets.US_ASCII));
        }

        Pickle global(String module, String name) {
            return op('c').ascii(module + "\n" + name + "\n");
        }

        Pickle unicode(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return op('X').int32(b.length).raw(b);
        }

        Pickle int32(int v) {
            return raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
        }

        Pickle integer(long v) {
            if (v == (int) v) {
                return op('J').int32((int) v);
            }
            return op(0x8a).op(8).raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        }

        Pickle tuple(long[] values) {
            op('(');
            for (long v : values) {
                integer(v);
            }
            return op('t');
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
