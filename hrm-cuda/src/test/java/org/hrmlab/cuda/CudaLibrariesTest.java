package org.hrmlab.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CudaLibrariesTest {
    @TempDir
    Path tmp;

    private Path lib(String dir, String... names) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(dir));
        for (String n : names) {
            Files.writeString(d.resolve(n), "");
        }
        return d;
    }

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void findsCublasInThePythonWheelFolderOfTheVenvOnPath() throws IOException {
        Path bin = lib("venv/bin", "python3");
        Path wheel = lib("venv/lib/python3.12/site-packages/nvidia/cu13/lib", "libcublas.so.13", "libcublasLt.so.13");
        CudaLibraries found = CudaLibraries.find(env("PATH", "/nonexistent:" + bin), null);
        assertEquals(wheel.resolve("libcublas.so.13"), found.cublas());
        assertEquals(wheel.resolve("libcublasLt.so.13"), found.cublasLt());
    }

    @Test
    void theSettingComesFirstThenCudaHomeThenLdLibraryPath() throws IOException {
        Path setting = lib("setting", "libcublas.so.12");
        Path home = tmp.resolve("cuda");
        lib("cuda/lib64", "libcublas.so.12");
        Path ld = lib("ld", "libcublas.so.12");
        assertEquals(setting.resolve("libcublas.so.12"),
                CudaLibraries.find(env("CUDA_HOME", home.toString(), "LD_LIBRARY_PATH", ld.toString()),
                        setting.toString()).cublas());
        assertEquals(home.resolve("lib64/libcublas.so.12"),
                CudaLibraries.find(env("CUDA_HOME", home.toString(), "LD_LIBRARY_PATH", ld.toString()), null)
                        .cublas());
        assertEquals(ld.resolve("libcublas.so.12"),
                CudaLibraries.find(env("LD_LIBRARY_PATH", ld.toString()), null).cublas());
    }

    @Test
    void cublas13IsPreferredToCublas12WhereverEachIs() throws IOException {
        Path old = lib("old", "libcublas.so.12");
        Path current = lib("new", "libcublas.so.13");
        CudaLibraries found = CudaLibraries.find(env("LD_LIBRARY_PATH", old + ":" + current), null);
        assertEquals(current.resolve("libcublas.so.13"), found.cublas());
        assertNull(found.cublasLt(), "no libcublasLt beside it");
    }

    @Test
    void aMissingCublasIsOneLineNamingWhereItLooked() throws IOException {
        Path empty = lib("empty");
        CudaLibraries found = CudaLibraries.find(env("LD_LIBRARY_PATH", empty.toString()), null);
        CudaException e = assertThrows(CudaException.class, found::requireCublas);
        assertTrue(e.getMessage().startsWith("cuda: cuBLAS not found (libcublas.so.13 or .12; searched " + empty),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aDriverInASearchedFolderIsLoadedByPath() throws IOException {
        Path d = lib("drv", "libcuda.so.1", "libcublas.so.13");
        assertEquals(d.resolve("libcuda.so.1"), CudaLibraries.find(env("LD_LIBRARY_PATH", d.toString()), null).driver());
    }

    @Test
    void aLibraryThatCannotBeLoadedIsOneLineNamingTheFile() throws IOException {
        Path bogus = lib("bogus", "libcublas.so.13").resolve("libcublas.so.13");
        CudaException e = assertThrows(CudaException.class, () -> NativeCalls.load(bogus));
        assertTrue(e.getMessage().startsWith("cuda: cannot load " + bogus), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
