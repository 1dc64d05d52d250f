package org.hrmlab.cuda;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/** Binds C functions of one shared library by name; failures become one-line {@link CudaException}s. */
final class NativeCalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private final SymbolLookup lookup;
    private final String library;
    /** An emulation's object whose public methods stand for the library's functions; null for a real library. */
    private final Object emulation;

    private NativeCalls(SymbolLookup lookup, String library) {
        this.lookup = lookup;
        this.library = library;
        this.emulation = null;
    }

    private NativeCalls(Object emulation, String library) {
        this.lookup = null;
        this.library = library;
        this.emulation = emulation;
    }

    /**
     * A library whose functions are methods of {@code emulation}, named as the C functions and typed as their
     * descriptors' Java carriers ({@code MemorySegment} for pointers, {@code int}, {@code long}, {@code float}): the
     * tests run the backend's whole call path on the CPU through an emulated driver and cuBLAS.
     */
    static NativeCalls emulated(String library, Object emulation) {
        return new NativeCalls(emulation, library);
    }

    /** Loads a library from a file. */
    static NativeCalls load(Path file) {
        try {
            return new NativeCalls(SymbolLookup.libraryLookup(file, Arena.global()), file.getFileName().toString());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            throw new CudaException("cuda: cannot load " + file + ": " + oneLine(e));
        }
    }

    /** Loads a library by name through the system loader. */
    static NativeCalls load(String name) {
        try {
            return new NativeCalls(SymbolLookup.libraryLookup(name, Arena.global()), name);
        } catch (IllegalArgumentException | IllegalCallerException e) {
            throw new CudaException("cuda: cannot load " + name + ": " + oneLine(e));
        }
    }

    /** @return a handle to {@code name} returning {@code result} (null = void) with these arguments */
    MethodHandle bind(String name, MemoryLayout result, MemoryLayout... args) {
        FunctionDescriptor fd = result == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(result, args);
        if (emulation != null) {
            try {
                return java.lang.invoke.MethodHandles.publicLookup()
                        .findVirtual(emulation.getClass(), name, fd.toMethodType()).bindTo(emulation);
            } catch (ReflectiveOperationException e) {
                throw new CudaException("cuda: " + library + " (emulated) has no function " + name + fd.toMethodType());
            }
        }
        var symbol = lookup.find(name).orElseThrow(
                () -> new CudaException("cuda: " + library + " has no function " + name + " (too old?)"));
        return LINKER.downcallHandle(symbol, fd);
    }

    /** @return true if the library exports {@code name} */
    boolean has(String name) {
        if (emulation != null) {
            return java.util.Arrays.stream(emulation.getClass().getMethods()).anyMatch(m -> m.getName().equals(name));
        }
        return lookup.find(name).isPresent();
    }

    /** Calls a bound C function that returns an {@code int} status, with boxed arguments. */
    static int invoke(MethodHandle h, Object... args) {
        try {
            return (int) h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new CudaException("cuda: native call failed: " + oneLine(t));
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }
}
