package org.hrmlab.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The PCA must give the same axes whichever OpenBLAS kernels the CPU gets. OpenBLAS picks its kernels once, when the
 * library loads (by CPU model, or as {@code OPENBLAS_CORETYPE} says), so each kernel family is tried in a child JVM
 * ({@link PcaKernelProbe}); the families this CPU cannot run are skipped. With OpenBLAS 0.3.19's SkylakeX kernels,
 * which Intel AVX-512 CPUs get, LAPACK's eigenvector drivers returned wrong axes for D = 300.
 */
class PcaKernelIndependenceTest {
    /** OpenBLAS core types and the CPU flags (as /proc/cpuinfo names them) their kernels need. */
    private static final Map<String, List<String>> KERNELS = new LinkedHashMap<>();

    static {
        KERNELS.put("Sandybridge", List.of("avx"));
        KERNELS.put("Haswell", List.of("avx2", "fma"));
        KERNELS.put("SkylakeX", List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"));
    }

    @Test
    void sameAxesWhicheverOpenBlasKernelsAreLoaded() throws Exception {
        Set<String> flags = cpuFlags();
        assumeTrue(flags.contains("avx"), "needs an x86-64 CPU with AVX, described in /proc/cpuinfo");
        int tried = 0;
        for (Map.Entry<String, List<String>> kernel : KERNELS.entrySet()) {
            if (!flags.containsAll(kernel.getValue())) {
                continue;
            }
            Map<String, double[]> axes = probe(kernel.getKey());
            assertEquals(3 * PcaKernelProbe.CASES.length * PcaKernelProbe.COMPONENTS, axes.size(), kernel.getKey());
            for (Map.Entry<String, double[]> axis : axes.entrySet()) {
                String[] key = axis.getKey().split(" ");
                if (key[1].equals("reference")) {
                    continue;
                }
                double[] reference = axes.get(key[0] + " reference " + key[2]);
                assertArrayEquals(reference, axis.getValue(), 1e-7,
                        kernel.getKey() + " kernels, case " + key[0] + ", " + key[1] + " route, component " + key[2]);
            }
            tried++;
        }
        assertTrue(tried > 0);
    }

    /** @return the axes the probe printed, by "case route component" */
    private static Map<String, double[]> probe(String kernel) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), PcaKernelProbe.class.getName());
        builder.environment().put("OPENBLAS_CORETYPE", kernel);
        builder.environment().put("OPENBLAS_VERBOSE", "2");
        builder.redirectErrorStream(true);
        Path log = Files.createTempFile("pca-kernel-probe-", ".log");
        String output;
        try {
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            assertTrue(finished, kernel + " probe timed out:\n" + output);
            assertEquals(0, process.exitValue(), kernel + " probe failed:\n" + output);
        } finally {
            Files.deleteIfExists(log);
        }
        assertTrue(output.contains("Core: " + kernel), "OpenBLAS did not load the " + kernel + " kernels:\n" + output);
        Map<String, double[]> axes = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length > 3 && fields[0].matches("\\d+x\\d+")) {
                double[] loadings = Arrays.stream(fields, 3, fields.length).mapToDouble(Double::parseDouble).toArray();
                axes.put(fields[0] + " " + fields[1] + " " + fields[2], loadings);
            }
        }
        return axes;
    }

    private static Set<String> cpuFlags() throws IOException {
        Path cpuinfo = Paths.get("/proc/cpuinfo");
        Set<String> flags = new HashSet<>();
        if (!Files.isReadable(cpuinfo)) {
            return flags;
        }
        for (String line : Files.readAllLines(cpuinfo)) {
            if (line.startsWith("flags")) {
                flags.addAll(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                break;
            }
        }
        return flags;
    }
}
