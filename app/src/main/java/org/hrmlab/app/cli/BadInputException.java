package org.hrmlab.app.cli;

/** Bad input or usage found by a command: printed as one line on stderr, exit status 2. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
