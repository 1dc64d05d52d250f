package org.hrmlab.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.compute.DeviceSelection;
import org.hrmlab.engine.compute.DeviceUnavailableException;
import org.hrmlab.engine.compute.ModelOps;
import org.hrmlab.engine.model.HrmModel;

/**
 * The device a training run uses, as {@code --device} chose it. Its line ({@code device: ...}) goes to stderr once the
 * device has taken the model for training, so a run refused before that (bad data, a config that does not fit) says
 * only why. When {@code auto} chose a GPU that cannot train the model, the run keeps the CPU instead and the line says
 * why; a GPU named on the command line that cannot train it fails with its one-line reason.
 */
final class TrainingDevice implements ComputeDevice {
    private final DeviceSelection selection;
    private final boolean auto;
    private final PrintWriter err;
    private ComputeDevice current;
    private boolean announced;

    /**
     * @param selection the device {@code --device} resolved to and its line
     * @param auto      whether the user left the choice to {@code auto} (then the CPU may stand in)
     * @param err       where the device line goes
     */
    TrainingDevice(DeviceSelection selection, boolean auto, PrintWriter err) {
        this.selection = selection;
        this.auto = auto;
        this.err = err;
        this.current = selection.device();
    }

    @Override
    public ModelOps<?> trainingOps(HrmConfig config, Map<String, float[]> params, int batch) {
        ModelOps<?> ops;
        String line;
        try {
            ops = current.trainingOps(config, params, batch);
            line = selection.line();
        } catch (DeviceUnavailableException e) {
            if (!auto || current == ComputeDevice.CPU) {
                throw e;
            }
            current = ComputeDevice.CPU;
            ops = current.trainingOps(config, params, batch);
            line = "device: cpu (the GPU cannot train this model: " + CliErrors.oneLine(e.getMessage()) + ")";
        }
        announce(line);
        return ops;
    }

    @Override
    public String id() {
        return current.id();
    }

    @Override
    public String description() {
        return current.description();
    }

    @Override
    public HrmModel open(HrmConfig config, Map<String, HostTensor> weights) {
        return current.open(config, weights);
    }

    @Override
    public double gemmGflops(int n) {
        return current.gemmGflops(n);
    }

    @Override
    public int batchFor(HrmConfig config) {
        return current.batchFor(config);
    }

    @Override
    public String toString() {
        return id();
    }

    private void announce(String line) {
        if (!announced) {
            announced = true;
            err.println(line);
            err.flush();
        }
    }
}
