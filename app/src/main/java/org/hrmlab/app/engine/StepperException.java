package org.hrmlab.app.engine;

/** A stepper call failed with a one-line message fit for the user (for example a bad checkpoint file). */
public class StepperException extends RuntimeException {
    public StepperException(String message) {
        super(message);
    }

    public StepperException(String message, Throwable cause) {
        super(message, cause);
    }
}
