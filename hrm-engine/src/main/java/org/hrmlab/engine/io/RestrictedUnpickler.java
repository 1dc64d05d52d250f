package org.hrmlab.engine.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * A pickle reader for torch state dicts that resolves only the globals tensor storage and ordered dicts need.
 * Every other global ({@code os.system}, {@code builtins.eval}, ...) and every opcode that names a class
 * ({@code INST}, {@code OBJ}, extension codes) is refused with {@link HostilePickleException}; nothing is called.
 * Length fields are checked against the bytes that remain before anything is allocated, so a short pickle cannot
 * ask for gigabytes.
 */
final class RestrictedUnpickler extends Unpickler {
    private static final short GLOBAL = 'c';
    private static final short STACK_GLOBAL = 0x93;
    private static final short INST = 'i';
    private static final short OBJ = 'o';
    private static final Set<Short> EXTENSIONS = Set.of((short) 0x82, (short) 0x83, (short) 0x84);
    private static final Set<Short> LENGTH4 = Set.of((short) 'T', (short) 'X', (short) 'B');
    private static final Set<Short> LENGTH8 = Set.of((short) 0x8d, (short) 0x8e, (short) 0x96);
    private static final short LONG4 = 0x8b;
    private static final short EMPTY_DICT = '}';
    private static final short SETITEMS = 'u';
    private static final int MAX_LONG4_BYTES = 16;
    private static final Set<String> STORAGE_TYPES = Set.of("FloatStorage", "BFloat16Storage", "HalfStorage",
            "DoubleStorage", "IntStorage", "LongStorage", "ByteStorage", "BoolStorage", "CharStorage", "ShortStorage");

    /** Marker for a storage class named in a persistent id, e.g. {@code FloatStorage}. */
    record StorageType(String name) {
    }

    /** A storage referenced by a persistent id: {@code ('storage', type, key, location, numel)}. */
    record StorageRef(StorageType type, String key, long numel) {
    }

    /**
     * A tensor view into a storage, as {@code torch._utils._rebuild_tensor_v2} describes it (offset, size and stride
     * count elements of the storage, not bytes).
     */
    record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {
    }

