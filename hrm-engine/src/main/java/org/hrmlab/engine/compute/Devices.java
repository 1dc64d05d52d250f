package org.hrmlab.engine.compute;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Resolves what a user asked for ({@code auto}, {@code cpu}, {@code cuda}, {@code cuda:N}) to a device.
 * {@code auto} takes the first GPU that works and otherwise the CPU, saying why.
 */
public final class Devices {
    /** The choices users type, for help texts. */
    public static final String CHOICES = "auto|cpu|cuda[:N]";

    private Devices() {
    }

    /**
     * @param spec {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N} (case-insensitive; null = auto)
     * @return the device and a line saying which and why
     * @throws DeviceUnavailableException when an explicitly named device cannot be used (one line)
     * @throws IllegalArgumentException for a spec that names no device kind
     */
    public static DeviceSelection select(String spec) {
        return resolve(DeviceSpec.parse(spec));
    }

    /**
     * @param spec what the user asked for
     * @return the device and a line saying which and why
     * @throws DeviceUnavailableException when an explicitly named device cannot be used (one line)
     */
    public static DeviceSelection resolve(DeviceSpec spec) {
        if (spec.equals(DeviceSpec.CPU)) {
            return new DeviceSelection(ComputeDevice.CPU, "device: " + ComputeDevice.CPU.description());
        }
        if (spec.auto()) {
            try {
                ComputeDevice gpu = open("cuda", 0);
                return new DeviceSelection(gpu, "device: " + gpu.description());
            } catch (DeviceUnavailableException e) {
                return new DeviceSelection(ComputeDevice.CPU, "device: cpu (no usable GPU: " + e.getMessage() + ")");
            }
        }
        ComputeDevice d = open(spec.kind(), spec.ordinal());
        return new DeviceSelection(d, "device: " + d.description());
    }

    /**
     * @return device {@code ordinal} of the backend called {@code kind}
     * @throws DeviceUnavailableException when no such backend is in this build or it cannot start
     */
    public static ComputeDevice open(String kind, int ordinal) {
        List<String> problems = new ArrayList<>();
        for (ComputeBackend b : backends(problems)) {
            if (b.name().equals(kind)) {
                return b.device(ordinal);
            }
        }
        String why = problems.isEmpty()
                ? "the " + kind.toUpperCase(Locale.ROOT) + " backend is not in this build (module hrm-cuda, built on Java 22+)"
                : problems.get(0);
        throw new DeviceUnavailableException(kind + ": " + why);
    }

    /** @return the backends on the class path that load on this Java; those that do not are described in problems */
    static List<ComputeBackend> backends(List<String> problems) {
        List<ComputeBackend> out = new ArrayList<>();
        Iterator<ComputeBackend> it = ServiceLoader.load(ComputeBackend.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add("the GPU backend needs Java 22 or later; this is Java " + Runtime.version().feature());
                break;
            }
        }
        return out;
    }
}
