package org.hrmlab.app.cli;

import java.io.PrintWriter;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.compute.DeviceSelection;
import org.hrmlab.engine.compute.DeviceSpec;
import org.hrmlab.engine.compute.DeviceUnavailableException;
import org.hrmlab.engine.compute.Devices;
import picocli.CommandLine.Option;

/**
 * {@code --device auto|cpu|cuda[:N]}: where the model runs. {@code auto} (the default) takes the GPU when it can be
 * used and otherwise the CPU; the choice, and why, is one line on stderr. A value that names no device is a usage
 * error when the command line is read; a named device that cannot be used is bad input when first used: exit 2 with
 * one line saying what is missing.
 */
final class DeviceOption {
    @Option(names = "--device", defaultValue = "auto", paramLabel = "D", converter = OptionConverters.DeviceSpecs.class,
            description = "where the model runs: " + Devices.CHOICES + " (default auto: the GPU when usable)")
    DeviceSpec device;

    private DeviceSelection selection;

    /** @return the device, resolving it once and telling {@code err} which it is */
    ComputeDevice resolve(PrintWriter err) {
        boolean first = selection == null;
        DeviceSelection chosen = select();
        if (first) {
            err.println(chosen.line());
            err.flush();
        }
        return chosen.device();
    }

    /**
     * @return the device and the line that says which and why, resolved once; nothing is printed
     * @throws BadInputException when a named device cannot be used (one line)
     */
    DeviceSelection select() {
        if (selection == null) {
            try {
                selection = Devices.resolve(device);
            } catch (DeviceUnavailableException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        return selection;
    }

    /** @return true when the user left the choice to {@code auto} */
    boolean auto() {
        return device.auto();
    }
}
