package org.hrmlab.app.cli;

import java.io.PrintWriter;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.compute.DeviceSelection;
import org.hrmlab.engine.compute.DeviceUnavailableException;
import org.hrmlab.engine.compute.Devices;
import picocli.CommandLine.Option;

/**
 * {@code --device auto|cpu|cuda[:N]}: where the model runs. {@code auto} (the default) takes the GPU when it can be
 * used and otherwise the CPU; the choice, and why, is one line on stderr. A named device that cannot be used is bad
 * input: exit 2 with one line saying what is missing.
 */
final class DeviceOption {
    @Option(names = "--device", defaultValue = "auto", paramLabel = "D",
            description = "where the model runs: " + Devices.CHOICES + " (default auto: the GPU when usable)")
    String device;

    private DeviceSelection selection;

    /** @return the device, resolving it once and telling {@code err} which it is */
    ComputeDevice resolve(PrintWriter err) {
        if (selection == null) {
            try {
                selection = Devices.select(device);
            } catch (DeviceUnavailableException | IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            err.println(selection.line());
            err.flush();
        }
        return selection.device();
    }
}
