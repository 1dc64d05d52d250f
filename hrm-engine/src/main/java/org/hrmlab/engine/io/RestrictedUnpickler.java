package org.hrmlab.engine.io;

import java.io.IOException;
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
 */
final class RestrictedUnpickler extends Unpickler {
    private static final short GLOBAL = 'c';
    private static final short STACK_GLOBAL = 0x93;
    private static final short INST = 'i';
    private static final short OBJ = 'o';
    private static final Set<Short> EXTENSIONS = Set.of((short) 0x82, (short) 0x83, (short) 0x84);
    private static final Set<String> STORAGE_TYPES = Set.of("FloatStorage", "BFloat16Storage", "HalfStorage",
            "DoubleStorage", "IntStorage", "LongStorage", "ByteStorage", "BoolStorage", "CharStorage", "ShortStorage");

    /** Marker for a storage class named in a persistent id. */
    record StorageType(String name) {
    }

    /** A storage referenced by a persistent id: {@code ('storage', type, key, location, numel)}. */
    record StorageRef(StorageType type, String key, long numel) {
    }

    /** A tensor view into a storage, as {@code torch._utils._rebuild_tensor_v2} describes it. */
    record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {
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
            String name = String.valueOf(stack.pop());
            String module = String.valueOf(stack.pop());
            stack.add(resolve(module, name));
            return NO_RETURN_VALUE;
        }
        if (key == INST || key == OBJ || EXTENSIONS.contains(key)) {
            throw new HostilePickleException("refuses pickle opcode 0x" + Integer.toHexString(key)
                    + " (instantiates an arbitrary class)");
        }
        return super.dispatch(key);
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (pid instanceof Object[] t && t.length == 5 && "storage".equals(t[0]) && t[1] instanceof StorageType type) {
            return new StorageRef(type, String.valueOf(t[2]), ((Number) t[4]).longValue());
        }
        throw new HostilePickleException("unexpected persistent id in pickle");
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
            case "torch._utils._rebuild_parameter" -> (IObjectConstructor) args -> args[0];
            default -> throw new HostilePickleException("refuses pickle global " + global);
        };
    }

    private static Object rebuildTensor(Object[] args) {
        if (args.length < 4 || !(args[0] instanceof StorageRef storage)) {
            throw new HostilePickleException("malformed tensor record in pickle");
        }
        return new TensorRef(storage, ((Number) args[1]).longValue(), longs(args[2]), longs(args[3]));
    }

    private static long[] longs(Object tuple) {
        if (tuple instanceof Object[] a) {
            long[] out = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = ((Number) a[i]).longValue();
            }
            return out;
        }
        if (tuple instanceof List<?> l) {
            return l.stream().mapToLong(o -> ((Number) o).longValue()).toArray();
        }
        throw new HostilePickleException("malformed tensor shape in pickle");
    }

    /** A pickled {@code collections.OrderedDict}; the state a torch state dict carries ({@code _metadata}) is dropped. */
    public static final class OrderedDict extends LinkedHashMap<String, Object> {
        /**
         * Called by the pickle {@code BUILD} opcode.
         *
         * @param state ignored
         */
        public void __setstate__(java.util.HashMap<?, ?> state) {
            // torch keeps per-module version metadata here; HRM Lab does not need it.
        }
    }

    /** Thrown when a pickle asks for anything outside the allowed set. */
    static final class HostilePickleException extends PickleException {
        HostilePickleException(String message) {
            super(message);
        }
    }

    /** @return the pickled state dict: key to {@link TensorRef} (other values are kept as read) */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asStateDict(Object root) {
        if (root instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new HostilePickleException("pickle root is not a dict but " + (root == null ? "None"
                : root.getClass().getSimpleName()));
    }
}
