package org.hrmlab.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    @Test
    void readsSizesWithUnits() {
        MemoryBudget b = MemoryBudget.fromSetting("2K");
        b.reserve(2048);
        assertThrows(CudaException.class, () -> b.reserve(1));
        assertEquals(2048, MemoryBudget.fromSetting("2048").limitBytes());
        assertEquals(3L << 20, MemoryBudget.fromSetting("3m").limitBytes());
        assertEquals(Long.MAX_VALUE, MemoryBudget.fromSetting(null).limitBytes());
    }

    @Test
    void refusesPastTheLimitWithOneLineAndRecordsNothing() {
        MemoryBudget b = new MemoryBudget(1000);
        b.reserve(600);
        CudaException e = assertThrows(CudaException.class, () -> b.reserve(500));
        assertTrue(e.getMessage().contains("CUDA_ERROR_OUT_OF_MEMORY"), e.getMessage());
        assertTrue(e.getMessage().contains("hrmlab.cuda.memoryLimit"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertEquals(600, b.held());
        b.release(600);
        b.reserve(1000);
        assertEquals(1000, b.peak());
    }

    @Test
    void aBadSettingIsOneLine() {
        CudaException e = assertThrows(CudaException.class, () -> MemoryBudget.fromSetting("lots"));
        assertTrue(e.getMessage().contains("'lots' is not a size"), e.getMessage());
        assertThrows(CudaException.class, () -> MemoryBudget.fromSetting("-5G"));
    }
}
