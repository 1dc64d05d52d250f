package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hrmlab.app.TestData;
import org.hrmlab.engine.compute.DeviceUnavailableException;
import org.hrmlab.engine.compute.Devices;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --device}: the CPU on request, auto falling back with one line, a missing GPU as bad input. */
class DeviceOptionTest {
    static final Path CASE = TestData.SUDOKU_SMALL;

    @TempDir
    Path dir;

    private static boolean gpuHere() {
        try {
            Devices.open("cuda", 0);
            return true;
        } catch (DeviceUnavailableException e) {
            return false;
        }
    }

    private CliRun trace(String device, Path out) {
        return CliRun.of("trace", "--checkpoint", CASE.resolve("checkpoint/step_0").toString(),
                "--tokens", CASE.resolve("golden/inputs.npy").toString(), "--segments", "1", "--device", device,
                "--out", out.toString());
    }

    @Test
    void cpuRunsAndSaysSo() {
        CliRun run = trace("cpu", dir.resolve("cpu"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("device: cpu")), run.err());
    }

    @Test
    void autoFallsBackToTheCpuWithOneLineSayingWhy() {
        Assumptions.assumeFalse(gpuHere(), "this machine has a usable GPU");
        CliRun run = trace("auto", dir.resolve("auto"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("device: cpu (no usable GPU: cuda: ")), run.err());
    }

    @Test
    void aNamedGpuThatCannotBeUsedIsExitTwoWithOneLineAndNothingWritten() {
        Assumptions.assumeFalse(gpuHere(), "this machine has a usable GPU");
        Path out = dir.resolve("cuda");
        CliRun run = trace("cuda:0", out);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("hrmlab trace: cuda: "), run.err());
        assertFalse(Files.exists(out.resolve("zL.npy")));
    }

    @Test
    void anUnknownDeviceIsExitTwo() {
        CliRun run = trace("tpu", dir.resolve("tpu"));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("'tpu' is not one of auto|cpu|cuda[:N]"), run.err());
    }

    @Test
    void aBatchThatIsNoNumberIsAUsageErrorInOneLine() {
        CliRun run = CliRun.of("eval", "--checkpoint", CASE.resolve("checkpoint/step_0").toString(), "--dataset",
                "x.csv", "--batch", "many");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("'many' is not a batch size"), run.err());
        CliRun zero = CliRun.of("analyze", "--stream", "--batch", "0", "--out", dir.resolve("z").toString());
        assertEquals(2, zero.exitCode(), zero.err());
    }
}
