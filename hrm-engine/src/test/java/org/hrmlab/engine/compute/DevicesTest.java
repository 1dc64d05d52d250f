package org.hrmlab.engine.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Device choice in a build without the GPU backend on the class path (this module's tests). */
class DevicesTest {
    @Test
    void cpuIsAlwaysThere() {
        DeviceSelection s = Devices.select("CPU");
        assertSame(ComputeDevice.CPU, s.device());
        assertTrue(s.line().startsWith("device: cpu"), s.line());
    }

    @Test
    void autoFallsBackToTheCpuSayingWhy() {
        DeviceSelection s = Devices.select(null);
        assertSame(ComputeDevice.CPU, s.device());
        assertTrue(s.line().startsWith("device: cpu (no usable GPU: cuda: the CUDA backend is not in this build"),
                s.line());
    }

    @Test
    void aNamedGpuWithoutItsBackendIsOneLine() {
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> Devices.select("cuda:1"));
        assertTrue(e.getMessage().startsWith("cuda: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void specsThatNameNoDeviceAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Devices.select("gpu"));
        assertThrows(IllegalArgumentException.class, () -> Devices.select("cuda:x"));
        assertThrows(IllegalArgumentException.class, () -> Devices.select("cuda:-1"));
    }
}
