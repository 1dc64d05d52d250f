package org.hrmlab.app.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code --batch} value: a number of examples run at once, or {@code auto} (sized to the device).
 *
 * @param rows the examples per batch, or 0 for auto
 */
record BatchSize(int rows) {
    /** The device chooses. */
    static final BatchSize AUTO = new BatchSize(0);

    boolean auto() {
        return rows == 0;
    }

    /** Reads {@code auto} or a positive number; anything else is a usage error (one line, exit 2). */
    static final class Converter implements ITypeConverter<BatchSize> {
        @Override
        public BatchSize convert(String value) {
            if (value.trim().equalsIgnoreCase("auto")) {
                return AUTO;
            }
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1) {
                    return new BatchSize(n);
                }
            } catch (NumberFormatException e) {
                // falls through to the usage error
            }
            throw new TypeConversionException("'" + value + "' is not a batch size (a number >= 1, or auto)");
        }
    }
}
