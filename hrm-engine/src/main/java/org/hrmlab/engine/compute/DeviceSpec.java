package org.hrmlab.engine.compute;

import java.util.Locale;

/**
 * What a user asked for as a device, before anything is opened: {@code auto}, {@code cpu}, or a GPU backend and its
 * device number ({@code cuda}, {@code cuda:N}). {@link Devices#resolve(DeviceSpec)} turns it into a device.
 *
 * @param kind    {@code auto}, {@code cpu} or {@code cuda}
 * @param ordinal the GPU number (0 for {@code auto} and {@code cpu})
 */
public record DeviceSpec(String kind, int ordinal) {
    /** The GPU when one is usable, else the CPU. */
    public static final DeviceSpec AUTO = new DeviceSpec("auto", 0);
    /** The CPU. */
    public static final DeviceSpec CPU = new DeviceSpec("cpu", 0);

    /**
     * @param spec {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N} (case-insensitive; null = auto)
     * @return what it names
     * @throws IllegalArgumentException for a spec that names no device kind, or a bad GPU number (one line)
     */
    public static DeviceSpec parse(String spec) {
        String s = spec == null ? "auto" : spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("auto")) {
            return AUTO;
        }
        if (s.equals("cpu")) {
            return CPU;
        }
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        int ordinal = 0;
        if (colon >= 0) {
            try {
                ordinal = Integer.parseInt(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                ordinal = -1;
            }
            if (ordinal < 0) {
                throw new IllegalArgumentException("device '" + spec + "': the GPU number must be 0, 1, ...");
            }
        }
        if (!kind.equals("cuda")) {
            throw new IllegalArgumentException("device '" + spec + "' is not one of " + Devices.CHOICES);
        }
        return new DeviceSpec(kind, ordinal);
    }

    /** @return true for {@code auto} */
    public boolean auto() {
        return kind.equals(AUTO.kind);
    }

    /** @return the spec as users type it: {@code auto}, {@code cpu}, {@code cuda:N} */
    @Override
    public String toString() {
        return auto() || kind.equals(CPU.kind) ? kind : kind + ":" + ordinal;
    }
}
