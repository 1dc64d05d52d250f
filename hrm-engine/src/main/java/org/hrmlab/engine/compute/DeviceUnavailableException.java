package org.hrmlab.engine.compute;

/** A device that cannot be used or failed; the message is one line naming the device and the problem. */
public class DeviceUnavailableException extends RuntimeException {
    /** @param message one line, such as {@code cuda: libcublas.so.13 or .12 not found (searched ...)} */
    public DeviceUnavailableException(String message) {
        super(message);
    }

    /** @param message one line @param cause what failed underneath */
    public DeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
