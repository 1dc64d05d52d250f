package org.hrmlab.engine.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeviceSpecTest {
    @Test
    void readsWhatUsersType() {
        assertEquals(DeviceSpec.AUTO, DeviceSpec.parse(null));
        assertEquals(DeviceSpec.AUTO, DeviceSpec.parse(" Auto "));
        assertEquals(DeviceSpec.CPU, DeviceSpec.parse("cpu"));
        assertEquals(new DeviceSpec("cuda", 0), DeviceSpec.parse("CUDA"));
        assertEquals(new DeviceSpec("cuda", 2), DeviceSpec.parse("cuda:2"));
        assertEquals("cuda:2", DeviceSpec.parse("cuda:2").toString());
        assertEquals("auto", DeviceSpec.AUTO.toString());
        assertEquals("cpu", DeviceSpec.CPU.toString());
        assertTrue(DeviceSpec.AUTO.auto());
    }

    @Test
    void refusesWhatNamesNoDeviceInOneLine() {
        assertEquals("device 'gpu' is not one of auto|cpu|cuda[:N]",
                assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse("gpu")).getMessage());
        assertEquals("device 'cuda:x': the GPU number must be 0, 1, ...",
                assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse("cuda:x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse("cuda:-1"));
    }
}
