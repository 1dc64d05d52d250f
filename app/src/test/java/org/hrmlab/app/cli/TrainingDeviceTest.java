package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrmlab.app.training.TinyTrainingRun;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.compute.DeviceSelection;
import org.hrmlab.engine.compute.DeviceUnavailableException;
import org.hrmlab.engine.compute.ModelOps;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.train.TrainingConfig;
import org.hrmlab.engine.train.TrainingEvent;
import org.hrmlab.engine.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GPU that runs models but cannot train them: auto keeps the CPU and says why; a named GPU fails in one line. */
class TrainingDeviceTest {
    private static final String REFUSAL = "cuda:0: training on the GPU is not available";

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void autoTrainsOnTheCpuWhenTheGpuCannotTrainAndSaysWhyInOneLine() throws Exception {
        var device = new TrainingDevice(new DeviceSelection(new UntrainableGpu(), "device: cuda:0 (stand-in)"), true,
                new PrintWriter(err, true));
        List<TrainingEvent> events = new ArrayList<>();
        Path out = dir.resolve("run");
        long last = run(device, out, events);
        assertEquals(2, last);
        assertEquals("device: cpu (the GPU cannot train this model: " + REFUSAL + ")", err.toString().strip());
        assertEquals("cpu", device.id(), "evaluations run on the CPU too");
        assertTrue(events.stream().anyMatch(TrainingEvent.Eval.class::isInstance), events.toString());
        assertTrue(Files.isRegularFile(out.resolve("checkpoints/step_2.safetensors")));
    }

    @Test
    void aNamedGpuThatCannotTrainFailsBeforeTheRunWritesAnything() throws Exception {
        var device = new TrainingDevice(new DeviceSelection(new UntrainableGpu(), "device: cuda:0 (stand-in)"), false,
                new PrintWriter(err, true));
        List<TrainingEvent> events = new ArrayList<>();
        Path out = dir.resolve("run");
        var e = assertThrows(DeviceUnavailableException.class, () -> run(device, out, events));
        assertEquals(REFUSAL, e.getMessage());
        assertEquals("", err.toString(), "the failure's own line is the only one");
        assertEquals(List.of(), events);
        assertFalse(Files.exists(out), "the folder takes a new run");
    }

    @Test
    void aDeviceThatTrainsIsAnnouncedOnce() throws Exception {
        var device = new TrainingDevice(new DeviceSelection(ComputeDevice.CPU, "device: cpu (as asked)"), false,
                new PrintWriter(err, true));
        assertEquals(2, run(device, dir.resolve("run"), new ArrayList<>()));
        assertEquals(List.of("device: cpu (as asked)"), err.toString().lines().toList());
    }

    private long run(ComputeDevice device, Path out, List<TrainingEvent> events) throws Exception {
        Path yaml = TinyTrainingRun.write(dir, 1);
        return new TrainingRun(TrainingConfig.read(yaml), out, Files.readString(yaml), events::add, device).run(false);
    }

    /** Runs models on the CPU under a GPU's name and refuses to train, as the CUDA backend without a trainer does. */
    private static final class UntrainableGpu implements ComputeDevice {
        @Override
        public String id() {
            return "cuda:0";
        }

        @Override
        public String description() {
            return "cuda:0 (stand-in)";
        }

        @Override
        public HrmModel open(HrmConfig config, Map<String, HostTensor> weights) {
            return CPU.open(config, weights);
        }

        @Override
        public double gemmGflops(int n) {
            return 0;
        }

        @Override
        public ModelOps<?> trainingOps(HrmConfig config, Map<String, float[]> params, int batch) {
            throw new DeviceUnavailableException(REFUSAL);
        }
    }
}
