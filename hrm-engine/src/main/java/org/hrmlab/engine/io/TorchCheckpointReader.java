package org.hrmlab.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
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
 */
final class TorchCheckpointReader {
    private static final long MAX_STORAGE_BYTES = Integer.MAX_VALUE - 8;

    private TorchCheckpointReader() {
    }

    /**
     * @return every tensor of the state dict as float32, keyed as stored (prefixes not yet stripped)
     * @throws CheckpointException if the archive is not a torch checkpoint, is truncated, or its pickle is hostile
     */
    static Map<String, HostTensor> read(Path file) throws CheckpointException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pkl = findPickle(zip, file);
            String root = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
            Object parsed;
            try (InputStream in = zip.getInputStream(pkl)) {
                parsed = new RestrictedUnpickler().load(in);
            } catch (RestrictedUnpickler.HostilePickleException e) {
                throw new CheckpointException(file, e.getMessage() + "; nothing was executed");
            } catch (PickleException | ClassCastException | IllegalStateException e) {
                throw new CheckpointException(file, "unreadable pickle in " + pkl.getName() + ": " + e.getMessage(), e);
            }
            Map<String, HostTensor> out = new LinkedHashMap<>();
            for (var e : RestrictedUnpickler.asStateDict(parsed).entrySet()) {
                if (!(e.getValue() instanceof TensorRef t)) {
                    throw new CheckpointException(file, "state-dict entry '" + e.getKey() + "' is not a tensor");
                }
                out.put(e.getKey(), materialise(zip, root, t, file, e.getKey()));
            }
            return out;
        } catch (RestrictedUnpickler.HostilePickleException e) {
            throw new CheckpointException(file, e.getMessage() + "; nothing was executed");
        } catch (ZipException e) {
            throw new CheckpointException(file, "not a readable torch zip checkpoint (" + e.getMessage() + ")", e);
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
            if (name.endsWith("data.pkl") && name.indexOf('/') == name.length() - "data.pkl".length() - 1) {
                found = entry;
            }
        }
        if (found == null) {
            throw new CheckpointException(file, "zip archive holds no <root>/data.pkl: not a torch checkpoint");
        }
        return found;
    }

    private static HostTensor materialise(ZipFile zip, String root, TensorRef t, Path file, String key)
            throws IOException {
        StorageRef s = t.storage();
        int itemSize = itemSize(s.type().name());
        if (itemSize < 0) {
            throw new CheckpointException(file, "tensor '" + key + "' has unsupported storage " + s.type().name());
        }
        ZipEntry entry = zip.getEntry(root + "data/" + s.key());
        if (entry == null) {
            throw new CheckpointException(file, "storage " + s.key() + " of tensor '" + key + "' is missing");
        }
        long bytes = s.numel() * itemSize;
        if (bytes > MAX_STORAGE_BYTES) {
            throw new CheckpointException(file, "tensor '" + key + "' has a storage of " + bytes
                    + " bytes; storages over 2 GiB are not supported yet");
        }
        byte[] raw;
        try (InputStream in = zip.getInputStream(entry)) {
            raw = in.readNBytes((int) bytes);
        }
        if (raw.length < bytes) {
            throw new CheckpointException(file, "storage " + s.key() + " of tensor '" + key + "' is truncated ("
                    + raw.length + " of " + bytes + " bytes)");
        }
        long numel = 1;
        for (long d : t.size()) {
            numel *= d;
        }
        if (numel > Integer.MAX_VALUE) {
            throw new CheckpointException(file, "tensor '" + key + "' is too large");
        }
        float[] out = new float[(int) numel];
        ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int[] index = new int[t.size().length];
        for (int i = 0; i < out.length; i++) {
            long pos = t.offset();
            for (int d = 0; d < index.length; d++) {
                pos += index[d] * t.stride()[d];
            }
            if (pos < 0 || pos >= s.numel()) {
                throw new CheckpointException(file, "tensor '" + key + "' reaches outside its storage");
            }
            out[i] = read(buf, s.type().name(), (int) pos);
            for (int d = index.length - 1; d >= 0; d--) {
                if (++index[d] < t.size()[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return new HostTensor(t.size(), out);
    }

    private static int itemSize(String storage) {
        return switch (storage) {
            case "FloatStorage", "IntStorage" -> 4;
            case "BFloat16Storage", "HalfStorage", "ShortStorage" -> 2;
            case "DoubleStorage", "LongStorage" -> 8;
            case "ByteStorage", "BoolStorage", "CharStorage" -> 1;
            default -> -1;
        };
    }

    private static float read(ByteBuffer b, String storage, int index) {
        return switch (storage) {
            case "FloatStorage" -> b.getFloat(index * 4);
            case "BFloat16Storage" -> Float.intBitsToFloat((b.getShort(index * 2) & 0xFFFF) << 16);
            case "HalfStorage" -> halfToFloat(b.getShort(index * 2));
            case "DoubleStorage" -> (float) b.getDouble(index * 8);
            case "IntStorage" -> b.getInt(index * 4);
            case "LongStorage" -> b.getLong(index * 8);
            case "ShortStorage" -> b.getShort(index * 2);
            case "ByteStorage" -> b.get(index) & 0xFF;
            case "BoolStorage", "CharStorage" -> b.get(index);
            default -> throw new IllegalStateException(storage);
        };
    }

    /** IEEE 754 binary16 to float32 (exact). */
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
