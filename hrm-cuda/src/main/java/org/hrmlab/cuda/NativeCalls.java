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

    private NativeCalls(SymbolLookup lookup, String library) {
        this.lookup = lookup;
        this.library = library;
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
        var symbol = lookup.find(name).orElseThrow(
                () -> new CudaException("cuda: " + library + " has no function " + name + " (too old?)"));
        FunctionDescriptor fd = result == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(result, args);
        return LINKER.downcallHandle(symbol, fd);
    }

    /** @return true if the library exports {@code name} */
    boolean has(String name) {
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