    /**
     * Parses a whole pickle held in memory.
     *
     * @param pickle the pickle bytes (not modified)
     * @return the unpickled root object
     */
    static Object parse(byte[] pickle) throws IOException {
        return new RestrictedUnpickler().load(new ByteArrayInputStream(pickle));
    }

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        if (key == GLOBAL) {
            String module = PickleUtils.readline(input);
            String name = PickleUtils.readline(input);
            stack.add(resolve(module, name));
            return NO_RETURN_VALUE;
        }
        if (key == STACK_GLOBAL) {
            Object name = stack.pop();
            Object module = stack.pop();
            if (!(name instanceof String n) || !(module instanceof String m)) {
                throw new HostilePickleException("STACK_GLOBAL with a non-string module or name");
            }
            stack.add(resolve(m, n));
            return NO_RETURN_VALUE;
        }
        if (key == INST || key == OBJ || EXTENSIONS.contains(key)) {
            String name = key == INST ? "INST" : key == OBJ ? "OBJ" : "EXT" + (key == 0x82 ? 1 : key == 0x83 ? 2 : 4);
            throw new HostilePickleException("pickle uses opcode " + name
                    + ", which can instantiate any class; refused");
        }
        if (key == EMPTY_DICT) {
            stack.add(new LinkedHashMap<>());
            return NO_RETURN_VALUE;
        }
        if (key == SETITEMS) {
            setItemsInOrder();
            return NO_RETURN_VALUE;
        }
        if (LENGTH4.contains(key) || key == LONG4) {
            checkLength(key, 4);
        } else if (LENGTH8.contains(key)) {
            checkLength(key, 8);
        }
        return super.dispatch(key);
    }

    /** SETITEMS keeping the pickle's key order (Pyrolite's own goes through a HashMap). */
    @SuppressWarnings("unchecked")
    private void setItemsInOrder() {
        List<Object> items = stack.pop_all_since_marker();
        if (items.size() % 2 != 0 || !(stack.peek() instanceof Map<?, ?> target)) {
            throw new PickleException("malformed SETITEMS in pickle");
        }
        Map<Object, Object> dict = (Map<Object, Object>) target;
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(items.get(i), items.get(i + 1));
        }
    }

    /** Peeks at a little-endian length field and refuses one that is negative or longer than what is left. */
    private void checkLength(short key, int width) throws IOException {
        input.mark(width);
        byte[] field = input.readNBytes(width);
        input.reset();
        if (field.length < width) {
            throw new PickleException("pickle ends inside opcode 0x" + Integer.toHexString(key));
        }
        long length = 0;
        for (int i = width - 1; i >= 0; i--) {
            length = (length << 8) | (field[i] & 0xFF);
        }
        if (width == 4) {
            length = (int) length;
        }
        long left = input.available() - (long) width;
        if (length < 0 || length > left) {
            throw new PickleException("opcode 0x" + Integer.toHexString(key) + " claims " + length
                    + " bytes but the pickle has " + left + " left (truncated or corrupt)");
        }
        if (key == LONG4 && length > MAX_LONG4_BYTES) {
            throw new PickleException("integer of " + length + " bytes in pickle (a state dict needs at most 8)");
        }
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (pid instanceof Object[] t && t.length == 5 && "storage".equals(t[0])) {
            if (!(t[1] instanceof StorageType type) || !(t[2] instanceof String key) || !(t[4] instanceof Number n)
                    || n.longValue() < 0) {
                throw new HostilePickleException("malformed storage record in pickle");
            }
            return new StorageRef(type, key, n.longValue());
        }
        throw new HostilePickleException("persistent id in pickle is not a tensor storage");
    }

    private static Object resolve(String module, String name) {
        String global = module + "." + name;
        if (module.equals("torch") && STORAGE_TYPES.contains(name)) {
            return new StorageType(name);
        }
        return switch (global) {
            case "collections.OrderedDict" -> (IObjectConstructor) args -> new OrderedDict();
            case "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor" ->
                    (IObjectConstructor) RestrictedUnpickler::rebuildTensor;
            case "torch._utils._rebuild_parameter" -> (IObjectConstructor) RestrictedUnpickler::rebuildParameter;
            default -> throw new HostilePickleException("pickle asks for '" + global
                    + "', which a state dict never needs; refused");
        };
    }

    private static Object rebuildTensor(Object[] args) {
        if (args.length < 4 || !(args[0] instanceof StorageRef storage) || !(args[1] instanceof Number offset)) {
            throw new HostilePickleException("malformed tensor record in pickle");
        }
        long[] size = longs(args[2]);
        long[] stride = longs(args[3]);
        if (size.length != stride.length) {
            throw new HostilePickleException("tensor record with " + size.length + " sizes but " + stride.length
                    + " strides");
        }
        return new TensorRef(storage, offset.longValue(), size, stride);
    }

    private static Object rebuildParameter(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof TensorRef t)) {
            throw new HostilePickleException("malformed parameter record in pickle");
        }
        return t;
    }

    private static long[] longs(Object tuple) {
        List<?> items;
        if (tuple instanceof Object[] a) {
            items = List.of(a);
        } else if (tuple instanceof List<?> l) {
            items = l;
        } else {
            throw new HostilePickleException("malformed tensor shape in pickle");
        }
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof Number n)) {
                throw new HostilePickleException("malformed tensor shape in pickle");
            }
            out[i] = n.longValue();
        }
        return out;
    }

    /** A pickled {@code collections.OrderedDict}; the {@code _metadata} state of a torch state dict is dropped. */
    public static final class OrderedDict extends LinkedHashMap<Object, Object> {
        /**
         * Called by the pickle {@code BUILD} opcode.
         *
         * @param state ignored
         */
        public void __setstate__(HashMap<?, ?> state) {
            // torch keeps per-module version metadata here; HRM Lab does not need it.
        }
    }

    /** Thrown when a pickle asks for anything outside the allowed set. */
    static final class HostilePickleException extends PickleException {
        HostilePickleException(String message) {
            super(message);
        }
    }

    /**
     * @param root the unpickled root object
     * @return the pickled state dict in its order: key to {@link TensorRef}
     * @throws PickleException if the root is not a dict of string keys to tensors
     */
    static Map<String, TensorRef> asStateDict(Object root) {
        if (!(root instanceof Map<?, ?> m)) {
            throw new PickleException("pickle root is not a dict but " + (root == null ? "None"
                    : root.getClass().getSimpleName()));
        }
        Map<String, TensorRef> out = new LinkedHashMap<>();
        for (var e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new PickleException("state-dict key " + e.getKey() + " is not a string");
            }
            if (!(e.getValue() instanceof TensorRef t)) {
                throw new PickleException("state-dict entry '" + key + "' is not a tensor");
            }
            out.put(key, t);
        }
        return out;
    }
}
