package org.hrmlab.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PTX is the kernel source's: every kernel the backend launches is in it, and where nvcc is installed
 * the source compiles to exactly the committed PTX (its ISA header lowered to 7.0) and that passes ptxas for
 * Turing (sm_75) and Hopper (sm_90). A user's build needs neither.
 */
class KernelSourceTest {
    static final Path SOURCE = Path.of("src/main/cuda/hrm_kernels.cu");

    private static Set<String> entries(String ptx) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\.visible \\.entry (\\w+)\\(").matcher(ptx);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theEmbeddedPtxHoldsEveryKernelTheSourceDefines() throws IOException {
        String ptx = new String(Kernels.ptx(), StandardCharsets.US_ASCII);
        Set<String> defined = new TreeSet<>();
        Matcher m = Pattern.compile("extern \"C\" __global__ void (\\w+)\\(").matcher(Files.readString(SOURCE));
        while (m.find()) {
            defined.add(m.group(1));
        }
        assertEquals(new TreeSet<>(Kernels.NAMES), defined, "the kernels the backend loads");
        assertEquals(defined, entries(ptx));
        assertTrue(ptx.contains(".target sm_75"), "compute_75 PTX runs on every GPU from Turing on");
        assertTrue(ptx.contains(".version 7.0\n"), "PTX ISA 7.0: drivers from CUDA 11.0 on read it");
    }

    @Test
    void theSourceCompilesToTheCommittedPtxAndPassesPtxasForHopper(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(onPath("nvcc") && onPath("ptxas"), "nvcc and ptxas are not installed here");
        Path ptx = tmp.resolve("k.ptx");
        run("nvcc", "-ptx", "-arch=compute_75", "-O3", "-o", ptx.toString(), SOURCE.toString());
        String fresh = Files.readString(ptx).replaceFirst("(?m)^\\.version [0-9.]+$", ".version 7.0");
        String committed = new String(Kernels.ptx(), StandardCharsets.US_ASCII);
        assertEquals(withoutHeader(committed), withoutHeader(fresh),
                "the committed PTX is stale: run hrm-cuda/build-ptx.sh");
        Path committedFile = tmp.resolve("committed.ptx");
        Files.writeString(committedFile, committed);
        for (String sm : new String[] {"sm_75", "sm_90"}) {
            run("ptxas", "-arch=" + sm, "-o", tmp.resolve(sm + ".cubin").toString(), committedFile.toString());
        }
    }

    private static String withoutHeader(String ptx) {
        return ptx.substring(ptx.indexOf(".version"));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
    }
}
