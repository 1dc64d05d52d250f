package org.hrmlab.cuda;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the machine's CUDA libraries are. Folders are searched in this order: the setting {@code hrmlab.cuda.path}
 * (or {@code HRMLAB_CUDA_PATH}), {@code CUDA_HOME}/{@code CUDA_PATH}, {@code LD_LIBRARY_PATH}, the {@code nvidia}
 * wheel folders of Python environments on {@code PATH} (and {@code VIRTUAL_ENV}, {@code CONDA_PREFIX}, the user's and
 * the system's site-packages: what PyTorch installs), then the usual system folders. cuBLAS 13 is preferred to 12
 * wherever each is found; the driver is also looked up by name through the system loader.
 *
 * @param driver   {@code libcuda.so.1}'s path, or null to load it by name
 * @param cublas   {@code libcublas.so.13} or {@code .12}
 * @param cublasLt the {@code libcublasLt} of the same version beside it, or null
 * @param searched the folders looked in, for messages
 */
public record CudaLibraries(Path driver, Path cublas, Path cublasLt, List<Path> searched) {
    static final String DRIVER = "libcuda.so.1";
    static final List<String> CUBLAS_VERSIONS = List.of("13", "12");

    /**
     * @param env        the environment ({@code System.getenv()})
     * @param pathSetting the value of {@code hrmlab.cuda.path}, or null
     * @return what was found ({@code cublas} null when no cuBLAS was found: see {@link #requireCublas})
     */
    public static CudaLibraries find(Map<String, String> env, String pathSetting) {
        List<Path> dirs = searchFolders(env, pathSetting);
        Path driver = first(dirs, DRIVER);
        for (String v : CUBLAS_VERSIONS) {
            Path cublas = first(dirs, "libcublas.so." + v);
            if (cublas != null) {
                Path lt = cublas.resolveSibling("libcublasLt.so." + v);
                return new CudaLibraries(driver, cublas, Files.isRegularFile(lt) ? lt : null, dirs);
            }
        }
        return new CudaLibraries(driver, null, null, dirs);
    }

    /** @return cuBLAS's path @throws CudaException naming where it was looked for, when none was found */
    public Path requireCublas() {
        if (cublas == null) {
            throw new CudaException("cuda: cuBLAS not found (libcublas.so.13 or .12; searched " + shortList(searched)
                    + "); set hrmlab.cuda.path or CUDA_HOME to its folder");
        }
        return cublas;
    }

    /** @return the folders to search, in order, without duplicates; only those that exist */
    static List<Path> searchFolders(Map<String, String> env, String pathSetting) {
        Set<Path> out = new LinkedHashSet<>();
        addPathList(out, pathSetting);
        addPathList(out, env.get("HRMLAB_CUDA_PATH"));
        for (String home : new String[] {env.get("CUDA_HOME"), env.get("CUDA_PATH")}) {
            if (home != null && !home.isBlank()) {
                Path h = Path.of(home);
                out.add(h.resolve("lib64"));
                out.add(h.resolve("lib"));
                out.add(h.resolve("targets/x86_64-linux/lib"));
            }
        }
        addPathList(out, env.get("LD_LIBRARY_PATH"));
        List<Path> pythonRoots = new ArrayList<>();
        String path = env.get("PATH");
        if (path != null) {
            for (String p : path.split(File.pathSeparator)) {
                Path python = p.isBlank() ? null : Path.of(p, "python3");
                if (python != null && Files.isRegularFile(python)) {
                    pythonRoots.add(python.getParent().getParent());
                    try {
                        pythonRoots.add(python.toRealPath().getParent().getParent());
                    } catch (IOException | RuntimeException e) {
                        // the unresolved root is enough
                    }
                }
            }
        }
        for (String var : new String[] {"VIRTUAL_ENV", "CONDA_PREFIX"}) {
            if (env.get(var) != null && !env.get(var).isBlank()) {
                pythonRoots.add(Path.of(env.get(var)));
            }
        }
        List<Path> sitePackages = new ArrayList<>();
        for (Path root : pythonRoots) {
            if (root != null) {
                sitePackages.addAll(children(root.resolve("lib"), "python3*", "site-packages"));
            }
        }
        String home = env.get("HOME");
        if (home != null) {
            sitePackages.addAll(children(Path.of(home, ".local/lib"), "python3*", "site-packages"));
        }
        sitePackages.addAll(children(Path.of("/usr/local/lib"), "python3*", "dist-packages"));
        sitePackages.addAll(children(Path.of("/usr/local/lib"), "python3*", "site-packages"));
        sitePackages.add(Path.of("/usr/lib/python3/dist-packages"));
        for (Path sp : sitePackages) {
            for (Path pkg : children(sp.resolve("nvidia"), "*", null)) {
                out.add(pkg.resolve("lib"));
            }
        }
        for (String sys : new String[] {"/usr/local/cuda/lib64", "/usr/local/cuda/targets/x86_64-linux/lib",
                "/usr/local/nvidia/lib64", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/lib/wsl/lib"}) {
            out.add(Path.of(sys));
        }
        return out.stream().filter(Files::isDirectory).toList();
    }

    private static void addPathList(Set<Path> out, String list) {
        if (list != null) {
            for (String p : list.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    out.add(Path.of(p));
                }
            }
        }
    }

    /** @return {@code dir/<glob>[/sub]} that exist, sorted by name, newest Python last */
    private static List<Path> children(Path dir, String glob, String sub) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
            for (Path p : ds) {
                Path c = sub == null ? p : p.resolve(sub);
                if (Files.isDirectory(c)) {
                    out.add(c);
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    private static Path first(List<Path> dirs, String name) {
        for (Path d : dirs) {
            Path p = d.resolve(name);
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }

    static String shortList(List<Path> dirs) {
        if (dirs.isEmpty()) {
            return "no existing folder";
        }
        List<String> names = dirs.stream().map(Path::toString).toList();
        return names.size() <= 4 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 4)) + " and " + (names.size() - 4) + " more";
    }
}
