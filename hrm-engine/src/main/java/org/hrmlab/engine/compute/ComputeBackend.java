package org.hrmlab.engine.compute;

/**
 * A family of devices beyond the built-in CPU, found with {@link java.util.ServiceLoader} (register an implementation
 * in {@code META-INF/services/org.hrmlab.engine.compute.ComputeBackend}). Implementations must load without their
 * native libraries present and report their absence through {@link #device}.
 */
public interface ComputeBackend {
    /** @return the device prefix a user types, such as {@code cuda} */
    String name();

    /**
     * Finds and initialises device {@code ordinal} (libraries, driver, context).
     *
     * @return the device, ready to open models
     * @throws DeviceUnavailableException with one line saying what is missing or failed
     */
    ComputeDevice device(int ordinal);
}
